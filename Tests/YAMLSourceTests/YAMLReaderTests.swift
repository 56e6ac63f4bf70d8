import Diagnostics
import Testing
import YAMLSource

private func parse(_ text: String, path: String = "f.yaml", limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader.parse(bytes: Array(text.utf8), path: path, limits: limits)
}

private func root(_ text: String, path: String = "f.yaml") throws -> YAMLNode {
    guard case .success(let document) = parse(text, path: path) else {
        Issue.record("expected \(text) to parse")
        throw CancellationError()
    }
    return try #require(document.root)
}

private func failure(_ text: String, limits: YAMLLimits = .default) -> Diagnostic? {
    if case .failure(let diagnostic) = parse(text, limits: limits) { return diagnostic }
    return nil
}

@Suite("reading YAML and JSON")
struct YAMLReaderTests {
    @Test("nodes keep 1-based lines and columns")
    func positions() throws {
        let node = try root("a: 1\nlist:\n  - x\n  - {k: v}\n")
        let entries = try #require(node.mappingEntries)
        #expect(entries.map { $0.key.scalar } == ["a", "list"])
        #expect(entries[0].value.location == SourceLocation(file: "f.yaml", line: 1, column: 4))
        let items = try #require(entries[1].value.sequenceItems)
        #expect(items[0].location == SourceLocation(file: "f.yaml", line: 3, column: 5))
        #expect(items[1].mappingEntries?[0].value.location == SourceLocation(file: "f.yaml", line: 4, column: 9))
    }

    @Test(
        "plain scalars resolve under the core schema; quoted ones stay text",
        arguments: [
            ("42", PlainScalarKind.int(42)), ("-7", .int(-7)), ("0x1F", .int(31)), ("0o17", .int(15)),
            ("3.5", .float(3.5)), ("1e3", .float(1000)), ("true", .bool(true)), ("FALSE", .bool(false)),
            ("~", .null), ("null", .null), ("", .null), ("yes", .string), ("2024-01-01", .string),
            ("99999999999999999999", .integerOverflow), ("1.2.3", .string), ("'42'", .string), ("\"true\"", .string),
            ("+5", .int(5)), ("-9223372036854775808", .int(.min)), ("9223372036854775807", .int(.max)),
            ("9223372036854775808", .integerOverflow), ("-9223372036854775809", .integerOverflow), ("-x", .string),
            ("-.inf", .float(-.infinity)), ("Null", .null), ("nullable", .string), ("truely", .string),
            (".5", .float(0.5)),
            ("1e", .string), ("0x", .string), ("0xG1", .string), ("NULL", .null), ("nULL", .string), ("nul", .string),
            ("~~", .string),
        ])
    func resolution(_ text: String, expected: PlainScalarKind) throws {
        let value = try #require(try root("v: \(text)\n").mappingEntries?[0].value)
        #expect(value.plainScalarKind == expected)
        if case .scalar(let scalar) = value.content, scalar.style == .plain {
            var text = scalar.text
            #expect(text.withUTF8(PlainScalarKind.isNull) == (expected == .null))
        }
    }

    @Test("!!str forces text")
    func strTag() throws {
        #expect(try root("v: !!str 2024\n").mappingEntries?[0].value.plainScalarKind == .string)
    }

    @Test("anchors, aliases and merge keys work as written")
    func anchors() throws {
        let node = try root("base: &b {hosting: pdn, sso: true}\napp:\n  <<: *b\n  sso: false\n  name: X\n")
        let app = try #require(node.mappingEntries?[1].value.mappingEntries)
        #expect(app.map { $0.key.scalar } == ["sso", "name", "hosting"])
        #expect(app[0].value.scalar == "false")
        #expect(app[2].value.scalar == "pdn")
    }

    @Test("syntax errors name the line, and what was left open")
    func syntaxError() throws {
        let diagnostic = try #require(failure("a:\n  - [x, y\nb: 1\n"))
        #expect(diagnostic.code == "yaml.syntax")
        #expect(diagnostic.message.contains("started at line 2, column 5"))
    }

    @Test("a duplicate key is an error at the second one")
    func duplicateKey() throws {
        let diagnostic = try #require(failure("a: 1\nb: 2\na: 3\n"))
        #expect(
            diagnostic.description
                == "f.yaml:3:1: error[yaml.duplicate_key]: duplicate key 'a' (first at line 1); keep one of them")
    }

    @Test("an alias bomb stops at the node limit after a few events")
    func aliasBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let diagnostic = try #require(failure(text))
        #expect(diagnostic.code == "yaml.too_many_nodes")
    }

    @Test("deep nesting is refused at the depth limit")
    func deepNesting() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(failure(text)?.code == "yaml.too_deep")
        let limits = YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 200, maxNodes: 1000, maxScalarBytes: 100)
        if case .failure(let diagnostic) = parse(text, limits: limits) { Issue.record("\(diagnostic)") }
    }

    @Test("long scalars and large files are refused")
    func sizes() throws {
        let limits = YAMLLimits(maxFileBytes: 100, maxDepth: 8, maxNodes: 100, maxScalarBytes: 10)
        #expect(failure("v: \(String(repeating: "x", count: 11))\n", limits: limits)?.code == "yaml.scalar_too_large")
        #expect(failure(String(repeating: "#", count: 101), limits: limits)?.code == "input.too_large")
    }

    @Test("several documents, unknown aliases, binary and invalid UTF-8 are errors")
    func badInputs() throws {
        #expect(failure("a: 1\n---\nb: 2\n")?.code == "yaml.multiple_documents")
        #expect(failure("a: *nowhere\n")?.code == "yaml.unknown_alias")
        #expect(failure("a: \u{0}\n")?.code == "input.binary")
        let invalid = YAMLReader.parse(bytes: Array("a: 1\nb: ".utf8) + [0xC3, 0x28, 0x0A], path: "u.yaml")
        guard case .failure(let diagnostic) = invalid else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.location == SourceLocation(file: "u.yaml", line: 2, column: 4))
    }

    @Test("a BOM and CRLF line ends are accepted; positions are unchanged")
    func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: two\r\n".utf8)
        guard case .success(let document) = YAMLReader.parse(bytes: bytes, path: "w.yaml") else {
            Issue.record("BOM/CRLF file did not parse")
            return
        }
        let entries = try #require(document.root?.mappingEntries)
        #expect(entries[1].value.scalar == "two")
        #expect(entries[1].value.location == SourceLocation(file: "w.yaml", line: 2, column: 4))
    }

    @Test("JSON with tab indentation reads as JSON")
    func jsonTabs() throws {
        let node = try root("{\n\t\"opd\": {\n\t\t\"id\": \"X\"\n\t}\n}\n", path: "o.json")
        let value = try #require(node.mappingEntries?[0].value.mappingEntries?[0].value)
        #expect(value.scalar == "X")
        #expect(value.location == SourceLocation(file: "o.json", line: 3, column: 9))
    }

    @Test("positions inside a literal block scalar map to the file")
    func literalContentMap() throws {
        let node = try root("rule:\n  require: |\n    hosting == \"pdn\"\n      and sso\n")
        let value = try #require(node.mappingEntries?[0].value.mappingEntries?[0].value)
        let map = try #require(value.contentMap)
        #expect(map.location(line: 0, column: 0) == SourceLocation(file: "f.yaml", line: 3, column: 5))
        #expect(map.location(line: 1, column: 2) == SourceLocation(file: "f.yaml", line: 4, column: 7))
    }

    @Test("positions inside a folded or multi-line plain scalar map to each source line")
    func foldedContentMap() throws {
        let node = try root("r: >\n  a == 1\n  and b\nq: x == 1\n  or y\n")
        let entries = try #require(node.mappingEntries)
        let folded = try #require(entries[0].value.contentMap)
        // The text is "a == 1 and b\n": "and" is at column 7 of the single text line, on file line 3.
        #expect(folded.location(line: 0, column: 7) == SourceLocation(file: "f.yaml", line: 3, column: 3))
        let plain = try #require(entries[1].value.contentMap)
        #expect(entries[1].value.scalar == "x == 1 or y")
        #expect(plain.location(line: 0, column: 7) == SourceLocation(file: "f.yaml", line: 5, column: 3))
        #expect(plain.location(line: 0, column: 2) == SourceLocation(file: "f.yaml", line: 4, column: 6))
    }

    @Test("a missing file and a folder are unreadable, with a reason")
    func unreadable() {
        guard case .failure(let missing) = YAMLReader.read(path: "/no/such/file.yaml") else {
            Issue.record("read a missing file")
            return
        }
        #expect(missing.message == "cannot read '/no/such/file.yaml': no such file")
        guard case .failure(let folder) = YAMLReader.read(path: "/tmp") else {
            Issue.record("read a folder")
            return
        }
        #expect(folder.message.contains("it is a folder"))
    }
}
