import ArgumentParser
import CheckRun
import Diagnostics
import Engine
import Expressions

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
        let inputs = InventoryInputs.load(
            [inventoryPath], reader: input.reader(for: pack.schema, limits: limits), maxFiles: limits.maxFiles
        ) { printer.print($0, sources: $1) }
        let inventory = inputs.combined(schema: pack.schema, source: inventoryPath) { printer.print($0, sources: $1) }
        guard !inputs.failed, let inventory else {
            throw ExitStatus.inputError
        }
        let result = try Evaluator(pack: pack, asOf: asOf, budget: limits.budget).evaluateOrExit(
            inventory, printer: &printer)
        let target: ExplainTarget =
            if let rule { .rule(rule) } else if let indicator, let level {
                .level(indicator: indicator, level: level)
            } else {
                .expression(expr ?? "", each: each)
            }
        switch PackExplainer(pack: pack, asOf: asOf).explain(
            target, subject: subject, inventory: inventory, evaluation: result)
        {
        case .failure(let list):
            printer.print(list.diagnostics)
            throw ExitStatus.inputError
        case .success(let subjects):
            Terminal.printOutput(ExplanationText.render(subjects))
        }
    }
}

/// The text of an explanation: one subject after the other, each sub-expression on a line of its own, indented
/// under the one it is part of.
enum ExplanationText {
    static func render(_ subjects: [ExplainedSubject]) -> String {
        var lines: [String] = []
        for subject in subjects {
            let place = subject.location.map { " (\($0))" } ?? ""
            lines.append("\(subject.label)\(place): \(subject.outcome)")
            if let filter = subject.filter {
                lines.append("  where")
                render(filter, depth: 2, into: &lines)
            }
            if let condition = subject.condition {
                lines.append("  require")
                render(condition, depth: 2, into: &lines)
                let causes = subject.outcome == "not evidenced" ? condition.unknownCauses : []
                if !causes.isEmpty { lines.append("  unknown because: " + causes.joined(separator: "; ")) }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ node: Explanation, depth: Int, into lines: inout [String]) {
        let note = node.note.map { "   ← \($0)" } ?? ""
        lines.append(String(repeating: "  ", count: depth) + "\(node.shownValue)  \(node.text)\(note)")
        for child in node.children { render(child, depth: depth + 1, into: &lines) }
    }
}
