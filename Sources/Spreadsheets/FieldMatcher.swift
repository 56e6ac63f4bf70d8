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

    /// `name` in lowercase, its runs of white space made one space, none at either end.
    ///
    /// Perf: an ASCII name (nearly every field name, label and header) is done byte by byte; the Unicode way,
    /// with a property lookup for every character, was 3% of an upload's CPU time in the portal, where every
    /// sheet of every upload matches its header against the schema's names (perf, uploads under load).
    static func normalized(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            case 0x09...0x0D, 0x20:
                if bytes.last != 0x20 && !bytes.isEmpty { bytes.append(0x20) }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
            default: bytes.append(byte)
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
