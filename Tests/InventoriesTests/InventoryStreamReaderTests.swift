import DataModel
import Diagnostics
import Foundation
import Packs
import Testing
import YAMLSource

@testable import Inventories

/// The event reader is a shortcut: on every text it accepts it must build exactly what the node tree and
/// `InventoryWalker` build, and it must leave every text with something to report to them.
@Suite("loading inventories straight from parser events")
struct InventoryStreamReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let schema = TestInventorySchema.schema

    @Test(
        "plain inventories are read the same both ways",
        arguments: [
            "spbe_inventory: 1\nopd: {id: X, name: Dinas X}\napplications:\n  - id: A\n    type: umum\n    users: 12\n",
            "opd:\n  id: X\n  tags: [a, b]\napplications:\n  - {id: A, type: khusus, budget: 2.5, sso: ya, audit: 2024-01-31}\n",
            "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    modules:\n      - a\n      - ~\n    years: [2023, 0x10]\n",
            "opd: {id: X}\napplications:\n  - id: 'A'\n    type: \"umum\"\n    users: ~\n    sso: false\n    budget: 3\n",
            "opd: {id: X}\napplications:\ndocuments:\n  - name: |\n      Renja\n      2025\n  - name: >\n      folded text\n  - {}\n",
            "{\"opd\": {\"id\": \"X\"}, \"applications\": [{\"id\": \"A\", \"type\": \"umum\", \"users\": 3, \"modules\": []}]}",
            "---\nopd: {id: X, name: ''}\n...\n",
            "opd: {id: X}\napplications:\n  - id: 1\n    type: umum\n  - id: \"01\"\n    type: khusus\n",
            // Keys in another order from one record to the next, some left out: the slot guessed from the previous
            // record is wrong, and the schema answers.
            "opd: {id: X}\napplications:\n  - {id: A, type: umum, users: 1, sso: true}\n  - {type: khusus, id: B, sso: false}\n"
                + "  - {users: 3, id: C, type: umum}\n  - {id: D, sso: true, type: umum, users: 4}\n",
        ])
    func equivalent(_ text: String) throws {
        let (fast, slow) = try read(text)
        #expect(slow.diagnostics.isEmpty, "\(slow.diagnostics)")
        let inventory = try #require(fast, "the event reader gave up on a plain inventory")
        try expectSame(inventory, try #require(slow.inventory))
    }

    @Test(
        "anything to report, or that the tree handles, is left to it",
        arguments: [
            "opd: {id: X}\napplications:\n  - id: A\n    type: cloud\n",  // unknown enumeration value
            "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    users: many\n",  // wrong type
            "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    colour: red\n",  // unknown field
            // duplicate key, guessed
            "opd: {id: X}\napplications:\n  - {id: A, type: umum}\n  - {id: B, type: umum, type: khusus}\n",
            "opd: {id: X}\napplications:\n  - type: umum\n",  // missing required field
            "opd: {id: X}\napplications:\n  - {id: A, type: umum}\n  - {id: A, type: khusus}\n",  // duplicate id
            "opd: {id: X}\nopd: {id: Y}\n",  // duplicate section
            "opd: {id: X, id: Y}\n",  // duplicate field
            "opd: {id: X}\nservers: []\n",  // unknown section
            "opd: {id: X}\napplications: {id: A}\n",  // not a list
            "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    modules: {a: 1}\n",  // mapping for a list
            "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    users: [1]\n",  // list for a scalar
            "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    modules: [[a]]\n",  // nested list
            "base: &b {type: umum}\nopd: {id: X}\n",  // anchor
            "opd: {id: X}\napplications:\n  - &a {id: A, type: umum}\n  - *a\n",  // alias
            "opd: {id: X}\napplications:\n  - <<: {type: umum}\n    id: A\n",  // merge key
            "opd: {id: !!str X}\n",  // tag
            "spbe_inventory: 2\nopd: {id: X}\n",  // unsupported format
            "spbe_inventory: '1'\nopd: {id: X}\n",  // quoted format
            "applications: []\n",  // no header
            "opd: {id: X}\n---\nopd: {id: Y}\n",  // two documents
            "- opd\n",  // not a mapping
            "",  // empty
            "opd: {id: X\n",  // syntax error
            "spbe_pack: 1\n",  // another kind of file
        ])
    func leftToTheTree(_ text: String) throws {
        let (fast, _) = try read(text)
        #expect(fast == nil)
    }

    @Test("limits lower than the inventory's shape leave it to the tree, which reports them")
    func limits() throws {
        let text = "opd: {id: X}\napplications:\n  - id: A\n    type: umum\n    modules: [a, b]\n"
        for limits in [
            YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 3, maxNodes: 1000, maxScalarBytes: 100),
            YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxNodes: 8, maxScalarBytes: 100),
            YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxNodes: 1000, maxScalarBytes: 3),
        ] {
            let (fast, slow) = try read(text, limits: limits)
            #expect(fast == nil)
            #expect(slow.diagnostics.contains { $0.severity == .error })
        }
    }

    @Test("an enumeration value is kept as written, also when it is only Unicode-equivalent to an allowed value")
    func enumerationSpellings() throws {
        let schema = InventorySchema(
            header: RecordSchema(name: "opd", fields: [FieldSchema(name: "id", type: .string, required: true)]),
            collections: [
                RecordSchema(
                    name: "documents",
                    fields: [
                        FieldSchema(name: "name", type: .string, required: true),
                        FieldSchema(name: "state", type: .enumeration(values: ["s\u{E9}lesai", "draf"])),
                        FieldSchema(name: "history", type: .list(.enumeration(values: ["s\u{E9}lesai", "draf"]))),
                    ])
            ]
        )
        for spelling in ["s\u{E9}lesai", "se\u{301}lesai", "draf"] {
            let text = "opd: {id: X}\ndocuments:\n  - {name: A, state: \(spelling), history: [draf, \(spelling)]}\n"
            let (fast, slow) = try read(Array(text.utf8), path: "opd.yaml", schema: schema)
            let inventory = try #require(fast, "the event reader gave up on \(spelling)")
            try expectSame(inventory, try #require(slow.inventory))
            let values = inventory.collections[0][0].values
            #expect(utf8(values[1]) == Array(spelling.utf8))
            guard case .list(let history) = values[2] else {
                Issue.record("history is not a list: \(values[2])")
                continue
            }
            #expect(history.map(utf8) == [Array("draf".utf8), Array(spelling.utf8)])
        }
        func utf8(_ value: Value) -> [UInt8]? {
            if case .string(let text) = value { return Array(text.utf8) }
            return nil
        }
    }

    @Test("every example inventory takes the fast way, and it gives the same records")
    func examples() throws {
        let loaded = PackLoader.load(path: Self.root.appendingPathComponent("rules/spbe-2020").path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let examples = Self.root.appendingPathComponent("examples")
        let files = try #require(FileManager.default.enumerator(atPath: examples.path)).compactMap { $0 as? String }
            .filter {
                ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) && !$0.hasPrefix("packs/") && !$0.hasPrefix("csv/")
            }
            .sorted()
        #expect(files.count >= 14)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: examples.appendingPathComponent(file)))
            let (fast, slow) = try read(bytes, path: file, schema: pack.schema)
            #expect(slow.diagnostics.isEmpty, "\(file): \(slow.diagnostics)")
            let inventory = try #require(fast, "the event reader gave up on \(file)")
            try expectSame(inventory, try #require(slow.inventory))
        }
    }

    @Test("on hundreds of mangled inventories, whatever the event reader accepts the tree reads the same")
    func mangled() throws {
        let loaded = PackLoader.load(path: Self.root.appendingPathComponent("rules/spbe-2020").path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let examples = Self.root.appendingPathComponent("examples")
        let sources = try [
            "dinkes-sleman.yaml", "diskominfo-sleman.yaml", "dpmptsp-sleman.json", "kabupaten-bantul/bappeda.yaml",
        ]
        .map {
            try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
        }
        let values = [
            "~", "''", "[a, b]", "{a: 1}", "&x 1", "*x", "!!str 5", "12", "1.5", "ya", "2024-02-30", "K", "null", "[]",
            "0x1F", "\"x\"", "- a", "<<: {}", "true", ".inf",
        ]
        var random = SplitMix(seed: 59)
        var accepted = 0
        for round in 0..<600 {
            var lines = sources[round % sources.count].map(String.init)
            for _ in 0...random.next(below: 3) {
                let index = random.next(below: lines.count)
                switch random.next(below: 5) {
                case 0: lines.remove(at: index)
                case 1: lines.insert(lines[index], at: index)
                case 2: lines.swapAt(index, random.next(below: lines.count))
                case 3: lines[index] = " " + lines[index]
                default:
                    if let colon = lines[index].firstIndex(of: ":") {
                        lines[index] = lines[index][...colon] + " " + values[random.next(below: values.count)]
                    }
                }
                if lines.isEmpty { lines = [""] }
            }
            let path = round % sources.count == 2 ? "mangled.json" : "mangled.yaml"
            let (fast, slow) = try read(Array(lines.joined(separator: "\n").utf8), path: path, schema: pack.schema)
            guard let fast else { continue }
            accepted += 1
            #expect(slow.diagnostics.isEmpty, "round \(round): \(slow.diagnostics)")
            try expectSame(fast, try #require(slow.inventory, "round \(round)"))
        }
        #expect(accepted > 50, "too few mangled inventories took the fast way to test anything")
    }

    /// Both readings of `text`: the event reader's (nil when it gives up) and the node tree's.
    private func read(
        _ text: String, limits: YAMLLimits = .default
    ) throws -> (fast: InventoryData?, slow: InventoryLoadResult) {
        try read(Array(text.utf8), path: "opd.yaml", schema: schema, limits: limits)
    }

    private func read(
        _ bytes: [UInt8], path: String, schema: InventorySchema, limits: YAMLLimits = .default
    ) throws -> (fast: InventoryData?, slow: InventoryLoadResult) {
        let input = try #require(
            Self.input(YAMLReader.prepare(bytes: bytes, path: path, limits: limits)), "\(path) is not text")
        let fast = InventoryStreamReader.read(input, schema: schema, spellings: SchemaSpellings(schema), limits: limits)
        let loader = InventoryLoader(schema: schema, limits: limits)
        let slow =
            switch YAMLReader.compose(input, limits: limits) {
            case .success(let document): loader.load(document)
            case .failure(let diagnostic): InventoryLoadResult(inventory: nil, diagnostics: [diagnostic])
            }
        return (fast, slow)
    }

    private static func input(_ outcome: YAMLInput.Outcome) -> YAMLInput? {
        if case .success(let input) = outcome { return input }
        return nil
    }

    private func expectSame(_ fast: InventoryData, _ slow: InventoryData) throws {
        #expect(fast.source == slow.source)
        expectSame(fast.header, slow.header)
        try #require(fast.collections.count == slow.collections.count)
        for (fastRecords, slowRecords) in zip(fast.collections, slow.collections) {
            try #require(fastRecords.count == slowRecords.count)
            for (fastRecord, slowRecord) in zip(fastRecords, slowRecords) { expectSame(fastRecord, slowRecord) }
        }
    }

    private func expectSame(_ fast: Record, _ slow: Record) {
        #expect(fast.values == slow.values)
        #expect(fast.location == slow.location)
        #expect(fast.key == slow.key)
    }
}

/// A small seeded generator (SplitMix64), so the mangled inventories are the same on every run.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }
}
