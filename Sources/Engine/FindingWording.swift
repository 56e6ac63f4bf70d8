import DataModel
import Expressions

/// How an evaluator words its findings: each rule's message template in the run's language (else the rule's
/// title), and the subject fields each rule's filter and condition read, named when a subject is not evidenced.
///
/// A finding is worded when a report asks for it, not when it is found: most reports print each message once,
/// straight into their output, and building a string for every failure as it was found cost more than deciding
/// every rule. Worked out once per pack, language and date (`shared`), for every evaluator of them.
final class RuleWording: Sendable {
    /// The language of the messages (`id` or `en`).
    let language: String
    private let templates: [MessageTemplate?]
    private let titles: [String]
    /// Per rule, the subject's fields that its condition (and its filter) read, sorted by name, with their slots.
    private let conditionFields: [[SubjectField]]
    private let filterFields: [[SubjectField]]
    /// Per rule, the slot of its subject's `name` field, when its record has one.
    private let nameSlots: [Int?]
    /// Names the fields of other records that left a result undecided, when its subject's own are filled in.
    private let missingData: MissingDataFinder

    /// A field of a rule's subject: its name and its slot in the record.
    private struct SubjectField: Sendable {
        let name: String
        let slot: Int
    }

    /// The wording of `pack` in `language` at `asOf`, shared by the evaluators of the last few packs: its
    /// missing-data collectors, prepared on first need, are most of wording a one-OPD report.
    static func shared(pack: CompiledPack, language: String, asOf: Day) -> RuleWording {
        kept.value(for: pack, key: Key(language: language, asOf: asOf)) {
            RuleWording(pack: pack, language: language, asOf: asOf)
        }
    }

    private struct Key: Hashable, Sendable {
        let language: String
        let asOf: Day
    }

    private static let kept = PackCache<Key, RuleWording>()

    init(pack: CompiledPack, language: String, asOf: Day) {
        self.language = language
        missingData = MissingDataFinder(pack: pack, asOf: asOf)
        templates = pack.rules.map { $0.messages[language] ?? $0.messages["id"] }
        titles = pack.rules.map { $0.spec.title.text(in: language) }
        conditionFields = pack.rules.map {
            Self.subjectFields(of: $0, expressions: [$0.condition], schema: pack.schema)
        }
        filterFields = pack.rules.map {
            Self.subjectFields(of: $0, expressions: $0.filter.map { [$0] } ?? [], schema: pack.schema)
        }
        nameSlots = pack.rules.map { rule in
            (rule.collectionSlot.map { pack.schema.collections[$0] } ?? pack.schema.header).slot(of: "name")
        }
    }

    /// Appends the message of `result` (whose inventory's OPD header is `header`) to `output`; false, with
    /// nothing appended, when it has none (it passed or was not applicable).
    func write(_ result: SubjectResult, header: Record, into output: inout [UInt8]) -> Bool {
        switch result.outcome {
        case .fail:
            guard let template = templates[result.ruleIndex] else {
                output.append(utf8: titles[result.ruleIndex])
                return true
            }
            template.write(subject: result.record, header: header, into: &output)
        case .notEvidenced:
            output.append(utf8: language == "en" ? "not enough data to decide" : "data belum cukup untuk menilai")
            var first = true
            for field in missingFields(of: result) {
                output.append(utf8: first ? ": " : ", ")
                output.append(utf8: field)
                first = false
            }
        case .pass, .notApplicable:
            return false
        }
        return true
    }

    /// The subject's name (an application's `name`, the OPD's name for an OPD-wide rule); nil when its record
    /// has no name.
    func subjectName(of result: SubjectResult) -> String? {
        guard let slot = nameSlots[result.ruleIndex] else { return nil }
        let value = result.record.values[slot]
        return value.isNull ? nil : value.description
    }

    /// For a not-evidenced result: the empty fields of its subject that the undecided expression reads; when
    /// they are all filled in, the empty fields of other records that left it undecided, each as
    /// `collection KEY.field` (`documents DOC-07.status`).
    func missingFields(of result: SubjectResult) -> [String] {
        guard result.outcome == .notEvidenced else { return [] }
        let own = Array(emptyFields(of: result).map(\.name))
        guard own.isEmpty else { return own }
        return result.wording.missingFields.fields(of: result) {
            missingData.missingFields(of: result, in: result.wording.inventory, verdicts: result.wording.verdicts)
                .map(\.qualifiedName)
        }
    }

    /// The fields of the result's subject that its undecided expression (filter or condition) reads and that
    /// are empty.
    private func emptyFields(of result: SubjectResult) -> LazyFilterSequence<[SubjectField]> {
        let fields = result.undecidedFilter ? filterFields[result.ruleIndex] : conditionFields[result.ruleIndex]
        return fields.lazy.filter { result.record.values[$0.slot].isNull }
    }

    /// The subject's fields that `expressions` read, sorted by name, with their slots.
    private static func subjectFields(
        of rule: CompiledRule, expressions: [CompiledExpression], schema: InventorySchema
    ) -> [SubjectField] {
        let record = rule.collectionSlot.map { schema.collections[$0] } ?? schema.header
        let names = Set(expressions.flatMap(\.referencedFields).filter { $0.record == record.name }.map(\.field))
        return names.sorted().compactMap { name in record.slot(of: name).map { SubjectField(name: name, slot: $0) } }
    }
}

/// What the results of one inventory need to word themselves: their evaluator's wording and the inventory's
/// inventory (its OPD header, which `{opd.…}` placeholders read) and the verdicts of its rules.
final class FindingWording: Sendable {
    let rules: RuleWording
    let header: Record
    /// The inventory, in which the records a result's undecided expression read are looked up again.
    let inventory: InventoryData
    /// The rules' verdicts once every rule had run, as `passes()` read them.
    let verdicts: [Value]
    /// The missing data of its not-evidenced results, each found once.
    let missingFields = MissingFieldsMemo()

    init(rules: RuleWording, inventory: InventoryData, verdicts: [Value]) {
        self.rules = rules
        header = inventory.header
        self.inventory = inventory
        self.verdicts = verdicts
    }
}
