import ArgumentParser
import Engine
import Inventories
import Spreadsheets
import YAMLSource

/// Bounds on what inputs may make spbe do, shared by every command that reads packs or inventories. The
/// defaults keep a hostile or broken file to a clear error in bounded time and memory; a flag raises one.
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp(
            "Largest pack, inventory, waiver or fixture file read, in bytes. Default: 16777216 (16 MiB).",
            valueName: "bytes"))
    var maxFileSize = YAMLLimits.default.maxFileBytes

    @Option(
        name: .customLong("max-depth"),
        help: ArgumentHelp("Deepest nesting of lists and mappings in a file. Default: 64.", valueName: "levels"))
    var maxDepth = YAMLLimits.default.maxDepth

    @Option(
        name: .customLong("max-nodes"),
        help: ArgumentHelp(
            "Most values in a file once YAML aliases are expanded. Default: 2000000.", valueName: "count"))
    var maxNodes = YAMLLimits.default.maxNodes

    @Option(
        name: .customLong("max-scalar-size"),
        help: ArgumentHelp("Longest single value in a file, in bytes. Default: 1048576 (1 MiB).", valueName: "bytes"))
    var maxScalarSize = YAMLLimits.default.maxScalarBytes

    @Option(
        name: .customLong("max-files"),
        help: ArgumentHelp("Most inventory files taken from the folders given. Default: 100000.", valueName: "count"))
    var maxFiles = InventoryDiscovery.defaultMaxFiles

    @Option(
        name: .customLong("max-cost"),
        help: ArgumentHelp(
            "Evaluation cost budget of one rule or indicator on one inventory, in units (about one per element a quantifier visits). Default: 10000000.",
            valueName: "units"))
    var maxCost = EvaluationBudget.default.perRule

    @Option(
        name: .customLong("max-total-cost"),
        help: ArgumentHelp(
            "Evaluation cost budget of the whole run, in units. Default: 1000000000.", valueName: "units"))
    var maxTotalCost = EvaluationBudget.default.perRun

    @Option(
        name: .customLong("max-findings"),
        help: ArgumentHelp(
            "Most findings one inventory may have; a report holds each, so this bounds its memory and size. Default: 50000.",
            valueName: "count"))
    var maxFindings = EvaluationBudget.defaultFindingsPerInventory

    @Option(
        name: .customLong("max-report-size"),
        help: ArgumentHelp(
            "Largest report written to a file with --output, in bytes. Default: 268435456 (256 MiB).",
            valueName: "bytes"))
    var maxReportSize = LimitOptions.defaultMaxReportSize

    /// 256 MiB: reports of 50,000 findings in every format fit several times over.
    static let defaultMaxReportSize = 256 * 1024 * 1024

    func validate() throws {
        let values = [
            ("--max-file-size", maxFileSize), ("--max-depth", maxDepth), ("--max-nodes", maxNodes),
            ("--max-scalar-size", maxScalarSize), ("--max-files", maxFiles), ("--max-cost", maxCost),
            ("--max-total-cost", maxTotalCost), ("--max-findings", maxFindings), ("--max-report-size", maxReportSize),
        ]
        for (flag, value) in values where value < 1 { throw ValidationError("\(flag) must be 1 or more.") }
    }

    /// The file-reading limits.
    var yaml: YAMLLimits {
        YAMLLimits(maxFileBytes: maxFileSize, maxDepth: maxDepth, maxNodes: maxNodes, maxScalarBytes: maxScalarSize)
    }

    /// The spreadsheet-reading limits: file size, cell size and number of cells from the same flags as for YAML
    /// files (a cell is a value); the bounds on a workbook's zip parts keep their defaults.
    var sheets: SheetLimits {
        var limits = SheetLimits.default
        limits.maxFileBytes = maxFileSize
        limits.maxCellBytes = maxScalarSize
        limits.maxCells = maxNodes
        return limits
    }

    /// The evaluation budget.
    var budget: EvaluationBudget {
        EvaluationBudget(perRule: maxCost, perRun: maxTotalCost, findingsPerInventory: maxFindings)
    }
}
