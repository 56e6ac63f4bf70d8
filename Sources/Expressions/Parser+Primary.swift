import Diagnostics

extension ParserState {
    /// A literal, a name, a call, a quantifier, a parenthesized expression or a list.
    mutating func primary() throws(ParseFailure) -> Parsed {
        let token = current
        switch token.kind {
        case .integer(let value): return try leaf(.integer(value))
        case .decimal(let value): return try leaf(.decimal(value))
        case .string(let value): return try leaf(.string(value))
        case .keyword(.true): return try leaf(.boolean(true))
        case .keyword(.false): return try leaf(.boolean(false))
        case .keyword(.null): return try leaf(.null)
        case .identifier(let name):
            return next.is(.leftParen)
                ? try call(Name(text: name, location: token.location)) : try leaf(.identifier(name))
        case .keyword(let keyword) where QuantifierKind(rawValue: keyword.rawValue) != nil:
            // Quantifier words are reserved only in front of `(`: a field may be called `count`.
            guard next.is(.leftParen), let kind = QuantifierKind(rawValue: keyword.rawValue) else {
                return try leaf(.identifier(keyword.rawValue))
            }
            return try quantifier(kind)
        case .symbol(.leftParen): return try parenthesized()
        case .symbol(.leftBracket): return try list()
        default:
            throw ParseFailure(diagnostic: .unexpectedToken(token, expected: "an expression"))
        }
    }

    private mutating func leaf(_ kind: SyntaxNode.Kind) throws(ParseFailure) -> Parsed {
        let token = advance()
        return try make(kind, at: token.location, height: 1)
    }

    private mutating func parenthesized() throws(ParseFailure) -> Parsed {
        let open = advance()
        try enter(open)
        defer { leave() }
        let inner = try expression(BinaryOperator.or.precedence)
        try expect(.rightParen, "')' to close the '(' at \(open.location.line):\(open.location.column)")
        guard inner.height + 1 <= ExpressionLimits.maxDepth else {
            throw ParseFailure(diagnostic: .tooDeep(at: open.location))
        }
        return Parsed(node: inner.node, height: inner.height + 1)
    }

    private mutating func list() throws(ParseFailure) -> Parsed {
        let open = advance()
        try enter(open)
        defer { leave() }
        var elements: [Parsed] = []
        if !current.is(.rightBracket) {
            elements.append(try expression(BinaryOperator.or.precedence))
            while current.is(.comma) {
                advance()
                elements.append(try expression(BinaryOperator.or.precedence))
            }
        }
        try expect(.rightBracket, "',' or ']'")
        let height = (elements.map(\.height).max() ?? 0) + 1
        return try make(.list(elements.map(\.node)), at: open.location, height: height)
    }

    private mutating func call(_ name: Name) throws(ParseFailure) -> Parsed {
        advance()
        let open = advance()
        try enter(open)
        defer { leave() }
        var arguments: [Parsed] = []
        if !current.is(.rightParen) {
            arguments.append(try expression(BinaryOperator.or.precedence))
            while current.is(.comma) {
                advance()
                arguments.append(try expression(BinaryOperator.or.precedence))
            }
        }
        try expect(.rightParen, "',' or ')'")
        let height = (arguments.map(\.height).max() ?? 0) + 1
        return try make(.call(name, arguments.map(\.node)), at: name.location, height: height)
    }

    private mutating func quantifier(_ kind: QuantifierKind) throws(ParseFailure) -> Parsed {
        let keyword = advance()
        let open = advance()
        try enter(open)
        defer { leave() }
        let source = try expression(BinaryOperator.or.precedence)
        var binding: Name?
        var filter: Parsed?
        var predicate: Parsed?
        if current.is(.as) {
            advance()
            guard case .identifier(let name) = current.kind else {
                throw ParseFailure(diagnostic: .unexpectedToken(current, expected: "a variable name after 'as'"))
            }
            binding = Name(text: name, location: advance().location)
        }
        if current.is(.where) {
            advance()
            filter = try expression(BinaryOperator.or.precedence)
        }
        if current.is(.comma) {
            advance()
            predicate = try expression(BinaryOperator.or.precedence)
        }
        let expected =
            switch (binding, filter, predicate) {
            case (nil, nil, nil): "'as', 'where', ',' or ')'"
            case (_, nil, nil): "'where', ',' or ')'"
            case (_, _, nil): "',' or ')'"
            default: "')'"
            }
        try expect(.rightParen, expected)
        let parts = [source, filter, predicate].compactMap { $0 }
        let height = (parts.map(\.height).max() ?? 0) + 1
        let node = Quantifier(
            kind: kind, source: source.node, binding: binding, filter: filter?.node, predicate: predicate?.node
        )
        return try make(.quantifier(node), at: keyword.location, height: height)
    }
}
