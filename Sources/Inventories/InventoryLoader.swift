import DataModel
import Diagnostics
import YAMLSource

/// Loads an OPD inventory (YAML or JSON) and types every value against a pack's schema.
///
/// Unknown fields are warnings with a suggestion (the data is still checked); wrong types, invalid dates,
/// unknown enum values and missing required fields are errors with the file, line and column of the value.
public struct InventoryLoader: Sendable {
    /// The schema values are typed against.
    public let schema: InventorySchema
    /// Parsing limits.
    public let limits: YAMLLimits
    private let spellings: SchemaSpellings

    /// The top-level key that marks a file as an inventory and gives its format version.
    public static let formatKey = "spbe_inventory"

    /// Creates a loader for `schema`.
    public init(schema: InventorySchema, limits: YAMLLimits = .default) {
        self.schema = schema
        self.limits = limits
        spellings = SchemaSpellings(schema)
    }

    /// Loads the file at `path`.
    public func load(path: String) -> InventoryLoadResult {
        switch BoundedFileReader.read(path: path, limit: limits.maxFileBytes) {
        case .failure(let diagnostic): InventoryLoadResult(inventory: nil, diagnostics: [diagnostic])
        case .success(let bytes): load(bytes: bytes, path: path)
        }
    }

    /// Loads the content of the file `path`: straight from the parser's events when it has the plain shape of an
    /// inventory (`InventoryStreamReader`), else through a node tree that every problem can be reported on.
    public func load(bytes: [UInt8], path: String) -> InventoryLoadResult {
        let prepared: YAMLInput
        switch YAMLReader.prepare(bytes: bytes, path: path, limits: limits) {
        case .failure(let diagnostic): return InventoryLoadResult(inventory: nil, diagnostics: [diagnostic])
        case .success(let input): prepared = input
        }
        if let inventory = InventoryStreamReader.read(prepared, schema: schema, spellings: spellings, limits: limits) {
            return InventoryLoadResult(inventory: inventory, diagnostics: [], sources: [path: prepared.text])
        }
        switch YAMLReader.compose(prepared, limits: limits) {
        case .failure(let diagnostic):
            // The text is kept for the error's excerpt, as a pack file's is.
            return InventoryLoadResult(inventory: nil, diagnostics: [diagnostic], sources: [path: prepared.text])
        case .success(let document): return load(document)
        }
    }

    /// The top-level keys of the other kinds of spbe files.
    public static let otherFormatKeys = ["spbe_pack", "spbe_pack_test", "spbe_waivers"]

    /// Loads an already parsed document.
    public func load(_ document: YAMLDocument) -> InventoryLoadResult {
        let keys = document.root?.mappingEntries?.compactMap(\.key.scalar) ?? []
        // A JSON Schema (`spbe init inventory` writes one beside the inventory) is passed over like a pack.
        if !keys.contains(Self.formatKey),
            let kind = keys.first(where: { Self.otherFormatKeys.contains($0) || $0 == "$schema" })
        {
            let diagnostic = Diagnostic.notAnInventory(document.path, startsWith: kind)
            var result = InventoryLoadResult(
                inventory: nil, diagnostics: [diagnostic], sources: [document.path: document.text])
            result.isOtherSpbeFile = true
            return result
        }
        return load(root: document.root, file: document.path, text: document.text)
    }

    /// Loads an inventory written as a node of another file (an inline fixture); positions point into `file`.
    public func load(root: YAMLNode?, file: String, text: String? = nil) -> InventoryLoadResult {
        var walker = InventoryWalker(schema: schema, file: file)
        let inventory = walker.inventory(root)
        let diagnostics = walker.diagnostics
        return InventoryLoadResult(
            inventory: diagnostics.hasErrors ? nil : inventory, diagnostics: diagnostics.diagnostics,
            sources: text.map { [file: $0] } ?? [:]
        )
    }
}
