import DataModel

/// The schema the inventory loader's tests read against: an OPD header, applications with a field of each type,
/// and documents.
enum TestInventorySchema {
    static let schema = InventorySchema(
        header: RecordSchema(
            name: "opd",
            fields: [
                FieldSchema(name: "id", type: .string, required: true), FieldSchema(name: "name", type: .string),
                FieldSchema(name: "tags", type: .list(.string)),
            ]),
        collections: [
            RecordSchema(
                name: "applications",
                fields: [
                    FieldSchema(name: "id", type: .string, required: true),
                    FieldSchema(name: "type", type: .enumeration(values: ["umum", "khusus"]), required: true),
                    FieldSchema(name: "users", type: .int),
                    FieldSchema(name: "budget", type: .number),
                    FieldSchema(name: "sso", type: .bool),
                    FieldSchema(name: "audit", type: .date),
                    FieldSchema(name: "modules", type: .list(.string)),
                    FieldSchema(name: "years", type: .list(.int)),
                ]),
            RecordSchema(name: "documents", fields: [FieldSchema(name: "name", type: .string)]),
        ]
    )
}
