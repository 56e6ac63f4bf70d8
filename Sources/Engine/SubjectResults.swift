import DataModel

/// The outcome of every rule for every subject of one inventory, in rule order then inventory order, kept a few
/// bytes each. Most outcomes are passes that no report reads one by one, so the `SubjectResult` of one, which
/// holds its record and its wording, is made when it is read.
public struct SubjectResults: RandomAccessCollection, Sendable {
    /// One outcome: which rule, which record, and how it came out. Positions fit 32 bits: an inventory's size
    /// is bounded far below that by the reader's limits, and a pack's by the pack loader's.
    struct Entry: Sendable {
        let rule: Int32
        /// The collection slot of the record; −1 for the OPD header (an OPD-wide rule).
        let collection: Int32
        /// The record's position in its collection.
        let record: Int32
        let outcome: Outcome
        /// For `notEvidenced`: whether the filter, rather than the condition, was undecided.
        let undecidedFilter: Bool
        /// For `fail`: the active waiver accepting it, −1 for none.
        var waiver: Int32 = -1

        init(rule: Int, collection: Int?, record: Int, outcome: Outcome, undecidedFilter: Bool = false) {
            self.rule = Int32(rule)
            self.collection = collection.map(Int32.init) ?? -1
            self.record = Int32(record)
            self.outcome = outcome
            self.undecidedFilter = undecidedFilter
        }
    }

    private var entries: [Entry]
    /// The inventory the records are in.
    private let inventory: InventoryData
    /// What every result words its message with.
    private let wording: FindingWording

    init(entries: [Entry], inventory: InventoryData, wording: FindingWording) {
        self.entries = entries
        self.inventory = inventory
        self.wording = wording
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }

    /// The result at `position`.
    public subscript(position: Int) -> SubjectResult {
        let entry = entries[position]
        let isOPDWide = entry.collection < 0
        return SubjectResult(
            ruleIndex: Int(entry.rule), outcome: entry.outcome, isOPDWide: isOPDWide,
            undecidedFilter: entry.undecidedFilter,
            record: isOPDWide ? inventory.header : inventory.collections[Int(entry.collection)][Int(entry.record)],
            wording: wording, waiver: entry.waiver < 0 ? nil : Int(entry.waiver)
        )
    }

    /// Marks the failure at `position` as accepted by the waiver at `waiver` in the run's `WaiverSet`.
    mutating func accept(_ position: Int, by waiver: Int) {
        entries[position].waiver = Int32(waiver)
    }

    /// The failures and the not-evidenced results, in order: what reports list.
    var findings: SubjectResults {
        SubjectResults(
            entries: entries.filter { $0.outcome == .fail || $0.outcome == .notEvidenced }, inventory: inventory,
            wording: wording
        )
    }

    /// Whether an active waiver accepts some failure.
    var hasWaivedFailure: Bool { entries.contains { $0.waiver >= 0 } }
}
