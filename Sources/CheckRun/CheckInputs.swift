import Diagnostics
import Inventories

/// The inventories a run is given: files as named, folders searched (in path order, up to a number of files).
public struct CheckInputs: Sendable {
    /// The paths as given; a pack, fixture or waiver file met in a folder is passed over, named here it is an
    /// error like any other.
    public let paths: [String]
    /// The inventory files found, in path order.
    public let files: [String]
    /// Paths that could not be used, or a search that found too many files.
    public let diagnostics: [Diagnostic]

    /// Searches `paths` for inventory files, at most `maxFiles` of them.
    public init(paths: [String], maxFiles: Int = InventoryDiscovery.defaultMaxFiles) {
        let discovered = InventoryDiscovery.files(in: paths, maxFiles: maxFiles)
        self.paths = paths
        files = discovered.files
        diagnostics = discovered.diagnostics
    }

    /// The inventory files `files`, taken as given without looking for them on disk: files the run's reader holds
    /// in memory (`InventoryReader.holding`), such as the portal's uploads.
    public init(held files: [String]) {
        paths = files
        self.files = files
        diagnostics = []
    }
}
