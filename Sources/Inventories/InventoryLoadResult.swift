import DataModel
import Diagnostics

/// The result of loading one inventory: the data when it has no errors, and every diagnostic about it.
public struct InventoryLoadResult: Sendable {
    /// The inventory, or nil when any error was found.
    public let inventory: InventoryData?
    /// Errors and warnings, in file order.
    public let diagnostics: [Diagnostic]
    /// The texts of the files read, for source excerpts (a spreadsheet folder's `opd.yaml`, say).
    public let sources: SourceStore

    /// Creates a result.
    public init(inventory: InventoryData?, diagnostics: [Diagnostic], sources: SourceStore = [:]) {
        self.inventory = inventory
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Whether the file is another kind of spbe file (a pack, a fixture or waiver file), not an inventory:
    /// a folder walk passes over it.
    public var isOtherSpbeFile = false
}
