import Diagnostics

/// Turns tokens into a syntax tree by precedence climbing (a Pratt parser).
///
/// Reports the first syntax error only: after a syntax error the rest of the text cannot be read reliably,
/// and guesses would produce noise. Nesting is bounded by `ExpressionLimits.maxDepth`, checked while
/// descending, so hostile input gives `parse.too_deep` rather than a stack overflow.
public enum Parser {
    /// Tokenizes and parses `source`; nil (with diagnostics in the bag) on any lexical or syntax error.
    public static func parse(_ source: String, map: SourceMap, diagnostics: inout DiagnosticBag) -> SyntaxTree? {
        let errorsBefore = diagnostics.errors.count
        let tokens = Lexer.tokenize(source, map: map, diagnostics: &diagnostics)
        guard diagnostics.errors.count == errorsBefore else { return nil }
        return parse(tokens, diagnostics: &diagnostics)
    }

    /// Parses tokens produced by `Lexer.tokenize` (ending with `end`); nil (with a diagnostic) on a syntax error.
    public static func parse(_ tokens: [Token], diagnostics: inout DiagnosticBag) -> SyntaxTree? {
        guard !tokens.isEmpty else { return nil }
        var state = ParserState(tokens: tokens)
        do {
            return try state.parseTree()
        } catch {
            diagnostics.report(error.diagnostic)
            return nil
        }
    }
}

/// Unwinds the parser after its first syntax error; carries that error.
struct ParseFailure: Error {
    let diagnostic: Diagnostic
}

/// A node being built, with the height of its subtree (parentheses counted) for the depth limit.
struct Parsed {
    let node: SyntaxNode
    let height: Int
}

/// The mutable cursor of one parse.
struct ParserState {
    let tokens: [Token]
    var position = 0
    var nextID = 0
    var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[position] }

    var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Consumes `symbol` or fails naming what was `expected` there.
    @discardableResult
    mutating func expect(_ symbol: Symbol, _ expected: String) throws(ParseFailure) -> Token {
        guard current.is(symbol) else { throw ParseFailure(diagnostic: .unexpectedToken(current, expected: expected)) }
        return advance()
    }

    /// Counts one level of syntactic nesting at `token`; fails past the limit before recursing further.
    mutating func enter(_ token: Token) throws(ParseFailure) {
        depth += 1
        if depth > ExpressionLimits.maxDepth { throw ParseFailure(diagnostic: .tooDeep(at: token.location)) }
    }

    mutating func leave() { depth -= 1 }

    /// A new node with the next id; fails when its subtree is higher than the limit.
    mutating func make(_ kind: SyntaxNode.Kind, at location: SourceLocation, height: Int) throws(ParseFailure) -> Parsed
    {
        guard height <= ExpressionLimits.maxDepth else { throw ParseFailure(diagnostic: .tooDeep(at: location)) }
        let node = SyntaxNode(id: NodeID(nextID), location: location, kind: kind)
        nextID += 1
        return Parsed(node: node, height: height)
    }

    mutating func parseTree() throws(ParseFailure) -> SyntaxTree {
        let start = current.location
        if case .end = current.kind { throw ParseFailure(diagnostic: .emptyExpression(at: start)) }
        let parsed = try expression(BinaryOperator.or.precedence)
        guard case .end = current.kind else {
            throw ParseFailure(
                diagnostic: .unexpectedToken(current, expected: "an operator or the end of the expression"))
        }
        return SyntaxTree(root: parsed.node, nodeCount: nextID, start: start)
    }

    /// Precedence of prefix `not`: its operand is a comparison or anything tighter.
    static let notPrecedence = 3
    /// Precedence of prefix `-`: its operand is a postfix expression.
    static let negatePrecedence = 7

    /// An expression whose infix operators all bind at least as tightly as `minPrecedence`.
    mutating func expression(_ minPrecedence: Int) throws(ParseFailure) -> Parsed {
        var left = try prefix(minPrecedence)
        var sawComparison = false
        while let (op, width) = infixOperator(), op.precedence >= minPrecedence {
            let operatorToken = current
            if op.isComparison {
                if sawComparison { throw ParseFailure(diagnostic: .chainedComparison(operatorToken)) }
                sawComparison = true
            }
            for _ in 0..<width { advance() }
            let right = try expression(op.precedence + 1)
            left = try make(
                .binary(op, left.node, right.node, operatorLocation: operatorToken.location),
                at: left.node.location, height: max(left.height, right.height) + 1
            )
        }
        return left
    }

    /// The infix operator at the cursor and how many tokens spell it (`not in` takes two).
    func infixOperator() -> (BinaryOperator, Int)? {
        switch current.kind {
        case .keyword(.and): return (.and, 1)
        case .keyword(.or): return (.or, 1)
        case .keyword(.in): return (.in, 1)
        case .keyword(.not): return next.is(.in) ? (.notIn, 2) : nil
        case .symbol(let symbol): return BinaryOperator(rawValue: symbol.rawValue).map { ($0, 1) }
        default: return nil
        }
    }

    /// A prefix operation, or a postfix expression.
    mutating func prefix(_ minPrecedence: Int) throws(ParseFailure) -> Parsed {
        let token = current
        let op: UnaryOperator
        let operandPrecedence: Int
        if token.is(.not) {
            guard minPrecedence <= Self.notPrecedence else { throw ParseFailure(diagnostic: .misplacedNot(token)) }
            (op, operandPrecedence) = (.not, Self.notPrecedence)
        } else if token.is(.minus) {
            (op, operandPrecedence) = (.negate, Self.negatePrecedence)
        } else {
            return try postfix()
        }
        advance()
        try enter(token)
        defer { leave() }
        let operand = try expression(operandPrecedence)
        return try make(.unary(op, operand.node), at: token.location, height: operand.height + 1)
    }

    /// A primary expression followed by any number of `.field` accesses.
    mutating func postfix() throws(ParseFailure) -> Parsed {
        var base = try primary()
        while current.is(.dot) {
            advance()
            let nameToken = current
            let text: String
            switch nameToken.kind {
            case .identifier(let word): text = word
            case .keyword(let keyword): text = keyword.rawValue
            default: throw ParseFailure(diagnostic: .unexpectedToken(nameToken, expected: "a field name after '.'"))
            }
            advance()
            let field = Name(text: text, location: nameToken.location)
            base = try make(.member(base.node, field: field), at: base.node.location, height: base.height + 1)
        }
        return base
    }
}
