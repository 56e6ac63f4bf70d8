import DataModel
import Engine
import Reporting

extension QueryRun {
    /// The formats a score is rendered in.
    public enum ScoreFormat: String, CaseIterable, Sendable {
        case text, json
    }

    /// The index estimate of the inventories of `paths`: one report per pemda among them (`PemdaGroups`), in the
    /// order the pemdas first appear; with `assumptions` (levels by indicator position), each shows the index
    /// before and after assuming them. The inventories of one pemda are taken together, as the official per-pemda
    /// evaluation does; a single inventory is an OPD-level simulation.
    public func score(_ paths: [String], assuming assumptions: [Int: Int] = [:]) -> Answer<[ScoreReport]> {
        var log = DiagnosticLog()
        let inputs = InventoryInputs.load(paths, reader: reader, maxFiles: maxFiles) { log.append($0, sources: $1) }
        guard !inputs.failed, !inputs.inventories.isEmpty else { return Answer(value: nil, diagnostics: log) }
        let groups = PemdaGroups(inputs.inventories, schema: pack.schema)
        var reports: [ScoreReport] = []
        for (pemda, members) in zip(groups.pemdas, groups.members) {
            let source = groups.count > 1 && pemda.isNamed ? pemda.name : paths.joined(separator: " ")
            guard let report = score(members, source: source, log: &log) else {
                return Answer(value: nil, diagnostics: log)
            }
            reports.append(assumptions.isEmpty ? report : report.assuming(assumptions))
        }
        return Answer(value: reports, diagnostics: log)
    }

    /// The score of one pemda's `inventories` (merged, under the name `source`, when there are several).
    private func score(_ inventories: [InventoryData], source: String, log: inout DiagnosticLog) -> ScoreReport? {
        let combined =
            inventories.count == 1
            ? inventories[0] : InventoryMerge.merge(inventories, schema: pack.schema, source: source)
        guard let combined else { return nil }
        let evaluator = Evaluator(pack: pack, asOf: asOf, language: language, budget: budget)
        guard let result = evaluate(combined, with: evaluator, log: &log) else { return nil }
        let name = result.opdName.isEmpty ? combined.source : result.opdName
        let basis: ScoreBasis =
            inventories.count == 1
            ? .opd(name: name) : .pemda(name: pemdaName(combined) ?? name, inventories: inventories.count)
        return ScoreReport(
            pack: pack, basis: basis, levels: result.indicators.map(\.level),
            levelStates: result.indicators.map(\.levelStates), language: language
        )
    }

    /// The `pemda` field of `inventory`'s header, when it gives one.
    private func pemdaName(_ inventory: InventoryData) -> String? {
        guard let slot = pack.schema.header.slot(of: "pemda"), case .string(let name) = inventory.header.values[slot]
        else { return nil }
        return name
    }
}

extension [ScoreReport] {
    /// The reports as `spbe score` prints them: one report alone; several as a JSON array, or one text after the
    /// other with a blank line between them.
    public func rendered(_ format: QueryRun.ScoreFormat) -> String {
        if count == 1, let report = first {
            return format == .json ? ScoreJSONReporter().render(report) : ScoreTextReporter().render(report)
        }
        return format == .json
            ? ScoreJSONReporter().render(self) : map { ScoreTextReporter().render($0) }.joined(separator: "\n")
    }
}
