import PortalStore

/// Turns official results into follow-ups: every recommendation, and every evidence item the assessors marked to
/// revise, becomes one, owned by the OPD the result names, else the indicator's lead OPD in the responsibility
/// matrix (an evidence item: the OPD that uploaded it), with that row's PJ, a target `targetDays` after `today`,
/// and a priority: high for a returned item or for a recommendation on an indicator officially below its claim,
/// else medium. The admin and the owner change them afterwards.
enum FollowUpPlanner {
    /// Days from the results to a follow-up's default target.
    static let targetDays: Int64 = 90

    /// The follow-ups of `results` and `outcomes` of period `periodID`.
    static func followUps(
        periodID: Int64, results: [OfficialResult], outcomes: [OfficialEvidenceResult], matrix: ResponsibilityMatrix,
        evidence: [Evidence], claims: [Claim], today: String
    ) -> [NewFollowUp] {
        let target = CivilDay.adding(targetDays, to: today) ?? today
        let rows = Dictionary(matrix.rows.map { ($0.indicator.id, $0) }, uniquingKeysWith: { first, _ in first })
        let claimed = Dictionary(claims.map { ($0.indicator, $0.level) }, uniquingKeysWith: { first, _ in first })
        /// The row's PJ when `opd` leads the indicator.
        func pj(_ indicator: String, _ opd: Int64?) -> String {
            guard let row = rows[indicator], row.leadOPDID == opd else { return "" }
            return row.pj
        }
        var planned: [NewFollowUp] = []
        for result in results where !result.recommendation.isEmpty {
            let owner = result.opdID ?? rows[result.indicator]?.leadOPDID
            let below = claimed[result.indicator].map { result.level < $0 } ?? false
            planned.append(
                NewFollowUp(
                    periodID: periodID, source: .recommendation, indicator: result.indicator, item: "", opdID: owner,
                    pj: pj(result.indicator, owner), targetOn: target, priority: below ? .high : .medium,
                    description: result.recommendation))
        }
        for outcome in outcomes where outcome.outcome == .revise {
            guard let item = evidence.first(where: { $0.opdID == outcome.opdID && $0.code == outcome.code }) else {
                continue
            }
            let note = outcome.note.isEmpty ? "" : ": \(outcome.note)"
            planned.append(
                NewFollowUp(
                    periodID: periodID, source: .evidence, indicator: item.indicator, item: item.code,
                    opdID: item.opdID, pj: pj(item.indicator, item.opdID), targetOn: target, priority: .high,
                    description: "Revisi bukti \(item.code) (\(item.title))\(note)"))
        }
        return planned
    }
}
