import DataModel
import Diagnostics

extension TypeChecker {
    /// A function call: arguments are checked first (so their own errors are reported), then the signature.
    mutating func checkCall(_ node: SyntaxNode, name: Name, arguments: [SyntaxNode]) -> ValueType {
        let types = arguments.map { check($0) }
        guard let function = Builtin(rawValue: name.text) else {
            diagnostics.report(.unknownFunction(name.text, at: name.location))
            return .unknown
        }
        guard arguments.count == function.arity else {
            diagnostics.report(.arity(function, found: arguments.count, at: name.location))
            return Self.resultType(function, types)
        }
        resolutions[node.id] = .builtin(function)
        let call = Call(function: function, node: node, arguments: arguments, types: types)
        if function != .present && function != .len {
            for (argument, type) in zip(arguments, types) where type.isRecordLike {
                diagnostics.report(.recordArgument(function, found: type, at: argument.location))
                return Self.resultType(function, types)
            }
        }
        switch function {
        case .present: break
        case .len: require(call, 0, "a string or a list") { $0.isStringLike || $0.isListLike }
        case .contains: checkContains(call)
        case .startsWith, .endsWith, .lower, .upper, .trim:
            for index in arguments.indices { require(call, index, "a string") { $0.isStringLike } }
        case .matches: checkMatches(call)
        case .date: checkDate(call)
        case .year, .daysSince, .monthsSince, .yearsSince, .daysBetween:
            for index in arguments.indices { require(call, index, "a date") { $0 == .date } }
        case .coalesce: checkCoalesce(call)
        case .passes: checkPasses(call)
        case .min, .max: checkExtremum(call)
        }
        return Self.resultType(function, types)
    }

    /// A call being checked: the function, its node, and its arguments with their types.
    struct Call {
        let function: Builtin
        let node: SyntaxNode
        let arguments: [SyntaxNode]
        let types: [ValueType]
    }

    /// Reports argument `index` unless its type passes `accepts` (null and unknown always pass).
    private mutating func require(_ call: Call, _ index: Int, _ expected: String, _ accepts: (ValueType) -> Bool) {
        let type = call.types[index]
        guard !type.isPermissive, !accepts(type) else { return }
        diagnostics.report(
            .argument(
                call.function, position: index + 1, expected: expected, found: type, at: call.arguments[index].location
            ))
    }

    private mutating func checkContains(_ call: Call) {
        require(call, 0, "a string or a list of strings") { type in
            if case .list(let element) = type { return element.isStringLike || element.isPermissive }
            return type.isStringLike
        }
        require(call, 1, "a string") { $0.isStringLike }
        // Membership in a list of enum values: the literal must be one of them (a substring search need not be).
        if case .list = call.types[0] {
            checkEnumLiteral(call.arguments[1], against: call.arguments[0], type: call.types[0])
        }
    }

    private mutating func checkMatches(_ call: Call) {
        require(call, 0, "a string") { $0.isStringLike }
        let literal = call.arguments[1]
        guard case .string(let pattern) = literal.kind else {
            diagnostics.report(.literalRequired(.matches, what: "its pattern", at: literal.location))
            return
        }
        guard pattern.unicodeScalars.count <= ExpressionLimits.maxPatternLength else {
            diagnostics.report(
                .invalidPattern(
                    "longer than \(ExpressionLimits.maxPatternLength) characters", at: literal.location
                ))
            return
        }
        if let problem = PatternSafety.problem(in: pattern) {
            diagnostics.report(
                .invalidPattern(
                    problem.reason, at: Self.location(of: problem.offset, in: pattern, literal: literal.location)))
            return
        }
        do {
            resolutions[call.node.id] = .pattern(try CompiledPattern(pattern))
        } catch {
            diagnostics.report(
                .invalidPattern("\(error)", at: Self.location(of: 0, in: pattern, literal: literal.location)))
        }
    }

    /// Where the scalar at `offset` of a pattern is written, inside its string literal at `literal` (after the
    /// opening quote, counting the backslash each `\\` and `\"` is written with); on the literal's line.
    static func location(of offset: Int, in pattern: String, literal: SourceLocation) -> SourceLocation {
        let before = pattern.unicodeScalars.prefix(offset)
        let escapes = before.count { $0 == "\\" || $0 == "\"" }
        return SourceLocation(file: literal.file, line: literal.line, column: literal.column + 1 + offset + escapes)
    }

    private mutating func checkDate(_ call: Call) {
        require(call, 0, "a string") { $0.isStringLike }
        guard case .string(let text) = call.arguments[0].kind else { return }
        guard let day = Day(iso: text) else {
            diagnostics.report(.invalidDate(text, at: call.arguments[0].location))
            return
        }
        resolutions[call.node.id] = .constant(.date(day))
    }

    private mutating func checkCoalesce(_ call: Call) {
        guard ValueType.unify(call.types[0], call.types[1]) != nil else {
            diagnostics.report(
                .argument(
                    .coalesce, position: 2, expected: "a value compatible with \(call.types[0])", found: call.types[1],
                    at: call.arguments[1].location
                ))
            return
        }
        checkEnumLiteral(call.arguments[1], against: call.arguments[0], type: call.types[0])
    }

    private mutating func checkPasses(_ call: Call) {
        let literal = call.arguments[0]
        guard case .string(let id) = literal.kind else {
            diagnostics.report(.literalRequired(.passes, what: "the rule id", at: literal.location))
            return
        }
        guard let index = environment.ruleIDs[id] else {
            diagnostics.report(.unknownRule(id, candidates: Array(environment.ruleIDs.keys), at: literal.location))
            return
        }
        rules.insert(id)
        resolutions[call.node.id] = .rule(index: index)
    }

    private mutating func checkExtremum(_ call: Call) {
        let (left, right) = (call.types[0], call.types[1])
        let numeric = { (type: ValueType) in type.isNumeric || type.isPermissive }
        let dated = { (type: ValueType) in type == .date || type.isPermissive }
        guard (numeric(left) && numeric(right)) || (dated(left) && dated(right)) else {
            diagnostics.report(
                .argument(
                    call.function, position: 2, expected: "two numbers or two dates", found: right,
                    at: call.arguments[1].location
                ))
            return
        }
    }

    /// The result type of a call (also after an error, so checking continues sensibly).
    static func resultType(_ function: Builtin, _ types: [ValueType]) -> ValueType {
        switch function {
        case .present, .contains, .startsWith, .endsWith, .matches, .passes: .bool
        case .len, .year, .daysSince, .monthsSince, .yearsSince, .daysBetween: .int
        case .lower, .upper, .trim: .string
        case .date: .date
        case .coalesce:
            types.count == 2 ? (ValueType.unify(types[0], types[1]) ?? types[0]) : (types.first ?? .unknown)
        case .min, .max:
            types.count == 2 ? (ValueType.unify(types[0], types[1]) ?? .unknown) : .unknown
        }
    }
}
