import Diagnostics

/// A reserved word of the expression language.
///
/// The quantifier words (`all`, `any`, `none`, `count`) are reserved only in front of `(`; elsewhere they are
/// ordinary names, so a field called `count` stays reachable.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
    /// Logical operators.
    case and, or, not
    /// Membership, and the parts of a quantifier.
    case `in`, `as`, `where`
    /// Literals.
    case `true`, `false`, null
    /// Quantifiers (reserved only before `(`).
    case all, any, none, count
}

/// A punctuation mark or operator.
public enum Symbol: String, Sendable, Hashable, CaseIterable {
    /// `(`
    case leftParen = "("
    /// `)`
    case rightParen = ")"
    /// `[`
    case leftBracket = "["
    /// `]`
    case rightBracket = "]"
    /// `,`
    case comma = ","
    /// `.`
    case dot = "."
    /// `+`
    case plus = "+"
    /// `-`
    case minus = "-"
    /// `*`
    case star = "*"
    /// `/`
    case slash = "/"
    /// `%`
    case percent = "%"
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `<=`
    case lessEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterEqual = ">="
}

/// What a token is, with the decoded value of literals.
public enum TokenKind: Sendable, Hashable {
    /// An integer literal that fits in `Int`.
    case integer(Int)
    /// A literal with a fractional part, such as `3.5`.
    case decimal(Double)
    /// A string literal, escapes decoded.
    case string(String)
    /// A name: `[A-Za-z_][A-Za-z0-9_]*` that is not a keyword.
    case identifier(String)
    /// A reserved word.
    case keyword(Keyword)
    /// Punctuation or an operator.
    case symbol(Symbol)
    /// The end of the text; always the last token.
    case end
}

/// One token of an expression with its absolute position in the file.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    /// The token's kind and literal value.
    public let kind: TokenKind
    /// The exact text of the token in the source (empty for `end`).
    public let text: String
    /// Where the token's first character is in the file.
    public let location: SourceLocation

    /// Creates a token.
    public init(kind: TokenKind, text: String, location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    /// How the token is named in messages: `'where'`, `'=='`, `end of expression`.
    public var description: String {
        if case .end = kind { return "end of expression" }
        return "'\(text)'"
    }

    /// Whether the token is the keyword `keyword`.
    public func `is`(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }

    /// Whether the token is the symbol `symbol`.
    public func `is`(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
}
