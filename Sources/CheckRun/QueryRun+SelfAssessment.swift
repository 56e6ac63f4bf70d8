import Diagnostics
import Engine
import Inventories
import Reporting

extension QueryRun {
    /// The index computed from the levels filled in directly in the self-assessment file at `path`, as on the
    /// official form; indicators missing from it are an error unless `allowMissing`, which counts them at their
    /// scale's lowest level. With `assumptions` (levels by indicator position), the report shows the index before
    /// and after assuming them.
    public func score(
        selfAssessment path: String, allowMissing: Bool, assuming assumptions: [Int: Int] = [:]
    ) -> Answer<ScoreReport> {
        var log = DiagnosticLog()
        let (loaded, diagnostics) = SelfAssessment.load(path: path, limits: reader.yamlLimits)
        log.append(diagnostics)
        guard let assessment = loaded else { return Answer(value: nil, diagnostics: log) }
        let packID = pack.pack.metadata.id
        if let framework = assessment.framework, framework != packID {
            log.append([.levelsFramework(framework, pack: packID, at: assessment.location)])
            return Answer(value: nil, diagnostics: log)
        }
        let missing = pack.indicators.compactMap(\.spec.formKey).filter { assessment.levels[$0] == nil }
        var errors = levelErrors(assessment)
        if !missing.isEmpty && !allowMissing { errors.append(.levelsNotGiven(missing, at: assessment.location)) }
        log.append(errors)
        guard errors.isEmpty else { return Answer(value: nil, diagnostics: log) }
        let levels = pack.indicators.map { indicator in
            indicator.spec.formKey.flatMap { assessment.levels[$0] } ?? indicator.lowestLevel
        }
        let report = ScoreReport(
            pack: pack, basis: .selfAssessment(file: path), levels: levels, levelStates: nil, missing: missing,
            language: language
        )
        return Answer(value: assumptions.isEmpty ? report : report.assuming(assumptions), diagnostics: log)
    }

    /// The levels of `assessment` for indicators the pack does not have, in the form's order, then those off
    /// their indicator's scale.
    private func levelErrors(_ assessment: SelfAssessment) -> [Diagnostic] {
        let keys = pack.indicators.compactMap(\.spec.formKey)
        var errors: [Diagnostic] = assessment.levels.keys.sorted(by: Self.formOrder).filter { !keys.contains($0) }.map {
            .levelsUnknownIndicator($0, among: keys, at: assessment.locations[$0])
        }
        for indicator in pack.indicators {
            guard let key = indicator.spec.formKey, let level = assessment.levels[key],
                !(indicator.lowestLevel...indicator.highestLevel).contains(level)
            else { continue }
            errors.append(
                .levelsOutOfScale(
                    level, indicator: key, scale: indicator.lowestLevel...indicator.highestLevel,
                    framework: pack.pack.metadata.framework, at: assessment.levelLocations[key]))
        }
        return errors
    }

    /// `2` before `10`, `35-1` before `35-2`: the form's order.
    private static func formOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ key: String) -> [Int] { key.split(separator: "-").map { Int($0) ?? 0 } }
        return parts(a).lexicographicallyPrecedes(parts(b))
    }
}
