import DataModel
import Engine
import Foundation
import Inventories
import OutputSafety
import Spreadsheets

/// The body of the spreadsheet fuzz targets (XLSX workbooks and CSV inventories): the input is read as a
/// workbook, or as a CSV inventory's `applications.csv` beside a fixed `opd.yaml`, against the bundled SPBE pack's
/// schema; an inventory that loads is evaluated, then converted to CSV, XLSX and YAML and read back, and must come
/// back with the same values (or the conversion must refuse it as lossy).
public enum FuzzSpreadsheet {
    private static let schema = FuzzFixtures.spbePack.schema
    private static let reader = InventoryReader(schema: schema)
    // libFuzzer calls the target on one thread.
    nonisolated(unsafe) private static let evaluator = Evaluator(pack: FuzzFixtures.spbePack, asOf: FuzzFixtures.asOf)

    /// A folder of this process for the files the readers need (they read paths, not bytes).
    private static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url.appendingPathComponent("csv"), withIntermediateDirectories: true)
        let header = FuzzFixtures.repositoryRoot.appendingPathComponent("examples/csv/dinkes-sleman/opd.yaml")
        try? FileManager.default.removeItem(at: url.appendingPathComponent("csv/opd.yaml"))
        try? FileManager.default.copyItem(at: header, to: url.appendingPathComponent("csv/opd.yaml"))
        return url
    }()

    /// Runs one input as an `.xlsx` workbook; always 0, as libFuzzer expects.
    public static func runWorkbook(_ input: UnsafeRawBufferPointer) -> CInt {
        run(input, at: folder.appendingPathComponent("fuzz.xlsx"), loading: folder.appendingPathComponent("fuzz.xlsx"))
    }

    /// Runs one input as the `applications.csv` of a CSV inventory; always 0, as libFuzzer expects.
    public static func runCSV(_ input: UnsafeRawBufferPointer) -> CInt {
        run(input, at: folder.appendingPathComponent("csv/applications.csv"), loading: folder.appendingPathComponent("csv"))
    }

    private static func run(_ input: UnsafeRawBufferPointer, at file: URL, loading path: URL) -> CInt {
        guard (try? Data(input).write(to: file)) != nil else { fatalError("cannot write the fuzz input to \(file.path)") }
        guard let inventory = reader.load(path: path.path).inventory else { return 0 }
        _ = try? evaluator.evaluate(inventory)
        for format in [InventoryFormat.csv, .xlsx, .yaml] { roundTrip(inventory, through: format) }
        return 0
    }

    /// Converts `inventory` to `format`, reads it back and traps unless the values are the same.
    private static func roundTrip(_ inventory: InventoryData, through format: InventoryFormat) {
        let destination = folder.appendingPathComponent(format == .csv ? "round-trip" : "round-trip.\(format.rawValue)").path
        let export = InventoryExport.files(inventory, schema: schema, format: format, destination: destination)
        // A value a cell cannot give back (a list element with ';', leading spaces) is refused, not written lossy.
        guard export.diagnostics.isEmpty else { return }
        let problems = AtomicFileWriter.write(export.files, protected: [], replaceExisting: true)
        precondition(problems.isEmpty, "cannot write the \(format) conversion: \(problems)")
        guard let back = reader.load(path: destination).inventory else {
            preconditionFailure("the \(format) conversion does not read back: \(reader.load(path: destination).diagnostics)")
        }
        precondition(back.header.values == inventory.header.values, "the header changed through \(format)")
        for (first, second) in zip(inventory.collections, back.collections) {
            precondition(first.map(\.values) == second.map(\.values), "records changed through \(format)")
        }
    }
}
