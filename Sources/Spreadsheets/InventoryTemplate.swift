import DataModel
import Diagnostics
import Foundation
import OutputSafety

/// Empty inventories to fill in, generated from a pack's schema (so a consultant's extra fields appear too):
/// every column with its header and a guide row saying what it holds and which values it allows.
public enum InventoryTemplate {
    /// The file name of an XLSX template.
    public static let workbookName = "inventory.xlsx"

    /// The template's files in `folder`: for CSV, `opd.yaml` and one CSV file per collection; for XLSX,
    /// `inventory.xlsx`. YAML and JSON have `spbe init inventory` instead, and give no files. CSV cells are
    /// separated by `delimiter`.
    public static func files(
        schema: InventorySchema, format: InventoryFormat, folder: String, delimiter: CSVDelimiter = .comma
    ) -> [OutputFile] {
        let location = SourceLocation(file: folder, line: 1, column: 1)
        let header = Record(
            values: [Value](repeating: .null, count: schema.header.fields.count), location: location, key: "")
        let empty = InventoryData(source: folder, header: header, collections: schema.collections.map { _ in [] })
        switch format {
        case .csv:
            return InventoryExport.files(empty, schema: schema, format: .csv, destination: folder, delimiter: delimiter)
                .files
        case .xlsx:
            let path = (folder as NSString).appendingPathComponent(workbookName)
            return InventoryExport.files(empty, schema: schema, format: .xlsx, destination: path).files
        case .yaml, .json:
            return []
        }
    }
}
