import Diagnostics

/// One field of a record: its name, type, whether it must be present, and its slot in `Record.values`.
public struct FieldSchema: Hashable, Sendable {
    /// The key in inventory files (`hosting`).
    public let name: String
    /// The field's type.
    public let type: ValueType
    /// Whether every record must have the field (non-null).
    public let required: Bool
    /// Human description for documentation and templates.
    public let description: LocalizedText?
    /// A spreadsheet column label (Indonesian) accepted as an alternative header.
    public let label: String?
    /// How messages write an enumeration's values (`rka` → `RKA`); a value without one is written as it is.
    public let valueLabels: [String: String]
    /// Where the field is declared in the pack.
    public let location: SourceLocation?

    /// Creates a field.
    public init(
        name: String, type: ValueType, required: Bool = false,
        description: LocalizedText? = nil, label: String? = nil, valueLabels: [String: String] = [:],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.label = label
        self.valueLabels = valueLabels
        self.location = location
    }
}

/// The fields of one kind of record (the OPD header, or the records of a collection), slots fixed in order.
public struct RecordSchema: Hashable, Sendable {
    /// Collection name (`applications`), or `opd` for the header.
    public let name: String
    /// Fields in slot order.
    public let fields: [FieldSchema]
    /// Human description.
    public let description: LocalizedText?
    /// Where the record type is declared in the pack.
    public let location: SourceLocation?
    /// Per slot, the field's name as messages give it: `applications.status`.
    public let qualifiedNames: [String]
    private let slots: [String: Int]

    /// Creates a record schema; field slots follow the order of `fields`. Duplicate names keep the first.
    public init(name: String, fields: [FieldSchema], description: LocalizedText? = nil, location: SourceLocation? = nil)
    {
        self.name = name
        self.fields = fields
        self.description = description
        self.location = location
        qualifiedNames = fields.map { "\(name).\($0.name)" }
        var slots: [String: Int] = [:]
        for (index, field) in fields.enumerated() where slots[field.name] == nil { slots[field.name] = index }
        self.slots = slots
    }

    /// The slot of the field called `name`, used once at compile time so evaluation indexes an array.
    public func slot(of name: String) -> Int? { slots[name] }

    /// The field called `name`.
    public func field(named name: String) -> FieldSchema? { slots[name].map { fields[$0] } }

    /// The field names, in slot order.
    public var fieldNames: [String] { fields.map(\.name) }
}

/// The shape of an inventory as a pack declares it: the OPD header and the collections.
public struct InventorySchema: Hashable, Sendable {
    /// The header record (`opd:` in inventory files).
    public let header: RecordSchema
    /// The collections, in slot order (`applications`, `documents`, `services`, …).
    public let collections: [RecordSchema]
    private let collectionSlots: [String: Int]

    /// Creates a schema; collection slots follow the order of `collections`.
    public init(header: RecordSchema, collections: [RecordSchema]) {
        self.header = header
        self.collections = collections
        var slots: [String: Int] = [:]
        for (index, collection) in collections.enumerated() where slots[collection.name] == nil {
            slots[collection.name] = index
        }
        collectionSlots = slots
    }

    /// The slot of the collection called `name`.
    public func collectionSlot(of name: String) -> Int? { collectionSlots[name] }

    /// The collection called `name`.
    public func collection(named name: String) -> RecordSchema? { collectionSlots[name].map { collections[$0] } }
}
