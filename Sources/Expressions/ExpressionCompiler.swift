import DataModel
import Diagnostics

/// The one-call entry point used by the pack compiler: parse, check, compile.
public enum ExpressionCompiler {
    /// Parses, checks and compiles `source`; returns nil (with diagnostics in the bag) on any error.
    ///
    /// Lexical errors are all reported, then the first syntax error; when the text parses, every type error
    /// is reported. `expected` is the type the result must have (nil: any value).
    public static func compile(
        _ source: String, map: SourceMap, environment: ExpressionEnvironment, expecting expected: ValueType? = .bool,
        diagnostics: inout DiagnosticBag
    ) -> CompiledExpression? {
        check(source, map: map, environment: environment, expecting: expected, diagnostics: &diagnostics).map(
            Compiler.compile)
    }

    /// As `compile(_:map:environment:expecting:diagnostics:)`, for one of a pack's expressions: record lookups
    /// are registered in the pack's `lookups`.
    public static func compile(
        _ source: String, map: SourceMap, environment: ExpressionEnvironment, expecting expected: ValueType? = .bool,
        lookups: inout LookupPlan, diagnostics: inout DiagnosticBag
    ) -> CompiledExpression? {
        guard
            let checked = check(
                source, map: map, environment: environment, expecting: expected, diagnostics: &diagnostics)
        else {
            return nil
        }
        return Compiler.compile(checked, lookups: &lookups)
    }

    /// As `compile(_:map:environment:expecting:lookups:diagnostics:)`, for a rule's filter: also the subjects it can
    /// be other than false for, when its first conjunct says (see `FilterScope`).
    public static func compileFilter(
        _ source: String, map: SourceMap, environment: ExpressionEnvironment, lookups: inout LookupPlan,
        diagnostics: inout DiagnosticBag
    ) -> (filter: CompiledExpression, scope: FilterScope?)? {
        guard
            let checked = check(source, map: map, environment: environment, expecting: .bool, diagnostics: &diagnostics)
        else {
            return nil
        }
        let scope = LookupPlanner(checked: checked).subjectScope(into: &lookups).map(FilterScope.init)
        return (Compiler.compile(checked, lookups: &lookups), scope)
    }

    private static func check(
        _ source: String, map: SourceMap, environment: ExpressionEnvironment, expecting expected: ValueType?,
        diagnostics: inout DiagnosticBag
    ) -> CheckedExpression? {
        let errorsBefore = diagnostics.errors.count
        guard let tree = Parser.parse(source, map: map, diagnostics: &diagnostics) else { return nil }
        let checked = Checker.check(tree, environment: environment, expecting: expected, diagnostics: &diagnostics)
        guard diagnostics.errors.count == errorsBefore else { return nil }
        return checked
    }
}
