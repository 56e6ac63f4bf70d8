import Diagnostics

/// Splits expression text into tokens, each with its absolute position in the file.
///
/// Reports every lexical problem it finds (not just the first) and keeps going, so the caller sees them all;
/// a text with lexical errors should not be parsed further.
public enum Lexer {
    /// The tokens of `source`, always ending with an `end` token.
    ///
    /// `map` turns positions inside `source` (0-based line, 0-based column in Unicode scalars) into file locations.
    /// A source longer than `ExpressionLimits.maxSourceBytes` UTF-8 bytes is rejected with `parse.too_long`.
    public static func tokenize(_ source: String, map: SourceMap, diagnostics: inout DiagnosticBag) -> [Token] {
        guard source.utf8.count <= ExpressionLimits.maxSourceBytes else {
            diagnostics.report(.sourceTooLong(bytes: source.utf8.count, at: map.location(line: 0, column: 0)))
            return [Token(kind: .end, text: "", location: map.location(line: 0, column: 0))]
        }
        var scanner = Scanner(source: source, map: map)
        var tokens: [Token] = []
        while let token = scanner.next(diagnostics: &diagnostics) {
            tokens.append(token)
        }
        tokens.append(Token(kind: .end, text: "", location: scanner.location))
        return tokens
    }
}

/// The cursor over the text's Unicode scalars, tracking the 0-based line and column of the next one.
private struct Scanner {
    let source: String.UnicodeScalarView
    /// Where each scalar starts in `source`, and its end: token texts are slices, not rebuilt scalar by scalar.
    let positions: [String.Index]
    let map: SourceMap
    var cursor: ScalarCursor

    init(source: String, map: SourceMap) {
        self.source = source.unicodeScalars
        cursor = ScalarCursor(Array(self.source))
        positions = Array(self.source.indices) + [self.source.endIndex]
        self.map = map
    }

    var location: SourceLocation { map.location(line: cursor.line, column: cursor.column) }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { cursor.peek(offset) }

    mutating func advance() { cursor.advance() }

    func text(from start: Int) -> String {
        String(source[positions[start]..<positions[cursor.index]])
    }

    /// The next token, or nil at the end of the text. Skips (and reports) characters that start no token.
    mutating func next(diagnostics: inout DiagnosticBag) -> Token? {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                advance()
                continue
            }
            let start = cursor.index
            let location = self.location
            if scalar.isASCIIDigit {
                return number(start: start, location: location, diagnostics: &diagnostics)
            }
            if scalar.isIdentifierStart {
                while let next = peek(), next.isIdentifierPart { advance() }
                let word = text(from: start)
                let kind: TokenKind = Self.keywords[word].map { .keyword($0) } ?? .identifier(word)
                return Token(kind: kind, text: word, location: location)
            }
            if scalar == "\"" || scalar == "'" {
                if let token = string(quote: scalar, start: start, location: location, diagnostics: &diagnostics) {
                    return token
                }
                continue
            }
            if let symbol = symbol() {
                return Token(kind: .symbol(symbol), text: symbol.rawValue, location: location)
            }
            advance()
            // `&&` and `||` are one mistake each, reported once.
            if scalar == "&" || scalar == "|", peek() == scalar { advance() }
            diagnostics.report(.unexpectedCharacter(text(from: start), at: location))
        }
        return nil
    }

    private mutating func number(start: Int, location: SourceLocation, diagnostics: inout DiagnosticBag) -> Token {
        while let next = peek(), next.isASCIIDigit { advance() }
        var isDecimal = false
        if peek() == ".", let after = peek(1), after.isASCIIDigit {
            isDecimal = true
            advance()
            while let next = peek(), next.isASCIIDigit { advance() }
        }
        let literal = text(from: start)
        if isDecimal {
            guard let value = Double(literal), value.isFinite else {
                diagnostics.report(.numberTooLarge(literal, at: location))
                return Token(kind: .decimal(0), text: literal, location: location)
            }
            return Token(kind: .decimal(value), text: literal, location: location)
        }
        guard let value = Int(literal) else {
            diagnostics.report(.numberTooLarge(literal, at: location))
            return Token(kind: .integer(0), text: literal, location: location)
        }
        return Token(kind: .integer(value), text: literal, location: location)
    }

    /// A string literal, or nil (after reporting) when it is not closed on its line.
    private mutating func string(
        quote: Unicode.Scalar, start: Int, location: SourceLocation, diagnostics: inout DiagnosticBag
    ) -> Token? {
        advance()
        var value = ""
        var unescaped = cursor.index
        while let scalar = peek(), scalar != "\n" {
            if scalar == quote {
                value += text(from: unescaped)
                advance()
                return Token(kind: .string(value), text: text(from: start), location: location)
            }
            if scalar == "\\" {
                value += text(from: unescaped)
                let escapeLocation = self.location
                advance()
                guard let escaped = peek(), escaped != "\n" else { break }
                advance()
                switch escaped {
                case "\\", "\"", "'": value.unicodeScalars.append(escaped)
                case "n": value.unicodeScalars.append("\n")
                case "t": value.unicodeScalars.append("\t")
                default: diagnostics.report(.invalidEscape(escaped, at: escapeLocation))
                }
                unescaped = cursor.index
                continue
            }
            advance()
        }
        diagnostics.report(.unterminatedString(at: location))
        return nil
    }

    /// The operator or punctuation at the cursor (consumed), or nil.
    private mutating func symbol() -> Symbol? {
        guard let first = peek() else { return nil }
        if peek(1) == "=", let symbol = Self.symbolsEndingInEquals[first] {
            advance()
            advance()
            return symbol
        }
        guard let symbol = Self.singleScalarSymbols[first] else { return nil }
        advance()
        return symbol
    }

    /// The keywords by their text: one hash per name, where `Keyword(rawValue:)` compared it with each keyword.
    private static let keywords = Dictionary(uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// The symbols of one scalar, and those of a scalar and `=` by their first scalar: found without making a
    /// string of the text at the cursor for `Symbol(rawValue:)`, which a pack's hundreds of expressions did for
    /// every operator.
    private static let singleScalarSymbols = symbols { $0.count == 1 ? $0.first : nil }
    private static let symbolsEndingInEquals = symbols { $0.count == 2 && $0.last == "=" ? $0.first : nil }

    private static func symbols(keyedBy key: (String.UnicodeScalarView) -> Unicode.Scalar?) -> [Unicode.Scalar: Symbol]
    {
        Dictionary(
            uniqueKeysWithValues: Symbol.allCases.compactMap { symbol in
                key(symbol.rawValue.unicodeScalars).map { ($0, symbol) }
            })
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
    fileprivate var isIdentifierPart: Bool { isIdentifierStart || isASCIIDigit }
}
