import Diagnostics

/// Composes libyaml's event stream into `YAMLNode`s, enforcing `YAMLLimits` as it goes.
///
/// Working on events rather than a finished tree lets every bound stop the parse at once: nesting depth when a
/// collection opens, scalar size when a scalar arrives, and the expanded node count when an alias repeats its
/// anchor (each anchored node carries its expanded size, so an alias bomb is stopped after a few events).
struct YAMLComposer {
    enum Outcome {
        case success(YAMLNode?)
        case failure(Diagnostic)
    }

    private let path: String
    private let limits: YAMLLimits
    private let source: YAMLSourceText
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expandedNodes = 0
    private var root: YAMLNode?
    private var documents = 0

    init(path: String, limits: YAMLLimits, source: YAMLSourceText) {
        self.path = path
        self.limits = limits
        self.source = source
    }

    /// A collection being composed.
    private struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        var children: [YAMLNode] = []
        /// Nodes under this one with aliases expanded, itself included.
        var size = 1
    }

    mutating func compose(_ bytes: [UInt8]) -> Outcome {
        let events = YAMLEventStream(bytes, path: path)
        while let event = events.next() {
            if let failure = handle(event) { return .failure(failure) }
        }
        if let error = events.error { return .failure(error) }
        return .success(root)
    }

    private mutating func handle(_ event: YAMLEvent) -> Diagnostic? {
        let start = location(line: event.line, column: event.column)
        switch event.kind {
        case .documentStart:
            documents += 1
            if documents > 1 { return .severalDocuments(at: start) }
        case .sequenceStart, .mappingStart:
            guard stack.count < limits.maxDepth else { return .tooDeep(limit: limits.maxDepth, at: start) }
            stack.append(Frame(isMapping: event.kind == .mappingStart, location: start, anchor: event.anchor))
            return count(1, at: start)
        case .sequenceEnd, .mappingEnd:
            let frame = stack.removeLast()
            let content: YAMLNode.Content
            if frame.isMapping {
                switch mapping(frame.children) {
                case .success(let entries): content = .mapping(entries)
                case .failure(let diagnostic): return diagnostic
                }
            } else {
                content = .sequence(frame.children)
            }
            finish(YAMLNode(content, location: frame.location, source: nil), size: frame.size, anchor: frame.anchor)
        case .scalar:
            return scalar(event, start: start)
        case .alias:
            let name = event.anchor ?? ""
            guard let anchored = anchors[name] else { return .unknownAlias(name, at: start) }
            if let failure = count(anchored.size, at: start) { return failure }
            finish(anchored.node, size: anchored.size, anchor: nil)
        case .documentEnd:
            break
        }
        return nil
    }

    private mutating func scalar(_ event: YAMLEvent, start: SourceLocation) -> Diagnostic? {
        guard event.length <= limits.maxScalarBytes else {
            return .scalarTooLarge(bytes: event.length, limit: limits.maxScalarBytes, at: start)
        }
        if let failure = count(1, at: start) { return failure }
        let scalar = YAMLScalar(
            text: event.text, style: event.style, tag: event.tag,
            end: location(line: event.endLine, column: event.endColumn)
        )
        finish(YAMLNode(.scalar(scalar), location: start, source: source), size: 1, anchor: event.anchor)
        return nil
    }

    /// Adds a completed node to its parent (or makes it the root) and remembers its anchor.
    private mutating func finish(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size) }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
            stack[stack.count - 1].size += size
        }
    }

    /// Counts `size` more nodes in the expanded document, failing past the limit.
    private mutating func count(_ size: Int, at location: SourceLocation) -> Diagnostic? {
        expandedNodes += size
        return expandedNodes > limits.maxNodes ? .tooManyNodes(limit: limits.maxNodes, at: location) : nil
    }

    private enum MappingResult {
        case success([YAMLEntry])
        case failure(Diagnostic)
    }

    /// Pairs keys with values, rejects duplicate keys, and applies merge keys (`<<: *base`): explicit keys win,
    /// then merged mappings in order.
    private func mapping(_ children: [YAMLNode]) -> MappingResult {
        var explicit: [YAMLEntry] = []
        var merged: [YAMLNode] = []
        var seen = KeySet()
        explicit.reserveCapacity(children.count / 2)
        for index in stride(from: 0, to: children.count - 1, by: 2) {
            let key = children[index]
            let value = children[index + 1]
            if let scalar = key.scalarValue {
                if scalar.style == .plain, scalar.text == "<<" {
                    merged += value.sequenceItems ?? [value]
                    continue
                }
                if let first = seen.insert(scalar.text, at: key.location) {
                    return .failure(.duplicateKey(scalar.text, first: first, at: key.location))
                }
            }
            explicit.append(YAMLEntry(key: key, value: value))
        }
        for base in merged {
            for entry in base.mappingEntries ?? [] {
                guard let text = entry.key.scalar, seen.insert(text, at: entry.key.location) == nil else { continue }
                explicit.append(entry)
            }
        }
        return .success(explicit)
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + 1, column: column + 1)
    }

}

/// The keys of a mapping seen so far: a list while it is small (most mappings have a handful of keys, and
/// comparing them beats hashing), a dictionary once it grows.
private struct KeySet {
    private var list: [(key: String, location: SourceLocation)] = []
    private var table: [String: SourceLocation]?

    /// Adds `key`; returns where it was first seen when it already was (and then keeps that first place).
    mutating func insert(_ key: String, at location: SourceLocation) -> SourceLocation? {
        if table != nil {
            if let first = table?[key] { return first }
            table?[key] = location
            return nil
        }
        if let first = list.first(where: { $0.key == key }) { return first.location }
        list.append((key, location))
        if list.count > 16 {
            table = Dictionary(list.map { ($0.key, $0.location) }, uniquingKeysWith: { first, _ in first })
        }
        return nil
    }
}
