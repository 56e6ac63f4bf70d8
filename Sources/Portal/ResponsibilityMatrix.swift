import PortalStore

/// A period's responsibility matrix as the pages show it: every indicator of the period's pack with its lead OPD,
/// contributing OPDs and PJ, the stored assignment where the admin made one, else the default.
///
/// Defaults: an indicator the pack decides for the whole pemda (`pemda_level:`: the policies, the architecture, the
/// Tim Koordinasi, the shared data centre and network) is led by the OPD coded `diskominfo`, except the planning
/// and budgeting one (its name mentions "anggaran": I13 Rencana dan Anggaran SPBE in the 2020 pack), led by the
/// OPD coded `bappeda`. Every other indicator (the services an OPD runs) has no lead until the admin assigns one.
struct ResponsibilityMatrix: Sendable {
    /// One indicator's row.
    struct Row: Sendable {
        let indicator: CheckAdapter.IndicatorLine
        let leadOPDID: Int64?
        let contributorIDs: [Int64]
        let pj: String
        /// Whether the row is the default (the admin has not saved the matrix for the period).
        let isDefault: Bool
    }

    /// The rows, in the pack's order.
    let rows: [Row]

    /// The matrix of `indicators` from the `stored` rows, with defaults from `opds` for the others.
    init(indicators: [CheckAdapter.IndicatorLine], stored: [Responsibility], opds: [OPD]) {
        let saved = Dictionary(stored.map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
        rows = indicators.map { indicator in
            if let row = saved[indicator.id] {
                return Row(
                    indicator: indicator, leadOPDID: row.leadOPDID, contributorIDs: row.contributorIDs, pj: row.pj,
                    isDefault: false)
            }
            return Row(
                indicator: indicator, leadOPDID: Self.defaultLead(indicator, opds: opds), contributorIDs: [], pj: "",
                isDefault: true)
        }
    }

    /// The default lead of `indicator`: Diskominfo for a pemda-level one, Bappeda for the planning one, else none.
    static func defaultLead(_ indicator: CheckAdapter.IndicatorLine, opds: [OPD]) -> Int64? {
        guard indicator.pemdaLevel else { return nil }
        let code = indicator.name.lowercased().contains("anggaran") ? "bappeda" : "diskominfo"
        return opds.first { $0.code == code }?.id
    }

    /// The rows an OPD owes: those it leads, then those it contributes to.
    func owed(by opdID: Int64) -> (lead: [Row], contributing: [Row]) {
        (rows.filter { $0.leadOPDID == opdID }, rows.filter { $0.contributorIDs.contains(opdID) })
    }
}
