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

/// One event seen in place (`YAMLEventStream.nextView()`), for a reader that keeps little of what it reads: its
/// scalar text is libyaml's own buffer, so no `String` is made of keys and values the reader only compares.
public struct YAMLEventView {
    /// What the event marks.
    public let kind: YAMLEvent.Kind
    /// The line where the event starts (0-based).
    public let line: Int
    /// The column where the event starts (0-based).
    public let column: Int
    /// Whether the event has an anchor or an explicit tag.
    public let isDecorated: Bool
    /// A scalar's style (`.plain` for other events).
    public let style: ScalarStyle
    /// A scalar's text after escapes and folding, in UTF-8 (empty for other events). It is valid only until the
    /// stream reads its next event.
    public let utf8: UnsafeBufferPointer<UInt8>

    /// A scalar's text, copied into a `String`.
    public var text: String { String(decoding: utf8, as: UTF8.self) }
}

/// libyaml's event parser over one text, read one event at a time: the one place spbe's readers talk to libyaml.
public final class YAMLEventStream {
    private let path: String
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The event last read, kept until the next is read: a `YAMLEventView` points into it.
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false
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
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        started = yaml_parser_initialize(parser) == 1
        if started {
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        } else {
            error = .yamlSyntax(
                "the YAML parser could not start", context: nil, at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    deinit {
        releaseEvent()
        if started { yaml_parser_delete(parser) }
        parser.deallocate()
        event.deallocate()
        input.deallocate()
    }

    /// The next event; nil at the end of the stream, or after a syntax error (then in `error`).
    public func next() -> YAMLEvent? {
        advance().map { YAMLEvent(event.pointee, kind: $0) }
    }

    /// The next event, seen in place until the next call to `next()` or `nextView()`; nil as for `next()`.
    public func nextView() -> YAMLEventView? {
        advance().map { YAMLEventView(event.pointee, kind: $0) }
    }

    /// Reads the next event into `event`, past the stream's start; its kind, or nil at the end or on an error.
    private func advance() -> YAMLEvent.Kind? {
        guard started, !finished else { return nil }
        while true {
            releaseEvent()
            guard yaml_parser_parse(parser, event) == 1 else {
                finished = true
                error = syntaxError()
                return nil
            }
            holdsEvent = true
            if event.pointee.type == YAML_STREAM_END_EVENT {
                finished = true
                releaseEvent()
                return nil
            }
            if let kind = YAMLEvent.Kind(event.pointee.type) { return kind }
        }
    }

    private func releaseEvent() {
        guard holdsEvent else { return }
        yaml_event_delete(event)
        holdsEvent = false
    }

    private func syntaxError() -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "the text cannot be parsed"
        let opening = state.context_mark
        let context = state.context.map {
            String(cString: $0) + " started at line \(opening.line + 1), column \(opening.column + 1)"
        }
        // A key without its ':' is found only when the scanner reaches the next line; the mistake is where the
        // key started, which the context mark gives.
        let simpleKey = state.context.map { String(cString: $0) == "while scanning a simple key" } ?? false
        let mark = simpleKey ? opening : state.problem_mark
        return .yamlSyntax(
            problem, context: simpleKey ? nil : context,
            at: SourceLocation(file: path, line: mark.line + 1, column: mark.column + 1))
    }
}

extension YAMLEvent.Kind {
    /// The kind of a libyaml event; nil for the stream's start and end (and libyaml's empty event).
    fileprivate init?(_ type: yaml_event_type_t) {
        switch type {
        case YAML_DOCUMENT_START_EVENT: self = .documentStart
        case YAML_DOCUMENT_END_EVENT: self = .documentEnd
        case YAML_SEQUENCE_START_EVENT: self = .sequenceStart
        case YAML_SEQUENCE_END_EVENT: self = .sequenceEnd
        case YAML_MAPPING_START_EVENT: self = .mappingStart
        case YAML_MAPPING_END_EVENT: self = .mappingEnd
        case YAML_SCALAR_EVENT: self = .scalar
        case YAML_ALIAS_EVENT: self = .alias
        default: return nil
        }
    }
}

extension ScalarStyle {
    fileprivate init(_ style: yaml_scalar_style_t) {
        self =
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
    }
}

/// The anchor and tag of a node's start event (an alias's anchor is the one it refers to).
private func decorations(of event: yaml_event_t) -> (
    anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
) {
    switch event.type {
    case YAML_SEQUENCE_START_EVENT: (event.data.sequence_start.anchor, event.data.sequence_start.tag)
    case YAML_MAPPING_START_EVENT: (event.data.mapping_start.anchor, event.data.mapping_start.tag)
    case YAML_SCALAR_EVENT: (event.data.scalar.anchor, event.data.scalar.tag)
    case YAML_ALIAS_EVENT: (event.data.alias.anchor, nil)
    default: (nil, nil)
    }
}

extension YAMLEvent {
    /// The event of `kind` in Swift terms.
    fileprivate init(_ event: yaml_event_t, kind: Kind) {
        let view = YAMLEventView(event, kind: kind)
        let (anchor, tag) = decorations(of: event)
        (self.kind, line, column, style) = (kind, view.line, view.column, view.style)
        endLine = event.end_mark.line
        endColumn = event.end_mark.column
        self.anchor = anchor.map { String(cString: $0) }
        self.tag = tag.map { String(cString: $0) }
        text = view.text
        length = view.utf8.count
    }
}

extension YAMLEventView {
    /// The event of `kind`, its text left in `event`.
    fileprivate init(_ event: yaml_event_t, kind: YAMLEvent.Kind) {
        let (anchor, tag) = decorations(of: event)
        let isScalar = kind == .scalar
        let scalar = event.data.scalar
        self.kind = kind
        line = event.start_mark.line
        column = event.start_mark.column
        isDecorated = anchor != nil || tag != nil
        style = isScalar ? ScalarStyle(scalar.style) : .plain
        utf8 =
            isScalar
            ? UnsafeBufferPointer(start: scalar.value, count: scalar.length) : UnsafeBufferPointer(start: nil, count: 0)
    }
}
