/// A field an expression or template reads: the record type's name (`applications`, `opd`) and the field's name.
public struct FieldReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Name of the record type: a collection name, or the header's name.
    public let record: String
    /// Name of the field.
    public let field: String

    /// Creates a reference.
    public init(record: String, field: String) {
        self.record = record
        self.field = field
    }

    /// `applications.hosting`.
    public var description: String { "\(record).\(field)" }

    /// Orders by record, then field.
    public static func < (lhs: FieldReference, rhs: FieldReference) -> Bool {
        (lhs.record, lhs.field) < (rhs.record, rhs.field)
    }
}
