import DataModel

/// The human identifier of a record in reports and messages.
public enum RecordKey {
    /// The record's `id`, else its `name`, else `#n` with its 1-based position in its collection.
    public static func make(_ values: [Value], schema: RecordSchema, index: Int) -> String {
        for name in ["id", "name"] {
            if let slot = schema.slot(of: name), !values[slot].isNull { return values[slot].description }
        }
        return "#\(index + 1)"
    }
}
