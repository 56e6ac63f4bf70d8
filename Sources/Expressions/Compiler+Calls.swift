import DataModel

extension ClosureBuilder {
    func buildCall(_ node: SyntaxNode, _ arguments: [SyntaxNode]) -> Evaluable {
        switch checked.resolution(of: node) {
        case .constant(let value)?:
            return .constant(value)
        case .rule(let index)?:
            return .truth { index < $0.ruleVerdicts.count ? $0.ruleVerdicts[index].truth : nil }
        case .pattern(let pattern)?:
            return buildMatches(pattern, build(arguments[0]))
        case .builtin(.year)? where arguments.count == 1 && readsAsOf(arguments[0]):
            return .value { .int($0.asOfComponents.year) }
        case .builtin(let function)?:
            return buildBuiltin(function, arguments.map(build))
        default:
            return .constant(.null)
        }
    }

    private func readsAsOf(_ node: SyntaxNode) -> Bool {
        if case .asOf? = checked.resolution(of: node) { return true }
        return false
    }

    private func buildMatches(_ pattern: CompiledPattern, _ input: Evaluable) -> Evaluable {
        let text = input.function
        let limit = ExpressionLimits.maxMatchInputLength
        let evaluable: Evaluable = .truth { context in
            guard case .string(let string) = text(context) else { return nil }
            // Bounds the regex engine's work: a long input gives "unknown" rather than a slow search.
            guard string.utf8.count <= limit || string.count <= limit else { return nil }
            guard context.spend(pattern.cost(length: string.utf8.count)) else { return nil }
            return pattern.matches(string)
        }
        return folded(evaluable, inputs: [input])
    }

    private func buildBuiltin(_ function: Builtin, _ inputs: [Evaluable]) -> Evaluable {
        switch (function, inputs.first) {
        case (.present, .record(let record)?): return .truth { record($0) != nil }
        case (.present, .records(let records)?): return .truth { !(records($0)?.isEmpty ?? true) }
        case (.present, .field(let access)?):
            let absent = Runtime.isPresent(access.fallback)
            return .truth { access.withValue($0, else: absent, Runtime.isPresent) }
        case (.coalesce, .field(var access)?) where access.fallback.isNull && inputs[1].constant != nil:
            access.fallback = inputs[1].constant ?? .null
            return .field(access)
        case (.coalesce, .truth?), (.coalesce, .fieldTests?):
            // Booleans stay unboxed: `coalesce(condition, false)` is a common guard against unknown data.
            let (first, second) = (inputs[0].truth, inputs[1].truth)
            return folded(.truth { first($0) ?? second($0) }, inputs: inputs)
        case (.len, .records(let records)?): return .value { records($0).map { .int($0.count) } ?? .null }
        case (.daysSince, let input?), (.monthsSince, let input?), (.yearsSince, let input?):
            return buildSince(function, input.function)
        default: break
        }
        if inputs.count == 1, let operation = Runtime.unaryFunction(function) {
            let argument = inputs[0].function
            return folded(.value { operation(argument($0)) }, inputs: inputs)
        }
        if inputs.count == 2, let operation = Runtime.binaryFunction(function) {
            let (first, second) = (inputs[0].function, inputs[1].function)
            return folded(.value { operation(first($0), second($0)) }, inputs: inputs)
        }
        return .constant(.null)
    }

    /// `days_since`, `months_since`, `years_since`: whole units from the date to `as_of`.
    private func buildSince(_ function: Builtin, _ input: @escaping ValueFunction) -> Evaluable {
        let measure: @Sendable (Day, EvaluationContext) -> Int =
            switch function {
            case .daysSince: { day, context in context.asOf.ordinal - day.ordinal }
            case .monthsSince:
                { day, context in day.wholeMonths(until: context.asOf, components: context.asOfComponents) }
            default: { day, context in day.wholeYears(until: context.asOf, components: context.asOfComponents) }
            }
        return .value { context in
            guard case .date(let day) = input(context) else { return .null }
            return .int(measure(day, context))
        }
    }
}
