import DataModel
import Diagnostics
import YAMLSource

/// The fast way to load an inventory: records are typed straight from libyaml's events, with no node tree.
///
/// It reads the plain shape of nearly every inventory: one mapping of known sections, each a list of flat records
/// whose fields are known and whose values fit their types. Anything else (an anchor, alias, tag or merge key, an
/// unknown name, a wrong type, a duplicate, a missing required field, a limit reached, a syntax error) makes it
/// give up, and `InventoryLoader` reads the file again through the composer and `InventoryWalker`, which say what
/// is wrong. So it never reports anything itself, and what it accepts it builds exactly as the walker would.
struct InventoryStreamReader {
    private let schema: InventorySchema
    private let spellings: SchemaSpellings
    private let limits: YAMLLimits
    private let file: String
    private let events: YAMLEventStream
    private var nodes = 0

    /// Thrown to leave the fast path.
    private struct GiveUp: Error {}

    /// The inventory in `input`, or nil when it takes the full reader to load it (or to say why it cannot).
    static func read(_ input: YAMLInput, schema: InventorySchema, spellings: SchemaSpellings, limits: YAMLLimits)
        -> InventoryData?
    {
        var reader = InventoryStreamReader(
            schema: schema, spellings: spellings, limits: limits, file: input.path,
            events: YAMLEventStream(input.bytes, path: input.path)
        )
        return try? reader.inventory()
    }

    private init(
        schema: InventorySchema, spellings: SchemaSpellings, limits: YAMLLimits, file: String, events: YAMLEventStream
    ) {
        self.schema = schema
        self.spellings = spellings
        self.limits = limits
        self.file = file
        self.events = events
    }

    private mutating func inventory() throws(GiveUp) -> InventoryData {
        guard try next().kind == .documentStart else { throw GiveUp() }
        try collection(try next(), .mappingStart, depth: 1)
        var header: Record?
        // Perf: specialized allocation, once per inventory (spbe-bench: parse).
        var collections = [[Record]](filledWith: [], count: schema.collections.count)
        var sections: [String] = []
        while let key = try key().map({ String(decoding: $0, as: UTF8.self) }) {
            guard !sections.contains(key) else { throw GiveUp() }
            sections.append(key)
            switch key {
            case InventoryLoader.formatKey:
                let version = try next()
                guard version.kind == .scalar, !version.isDecorated, version.style == .plain,
                    PlainScalarKind(resolvingUTF8: version.utf8) == .int(1)
                else { throw GiveUp() }
            case "opd":
                var order = KeyOrder(of: schema.header, spellings: spellings.header)
                header = try record(
                    try next(), of: schema.header, spellings: spellings.header, index: 0, depth: 2, order: &order)
            default:
                guard let slot = schema.collectionSlot(of: key) else { throw GiveUp() }
                collections[slot] = try records(of: schema.collections[slot], spellings: spellings.collections[slot])
            }
        }
        guard try next().kind == .documentEnd, events.next() == nil, events.error == nil, let header else {
            throw GiveUp()
        }
        return InventoryData(source: file, header: header, collections: collections)
    }

    /// The records of a section: a list of mappings, or nothing (`applications:` left empty).
    private mutating func records(of recordSchema: RecordSchema, spellings: SchemaSpellings.RecordSpellings)
        throws(GiveUp) -> [Record]
    {
        let start = try next()
        if start.kind == .scalar {
            guard try isNull(start) else { throw GiveUp() }
            return []
        }
        try collection(start, .sequenceStart, depth: 2)
        var result: [Record] = []
        var keys = Set<String>()
        var order = KeyOrder(of: recordSchema, spellings: spellings)
        while true {
            let item = try next()
            if item.kind == .sequenceEnd { break }
            let record = try record(
                item, of: recordSchema, spellings: spellings, index: result.count, depth: 3, order: &order)
            guard keys.insert(record.key).inserted else { throw GiveUp() }
            result.append(record)
        }
        return result
    }

    /// One record, from its mapping's first event, at nesting `depth`; `order` guesses where its keys are.
    private mutating func record(
        _ start: YAMLEventView, of recordSchema: RecordSchema, spellings: SchemaSpellings.RecordSpellings, index: Int,
        depth: Int,
        order: inout KeyOrder
    ) throws(GiveUp) -> Record {
        try collection(start, .mappingStart, depth: depth)
        // Perf: specialized allocations, two per record (spbe-bench: parse).
        var values = [Value](filledWith: .null, count: recordSchema.fields.count)
        var seen = [Bool](filledWith: false, count: recordSchema.fields.count)
        var previous: Int?
        while let name = try key() {
            guard let slot = order.slot(of: name, after: previous), !seen[slot] else { throw GiveUp() }
            previous = slot
            seen[slot] = true
            values[slot] = try value(
                as: recordSchema.fields[slot].type, allowed: spellings.allowed[slot],
                field: recordSchema.qualifiedNames[slot], depth: depth + 1
            )
        }
        for slot in recordSchema.fields.indices where recordSchema.fields[slot].required && values[slot].isNull {
            throw GiveUp()
        }
        let location = SourceLocation(file: file, line: start.line + 1, column: start.column + 1)
        return Record(
            values: values, location: location, key: RecordKey.make(values, schema: recordSchema, index: index))
    }

    /// A field's value: a scalar, or a list of scalars for a list field (a list at nesting `depth`); `allowed` are
    /// the values of an enumeration field (or of its list's items).
    private mutating func value(
        as type: ValueType, allowed: [SchemaSpellings.AllowedValue]?, field: String, depth: Int
    ) throws(GiveUp) -> Value {
        let start = try next()
        if start.kind == .scalar { return try scalar(start, as: type, allowed: allowed, field: field) }
        guard case .list(let element) = type else { throw GiveUp() }
        try collection(start, .sequenceStart, depth: depth)
        var items: [Value] = []
        while true {
            let item = try next()
            if item.kind == .sequenceEnd { break }
            guard item.kind == .scalar else { throw GiveUp() }
            items.append(try scalar(item, as: element, allowed: allowed, field: field))
        }
        return .list(items)
    }

    /// A scalar typed as `type` (not a list), or null. Texts are made into a `String` only when kept: an allowed
    /// value of an enumeration is the schema's own string; any other spelling (one Unicode-equivalent to an allowed
    /// value, say) takes the general conversion.
    private func scalar(
        _ event: YAMLEventView, as type: ValueType, allowed: [SchemaSpellings.AllowedValue]?, field: String
    ) throws(GiveUp) -> Value {
        if try isNull(event) { return .null }
        switch type {
        case .list:
            throw GiveUp()
        case .string:
            return .string(event.text)
        case .enumeration:
            if let match = allowed?.first(where: { $0.utf8.equals(event.utf8) }) { return .string(match.text) }
        default:
            break
        }
        let kind = event.style == .plain ? PlainScalarKind(resolvingUTF8: event.utf8) : .string
        guard
            case .success(let value) = ValueConversion.value(
                event.text, resolved: kind, as: type, field: field, dialect: .yaml)
        else {
            throw GiveUp()
        }
        return value
    }

    /// The next key of the mapping being read, in place (valid until the next event), or nil at the mapping's end.
    /// Merge keys are left to the composer.
    private mutating func key() throws(GiveUp) -> UnsafeBufferPointer<UInt8>? {
        let event = try next()
        if event.kind == .mappingEnd { return nil }
        guard event.kind == .scalar, try !isNull(event), !(event.style == .plain && Self.isMergeKey(event.utf8)) else {
            throw GiveUp()
        }
        return event.utf8
    }

    private static func isMergeKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count == 2 && key[0] == UInt8(ascii: "<") && key[1] == UInt8(ascii: "<")
    }

    /// Whether a scalar resolves to null under YAML's core schema (only a plain one can); tagged and anchored
    /// scalars, and scalars over the size limit, are left to the composer.
    private func isNull(_ event: YAMLEventView) throws(GiveUp) -> Bool {
        guard !event.isDecorated, event.utf8.count <= limits.maxScalarBytes else { throw GiveUp() }
        return event.style == .plain && PlainScalarKind.isNull(event.utf8)
    }

    /// Checks that `event` opens a collection of the expected kind, untagged and unanchored, within the depth limit.
    private func collection(_ event: YAMLEventView, _ kind: YAMLEvent.Kind, depth: Int) throws(GiveUp) {
        guard event.kind == kind, !event.isDecorated, depth <= limits.maxDepth else { throw GiveUp() }
    }

    /// The next event, counted against the node limit; aliases and the end of the text leave the fast path.
    private mutating func next() throws(GiveUp) -> YAMLEventView {
        guard let event = events.nextView(), event.kind != .alias else { throw GiveUp() }
        switch event.kind {
        case .scalar, .sequenceStart, .mappingStart:
            nodes += 1
            guard nodes <= limits.maxNodes else { throw GiveUp() }
        default:
            break
        }
        return event
    }
}

/// Finds the slots of a record's keys, guessing each from the keys of the previous record of the list: records
/// of one list nearly always give their fields in the same order, and comparing a key with the guessed field's
/// name costs less than hashing it for the schema's dictionary, which answers when the guess is wrong.
private struct KeyOrder {
    private let schema: RecordSchema
    private let names: [[UInt8]]
    /// At 0, the slot of the previous record's first key; at slot + 1, the slot of the key that followed `slot`
    /// last time; -1 before any.
    private var following: [Int]

    init(of schema: RecordSchema, spellings: SchemaSpellings.RecordSpellings) {
        self.schema = schema
        names = spellings.names
        // Perf: specialized allocation, once per collection of each inventory (spbe-bench: parse).
        following = Array(filledWith: -1, count: schema.fields.count + 1)
    }

    /// The slot of the field named `name` (UTF-8), the key after the one in slot `previous` (nil: the record's
    /// first key); nil when the record has no such field.
    mutating func slot(of name: UnsafeBufferPointer<UInt8>, after previous: Int?) -> Int? {
        let position = previous.map { $0 + 1 } ?? 0
        let guess = following[position]
        if guess >= 0, names[guess].equals(name) { return guess }
        guard let slot = schema.slot(of: String(decoding: name, as: UTF8.self)) else { return nil }
        following[position] = slot
        return slot
    }
}
