import Inventories

extension InventoryLoadResult {
    /// Whether a run passes over `file` without a word: another kind of spbe file (a pack, fixture or waiver
    /// file) met in a folder. Named on the command line (one of `paths`), it is an error like any other.
    public func isPassedOver(_ file: String, given paths: [String]) -> Bool {
        isOtherSpbeFile && !paths.contains(file)
    }

    /// The diagnostics and sources, without the inventory: what a run that streams its inventories keeps.
    public var withoutInventory: InventoryLoadResult {
        var result = InventoryLoadResult(inventory: nil, diagnostics: diagnostics, sources: sources)
        result.isOtherSpbeFile = isOtherSpbeFile
        return result
    }
}
