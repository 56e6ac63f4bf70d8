import DataModel

/// What `InventoryStreamReader` compares scalars with, in UTF-8, made once per schema: the field names of each
/// record type, and the allowed values of each enumeration field beside the schema's own strings, so a key is
/// matched without making a `String` of it, and a value read for such a field shares the schema's string.
final class SchemaSpellings: Sendable {
    /// An allowed value of an enumeration field.
    struct AllowedValue: Sendable {
        let utf8: [UInt8]
        let text: String
    }

    /// The spellings of one record type.
    struct RecordSpellings: Sendable {
        /// The field names, by slot.
        let names: [[UInt8]]
        /// By slot, the allowed values of an enumeration field or of a list of them; nil for other types.
        let allowed: [[AllowedValue]?]

        init(_ schema: RecordSchema) {
            names = schema.fields.map { Array($0.name.utf8) }
            allowed = schema.fields.map { field in
                switch field.type {
                case .enumeration(let values), .list(.enumeration(let values)):
                    values.map { AllowedValue(utf8: Array($0.utf8), text: $0) }
                default:
                    nil
                }
            }
        }
    }

    /// The header's spellings.
    let header: RecordSpellings
    /// Each collection's, by slot.
    let collections: [RecordSpellings]

    init(_ schema: InventorySchema) {
        header = RecordSpellings(schema.header)
        collections = schema.collections.map(RecordSpellings.init)
    }
}

extension [UInt8] {
    /// Whether these bytes are `other`'s.
    func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeBufferPointer { $0.hasSameBytes(as: other) }
    }
}
