import Diagnostics

/// One record of an inventory (an application, a document, a service, or the OPD header).
///
/// Values sit in the slots fixed by the `RecordSchema`, so compiled expressions read `values[slot]`
/// instead of looking a key up.
public final class Record: Sendable {
    /// Field values in schema slot order; `.null` where the field is absent.
    public let values: [Value]
    /// Where the record starts in its inventory file.
    public let location: SourceLocation
    /// Human identifier of the record (its `id`, else its name), for reports.
    public let key: String

    /// Creates a record.
    public init(values: [Value], location: SourceLocation, key: String) {
        self.values = values
        self.location = location
        self.key = key
    }
}

/// One OPD's inventory, loaded and typed against a schema.
public final class InventoryData: Sendable {
    /// The file (or folder) it was loaded from.
    public let source: String
    /// The OPD header record.
    public let header: Record
    /// The records of each collection, by collection slot.
    public let collections: [[Record]]

    /// Creates an inventory.
    public init(source: String, header: Record, collections: [[Record]]) {
        self.source = source
        self.header = header
        self.collections = collections
    }
}
