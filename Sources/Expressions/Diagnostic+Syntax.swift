import Diagnostics

/// The wording of every lexer and parser diagnostic, in one place. Codes are stable (`parse.*`).
extension Diagnostic {
    static func sourceTooLong(bytes: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.too_long",
            "expression is \(bytes) bytes long; the limit is \(ExpressionLimits.maxSourceBytes) UTF-8 bytes",
            at: location, suggestion: "split it into several rules"
        )
    }

    static func tooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.too_deep",
            "expression nests more than \(ExpressionLimits.maxDepth) levels deep",
            at: location, suggestion: "split it into several rules or use 'in [...]' instead of long chains"
        )
    }

    static func unexpectedCharacter(_ text: String, at location: SourceLocation) -> Diagnostic {
        let suggestion: String? =
            switch text {
            case "=": "did you mean '=='?"
            case "!": "did you mean 'not' or '!='?"
            case "&", "&&": "did you mean 'and'?"
            case "|", "||": "did you mean 'or'?"
            default: nil
            }
        return Diagnostic(
            .error, code: "parse.unexpected_character", "unexpected character '\(text)'", at: location,
            suggestion: suggestion)
    }

    static func numberTooLarge(_ literal: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.number_too_large",
            "number literal \(literal) is too large (integers must fit in 64 bits)", at: location
        )
    }

    static func unterminatedString(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.unterminated_string", "string literal is not closed on its line", at: location,
            suggestion: "add the closing quote"
        )
    }

    static func invalidEscape(_ scalar: Unicode.Scalar, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.invalid_escape", "unknown escape sequence '\\\(Character(scalar))'", at: location,
            suggestion: "use one of \\\\ \\\" \\' \\n \\t"
        )
    }

    static func emptyExpression(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "parse.empty", "expression is empty", at: location)
    }

    static func unexpectedToken(_ token: Token, expected: String) -> Diagnostic {
        var suggestion: String?
        if case .identifier(let word) = token.kind {
            suggestion = Suggestion.didYouMean(word, among: Keyword.allCases.map(\.rawValue))
        }
        return Diagnostic(
            .error, code: "parse.unexpected_token", "expected \(expected), found \(token)", at: token.location,
            suggestion: suggestion
        )
    }

    static func chainedComparison(_ token: Token) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.chained_comparison",
            "comparisons cannot be chained: \(token) follows another comparison",
            at: token.location, suggestion: "write 'a < b and b < c'"
        )
    }

    static func misplacedNot(_ token: Token) -> Diagnostic {
        Diagnostic(
            .error, code: "parse.unexpected_token", "'not' cannot appear inside a comparison or arithmetic operand",
            at: token.location, suggestion: "wrap it in parentheses: '(not x)'"
        )
    }
}
