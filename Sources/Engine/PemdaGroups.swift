import DataModel

/// A run's inventories grouped by pemda (`PemdaIdentity`), so no estimate ever mixes the OPDs of two pemdas.
public struct PemdaGroups {
    /// The pemdas, in the order they first appear among the inventories.
    public let pemdas: [PemdaIdentity]
    /// The inventories of each pemda (same positions as `pemdas`), in input order.
    public let members: [[InventoryData]]

    /// Groups `inventories` by the pemda their headers name.
    public init(_ inventories: [InventoryData], schema: InventorySchema) {
        var pemdas: [PemdaIdentity] = []
        var members: [[InventoryData]] = []
        var positions: [PemdaIdentity: Int] = [:]
        for inventory in inventories {
            let pemda = PemdaIdentity(header: inventory.header, schema: schema)
            if let position = positions[pemda] {
                members[position].append(inventory)
            } else {
                positions[pemda] = pemdas.count
                pemdas.append(pemda)
                members.append([inventory])
            }
        }
        self.pemdas = pemdas
        self.members = members
    }

    /// The number of pemdas.
    public var count: Int { pemdas.count }
}
