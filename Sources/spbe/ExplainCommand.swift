import ArgumentParser
import CheckRun
import Engine
import Reporting

/// `spbe explain INVENTORY`: why a rule, a level or an expression has the value it has, sub-expression by
/// sub-expression, like `opa eval --explain`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Show how a rule, an indicator level or an expression evaluates on an inventory, sub-expression by sub-expression.",
        discussion: """
            Each line is a sub-expression with its value (true, false, unknown, or the value read); an unknown field \
            names the record and field that made it unknown. A quantifier lists the elements it visited that are in \
            its scope, those that decided it first. Without --subject every subject of the rule (or of --each) is \
            explained; with it, only that record (by its id).

            Examples:
              spbe explain examples/dinkes-sleman.yaml --rule APP-AUDIT-KEAMANAN --as-of 2025-06-30
              spbe explain examples/dinkes-sleman.yaml --indicator I31 --level 2
              spbe explain examples/dinkes-sleman.yaml --expr 'hosting == "pdn"' --each applications --subject APP-01
            """
    )

    @Argument(help: ArgumentHelp("The inventory (a file, or a CSV folder).", valueName: "inventory"))
    var inventoryPath: String

    @Option(name: .long, help: ArgumentHelp("The rule to explain.", valueName: "id"))
    var rule: String?

    @Option(name: .long, help: ArgumentHelp("The indicator whose --level to explain.", valueName: "id"))
    var indicator: String?

    @Option(name: .long, help: ArgumentHelp("The level (1–5) of --indicator.", valueName: "n"))
    var level: Int?

    @Option(name: .long, help: ArgumentHelp("An expression of one's own to explain.", valueName: "expression"))
    var expr: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The collection whose records --expr is evaluated on (default: the whole OPD).", valueName: "collection"))
    var each: String?

    @Option(name: .long, help: ArgumentHelp("Only this subject (a record id).", valueName: "id"))
    var subject: String?

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var evaluation: EvaluationOptions
    @OptionGroup var input: InventoryInputOptions

    func validate() throws {
        let targets = [rule != nil, indicator != nil, expr != nil].filter { $0 }.count
        guard targets == 1 else {
            throw ValidationError("Give exactly one of --rule ID, --indicator ID --level N or --expr EXPRESSION")
        }
        if indicator != nil, level.map({ !(1...5).contains($0) }) ?? true {
            throw ValidationError("--indicator needs --level N, a level from 1 to 5")
        }
        if each != nil && expr == nil { throw ValidationError("--each applies to --expr only (a rule has its own)") }
    }

    func run() throws {
        let asOf = try evaluation.evaluationDate()
        var printer = DiagnosticPrinter(colors: Terminal.wantsColor(packOptions.color, stream: .standardError))
        let pack = try PackSession.compiledPack(packOptions, limits: limits, printer: &printer)
        let run = QueryRun(
            pack: pack, reader: input.reader(for: pack.schema, limits: limits), asOf: asOf,
            language: evaluation.lang.rawValue, budget: limits.budget, maxFiles: limits.maxFiles)
        let target: ExplainTarget =
            if let rule { .rule(rule) } else if let indicator, let level {
                .level(indicator: indicator, level: level)
            } else {
                .expression(expr ?? "", each: each)
            }
        let answer = run.explain(target, subject: subject, in: inventoryPath)
        printer.print(answer.diagnostics)
        guard let subjects = answer.value else { throw ExitStatus.inputError }
        Terminal.printOutput(ExplanationText.render(subjects))
    }
}
