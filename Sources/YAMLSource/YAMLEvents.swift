import CYaml
import Diagnostics

/// One event of libyaml's parser, with what spbe's readers use of it. Positions are libyaml's: 0-based line and
/// column.
public struct YAMLEvent {
    /// What the event marks.
    public enum Kind: Sendable {
        /// A document's start and end.
        case documentStart, documentEnd
        /// A sequence's start and end; its items come between.
        case sequenceStart, sequenceEnd
        /// A mapping's start and end; its keys and values come between, alternately.
        case mappingStart, mappingEnd
        /// A scalar: `text`, `style`, `length`.
        case scalar
        /// A reference to an anchored node: `anchor`.
        case alias
    }

    /// What the event marks.
    public let kind: Kind
    /// The line where the event starts.
    public let line: Int
    /// The column where the event starts.
    public let column: Int
    /// The line where it ends (for a scalar, after its content).
    public let endLine: Int
    /// The column where it ends.
    public let endColumn: Int
    /// The anchor (`&name`) of a scalar or collection; for an alias, the anchor it refers to.
    public let anchor: String?
    /// The explicit tag of a scalar or collection (`tag:yaml.org,2002:str` for `!!str`), if any.
    public let tag: String?
    /// A scalar's text after escapes and folding (empty for other events).
    public let text: String
    /// A scalar's style (`.plain` for other events).
    public let style: ScalarStyle
    /// A scalar's length in UTF-8 bytes.
    public let length: Int
}

/// libyaml's event parser over one text, read one event at a time: the one place spbe's readers talk to libyaml.
public final class YAMLEventStream {
    private let path: String
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The text, copied: libyaml reads it in place for as long as the stream lives.
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var started: Bool
    private var finished = false

    /// The syntax error that ended the stream, placed in `path`; nil while it is fine.
    public private(set) var error: Diagnostic?

    /// A stream over `bytes` (valid UTF-8) of the file `path` (only used in positions).
    public init(_ bytes: [UInt8], path: String) {
        self.path = path
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        started = yaml_parser_initialize(parser) == 1
        if started {
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        } else {
            error = .yamlSyntax("the YAML parser could not start", context: nil, at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    deinit {
        if started { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; nil at the end of the stream, or after a syntax error (then in `error`).
    public func next() -> YAMLEvent? {
        guard started, !finished else { return nil }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                finished = true
                error = syntaxError()
                return nil
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT {
                finished = true
                return nil
            }
            if let converted = YAMLEvent(event) { return converted }
        }
    }

    private func syntaxError() -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "the text cannot be parsed"
        let opening = state.context_mark
        let context = state.context.map { String(cString: $0) + " started at line \(opening.line + 1), column \(opening.column + 1)" }
        let mark = state.problem_mark
        return .yamlSyntax(problem, context: context, at: SourceLocation(file: path, line: mark.line + 1, column: mark.column + 1))
    }
}

extension YAMLEvent {
    /// The event in Swift terms; nil for the stream's start and end (and libyaml's empty event).
    fileprivate init?(_ event: yaml_event_t) {
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        var tag: UnsafeMutablePointer<yaml_char_t>?
        var text = ""
        var style = ScalarStyle.plain
        var length = 0
        switch event.type {
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            (anchor, tag) = (event.data.sequence_start.anchor, event.data.sequence_start.tag)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            (anchor, tag) = (event.data.mapping_start.anchor, event.data.mapping_start.tag)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_SCALAR_EVENT:
            kind = .scalar
            let scalar = event.data.scalar
            (anchor, tag, length) = (scalar.anchor, scalar.tag, scalar.length)
            text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            style = switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        case YAML_ALIAS_EVENT:
            kind = .alias
            anchor = event.data.alias.anchor
        default:
            return nil
        }
        line = event.start_mark.line
        column = event.start_mark.column
        endLine = event.end_mark.line
        endColumn = event.end_mark.column
        self.anchor = anchor.map { String(cString: $0) }
        self.tag = tag.map { String(cString: $0) }
        self.text = text
        self.style = style
        self.length = length
    }
}
