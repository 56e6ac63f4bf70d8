import Inventories

extension InventoryLoadResult {
    /// Whether a command passes over `file` without a word: another kind of spbe file (a pack, fixture or waiver
    /// file) met in a folder. Named on the command line (one of `paths`), it is an error like any other.
    func isPassedOver(_ file: String, given paths: [String]) -> Bool {
        isOtherSpbeFile && !paths.contains(file)
    }
}
