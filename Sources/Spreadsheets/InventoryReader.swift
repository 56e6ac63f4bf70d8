import DataModel
import Diagnostics
import Foundation
import Inventories
import YAMLSource

/// Loads an inventory in any format, by its path: a folder is a CSV inventory, `.xlsx` a workbook, anything
/// else YAML or JSON. Every command that reads inventories goes through it.
public struct InventoryReader: Sendable {
    /// The schema values are typed against.
    public let schema: InventorySchema
    /// How CSV files and their `opd.yaml` are decoded.
    public let encoding: TextEncodingChoice
    /// The delimiter of CSV files; nil to tell it from each file's header row.
    public let delimiter: CSVDelimiter?
    /// Bounds for spreadsheets.
    public let limits: SheetLimits
    /// Bounds for YAML and JSON files, a CSV inventory's `opd.yaml` among them.
    public let yamlLimits: YAMLLimits
    /// Reads YAML and JSON files; made once, as it prepares what it matches names and values with.
    private let yamlLoader: InventoryLoader
    /// A file already loaded, given again for its path instead of being read twice.
    private var held: (path: String, result: InventoryLoadResult)?

    /// Creates a reader for `schema`.
    public init(
        schema: InventorySchema, encoding: TextEncodingChoice = .auto, delimiter: CSVDelimiter? = nil,
        limits: SheetLimits = .default, yamlLimits: YAMLLimits = .default
    ) {
        self.schema = schema
        self.encoding = encoding
        self.delimiter = delimiter
        self.limits = limits
        self.yamlLimits = yamlLimits
        yamlLoader = InventoryLoader(schema: schema, limits: yamlLimits)
    }

    /// This reader, giving `result` for `path` instead of reading the file again: the portal loads an upload
    /// once to validate it, and its check run then reads it through this reader.
    public func holding(_ result: InventoryLoadResult, for path: String) -> InventoryReader {
        var reader = self
        reader.held = (path, result)
        return reader
    }

    /// Loads the inventory at `path`.
    public func load(path: String) -> InventoryLoadResult {
        if let held, held.path == path { return held.result }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return CSVFolderLoader(
                schema: schema, encoding: encoding, delimiter: delimiter, limits: limits, yamlLimits: yamlLimits
            ).load(folder: path)
        }
        if InventoryFormat(path: path) == .xlsx {
            return WorkbookLoader(schema: schema, limits: limits).load(path: path)
        }
        return yamlLoader.load(path: path)
    }

    /// Loads the inventory file `data` held in memory (an upload), called `path` in its diagnostics and report,
    /// as `load(path:)` loads a file of these bytes: a workbook when `path` ends in `.xlsx`, else YAML or JSON.
    public func load(data: Data, path: String) -> InventoryLoadResult {
        if InventoryFormat(path: path) == .xlsx {
            return WorkbookLoader(schema: schema, limits: limits).load(data: data, path: path)
        }
        switch BoundedFileReader.held([UInt8](data), path: path, limit: yamlLimits.maxFileBytes) {
        case .failure(let diagnostic): return InventoryLoadResult(inventory: nil, diagnostics: [diagnostic])
        case .success(let bytes): return yamlLoader.load(bytes: bytes, path: path)
        }
    }
}
