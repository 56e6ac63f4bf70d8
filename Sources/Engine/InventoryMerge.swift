import DataModel

/// Combines the inventories of a pemda (regency or city) into one, so that each indicator's level is derived
/// from the evidence of all its OPDs together, as the official evaluation (per pemda) does.
public enum InventoryMerge {
    /// One inventory whose collections hold every record of `inventories`, in order.
    ///
    /// The header is that of the first inventory whose `opd.kind` is `pemda`, else the first one's.
    public static func merge(_ inventories: [InventoryData], schema: InventorySchema, source: String) -> InventoryData?
    {
        guard let first = inventories.first else { return nil }
        let kindSlot = schema.header.slot(of: "kind")
        let pemda = inventories.first { inventory in
            kindSlot.map { inventory.header.values[$0] == .string("pemda") } ?? false
        }
        var collections = [[Record]](repeating: [], count: schema.collections.count)
        for inventory in inventories {
            for slot in collections.indices { collections[slot].append(contentsOf: inventory.collections[slot]) }
        }
        return InventoryData(source: source, header: (pemda ?? first).header, collections: collections)
    }
}
