import DataModel
import Diagnostics

/// Finds the field a spreadsheet header names: its schema name (`hosting`) or its Indonesian label
/// (`Penempatan server`), ignoring case and repeated spaces.
struct FieldMatcher: Sendable {
    private let schema: RecordSchema
    private let slots: [String: Int]

    init(_ schema: RecordSchema) {
        self.schema = schema
        var slots: [String: Int] = [:]
        for (slot, field) in schema.fields.enumerated() {
            for name in [field.name] + (field.label.map { [$0] } ?? []) {
                let key = FieldMatcher.normalized(name)
                if slots[key] == nil { slots[key] = slot }
            }
        }
        self.slots = slots
    }

    /// The slot of the field `header` names, if any.
    func slot(of header: String) -> Int? { slots[FieldMatcher.normalized(header)] }

    /// `did you mean …?` among the field names and labels, or nil.
    func suggestion(for header: String) -> String? {
        let candidates = schema.fields.flatMap { field in [field.name] + (field.label.map { [$0] } ?? []) }
        return Suggestion.didYouMean(header, among: candidates)
    }

    static func normalized(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
