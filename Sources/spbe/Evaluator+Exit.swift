import DataModel
import Engine

extension Evaluator {
    /// The evaluation of `inventory`; when a rule or the run goes over its cost budget, prints the error (naming
    /// the rule, with its position in the pack) and exits 2.
    func evaluateOrExit(_ inventory: InventoryData, printer: inout DiagnosticPrinter) throws -> InventoryEvaluation {
        do throws(CostExceeded) {
            return try evaluate(inventory)
        } catch {
            printer.print([error.diagnostic])
            throw ExitStatus.inputError
        }
    }
}
