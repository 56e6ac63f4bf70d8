import DataModel
import Packs

/// Waivers resolved against a compiled pack, for lookup while evaluating: by rule and subject, then OPD.
public struct WaiverSet: Sendable {
    /// The waivers, in file order; results refer to them by position.
    public let waivers: [Waiver]
    private let byRuleAndSubject: [Key: [Int]]

    private struct Key: Hashable {
        let rule: Int
        let subject: String
    }

    /// Resolves `waivers` against `pack` (waivers of rules the pack does not have never match).
    public init(_ waivers: [Waiver], pack: CompiledPack) {
        self.waivers = waivers
        // A waiver may name a rule by an id it had before it was renamed.
        let ruleIndex = Dictionary(
            pack.rules.flatMap { rule in rule.spec.names.map { ($0, rule.index) } },
            uniquingKeysWith: { first, _ in first }
        )
        var table: [Key: [Int]] = [:]
        for (position, waiver) in waivers.enumerated() {
            guard let rule = ruleIndex[waiver.ruleID] else { continue }
            table[Key(rule: rule, subject: waiver.subject), default: []].append(position)
        }
        byRuleAndSubject = table
    }

    /// No waivers.
    public static let none = WaiverSet(empty: ())

    private init(empty: Void) {
        waivers = []
        byRuleAndSubject = [:]
    }

    /// The waiver covering `subject` of rule `rule` in the inventory of OPD `opdID` of `pemda`, whether or not it
    /// is still active.
    func waiver(rule: Int, subject: String, opdID: String, pemda: PemdaIdentity) -> Int? {
        byRuleAndSubject[Key(rule: rule, subject: subject)]?.first { position in
            let waiver = waivers[position]
            return (waiver.opdID.map { $0 == opdID } ?? true) && (waiver.pemda.map { pemda.isNamed(by: $0) } ?? true)
        }
    }
}
