import DataModel
import Diagnostics
import Foundation
import OutputSafety

/// Writes an inventory in any format: the files to create, or the diagnostics of the values the format would
/// lose (then no file is given, so a conversion is lossless or does not happen).
public enum InventoryExport {
    /// The files of `inventory` (typed against `schema`) in `format` at `destination`: the file itself, or for
    /// CSV the folder of `opd.yaml` and the collections' CSV files. `banner` is a first comment line of the YAML
    /// file written (the inventory, or a CSV inventory's `opd.yaml`); `delimiter` separates the cells of CSV files.
    public static func files(
        _ inventory: InventoryData, schema: InventorySchema, format: InventoryFormat, destination: String,
        banner: String? = nil,
        delimiter: CSVDelimiter = .comma
    ) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        switch format {
        case .yaml:
            return (
                [
                    OutputFile(
                        path: destination,
                        data: Data(YAMLInventoryWriter.text(inventory, schema: schema, banner: banner).utf8))
                ], []
            )
        case .json:
            return (
                [OutputFile(path: destination, data: Data(JSONInventoryWriter.text(inventory, schema: schema).utf8))],
                []
            )
        case .csv:
            var encoder = CellEncoder()
            let grids = encoder.grids(inventory, schema: schema)
            guard !encoder.diagnostics.hasErrors else { return ([], encoder.diagnostics.diagnostics) }
            return (
                CSVInventoryWriter.files(
                    inventory, grids: grids, schema: schema, folder: destination, banner: banner, delimiter: delimiter),
                []
            )
        case .xlsx:
            var encoder = CellEncoder()
            let grids = encoder.grids(inventory, schema: schema)
            let data: Data
            do {
                data = try XLSXInventoryWriter.data(inventory, grids: grids, schema: schema, encoder: &encoder)
            } catch {
                return (
                    [],
                    [Diagnostic(.error, code: "convert.write_failed", "cannot build the workbook: \(error)", at: nil)]
                )
            }
            guard !encoder.diagnostics.hasErrors else { return ([], encoder.diagnostics.diagnostics) }
            return ([OutputFile(path: destination, data: data)], [])
        }
    }
}
