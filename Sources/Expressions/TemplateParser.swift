import DataModel
import Diagnostics

/// Splits a message template into text and placeholders and resolves each placeholder against the schema.
struct TemplateParser {
    let map: SourceMap
    let environment: ExpressionEnvironment
    var diagnostics = DiagnosticBag()
    var pieces: [MessageTemplate.Piece] = []
    var fields: Set<FieldReference> = []
    private var cursor: ScalarCursor
    private var literal = ""

    init(text: String, map: SourceMap, environment: ExpressionEnvironment) {
        cursor = ScalarCursor(Array(text.unicodeScalars))
        self.map = map
        self.environment = environment
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? { cursor.peek(offset) }

    private mutating func advance() { cursor.advance() }

    mutating func parse() {
        while let scalar = peek() {
            if (scalar == "{" || scalar == "}") && peek(1) == scalar {
                literal.unicodeScalars.append(scalar)
                advance()
                advance()
            } else if scalar == "{" {
                placeholder()
            } else if scalar == "}" {
                diagnostics.report(.unmatchedBrace(at: map.location(line: cursor.line, column: cursor.column)))
                advance()
            } else {
                literal.unicodeScalars.append(scalar)
                advance()
            }
        }
        flushLiteral()
    }

    private mutating func flushLiteral() {
        if !literal.isEmpty { pieces.append(.text(literal)) }
        literal = ""
    }

    /// `{ path }` on one line; the path is resolved with the position of each of its parts.
    private mutating func placeholder() {
        let open = map.location(line: cursor.line, column: cursor.column)
        advance()
        let contentColumn = cursor.column
        var content: [Unicode.Scalar] = []
        while let scalar = peek(), scalar != "}", scalar != "{", scalar != "\n" {
            content.append(scalar)
            advance()
        }
        guard peek() == "}" else {
            diagnostics.report(.unclosedPlaceholder(at: open))
            return
        }
        let placeholderLine = cursor.line
        advance()
        var parts: [Name] = []
        var partStart = 0
        for offset in 0...content.count where offset == content.count || content[offset] == "." {
            var first = partStart
            var last = offset
            while first < last, content[first] == " " || content[first] == "\t" { first += 1 }
            while last > first, content[last - 1] == " " || content[last - 1] == "\t" { last -= 1 }
            var text = ""
            text.unicodeScalars.append(contentsOf: content[first..<last])
            parts.append(Name(text: text, location: map.location(line: placeholderLine, column: contentColumn + first)))
            partStart = offset + 1
        }
        var path = ""
        path.unicodeScalars.append(contentsOf: content)
        guard parts.allSatisfy({ Self.isIdentifier($0.text) }) else {
            diagnostics.report(.invalidPlaceholder(path, at: open))
            return
        }
        resolve(parts, path: path, at: open)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, as in expressions.
    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    private mutating func resolve(_ parts: [Name], path: String, at open: SourceLocation) {
        let header = environment.schema.header
        let subject = environment.subject
        let record: RecordSchema
        let field: Name
        switch parts.count {
        case 1:
            (record, field) = (subject ?? header, parts[0])
        case 2 where parts[0].text == "self":
            (record, field) = (subject ?? header, parts[1])
        case 2 where parts[0].text == "opd":
            (record, field) = (header, parts[1])
        default:
            diagnostics.report(.invalidPlaceholder(path, at: open))
            return
        }
        guard let slot = record.slot(of: field.text) else {
            diagnostics.report(.unknownField(field.text, on: record, at: field.location))
            return
        }
        flushLiteral()
        fields.insert(FieldReference(record: record.name, field: field.text))
        let readsHeader = subject == nil || (parts.count == 2 && parts[0].text == "opd")
        let labels = record.fields[slot].valueLabels
        pieces.append(readsHeader ? .headerField(slot, labels: labels) : .subjectField(slot, labels: labels))
    }
}
