import Foundation
import Testing

@testable import PackLanguageServer

/// Drives a server the way a client does, with the checkout's bundled packs and in-memory edits of their files
/// (nothing is written to them).
@Suite("Language server features")
final class LanguageServerTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules").path
    static let rulesFile = rules + "/spbe-2020/rules-aplikasi.yaml"
    static let packFile = rules + "/spbe-2020/pack.yaml"

    let server = LanguageServer(rulesFolder: LanguageServerTests.rules)
    var nextID = 0

    /// Sends one message; returns the decoded replies.
    func send(_ method: String, _ params: [String: Any], request: Bool = true) -> [[String: Any]] {
        var message: [String: Any] = ["jsonrpc": "2.0", "method": method, "params": params]
        if request {
            nextID += 1
            message["id"] = nextID
        }
        let body = try! JSONSerialization.data(withJSONObject: message)
        return server.handle(body).compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    func open(_ path: String, text: String) -> [[String: Any]] {
        send(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": URL(fileURLWithPath: path).absoluteString, "languageId": "yaml", "version": 1, "text": text,
                ]
            ], request: false)
    }

    func request(_ method: String, _ path: String, line: Int, character: Int) -> Any? {
        send(
            method,
            [
                "textDocument": ["uri": URL(fileURLWithPath: path).absoluteString],
                "position": ["line": line, "character": character],
            ]
        ).first?["result"]
    }

    static func text(_ path: String) -> String { try! String(contentsOfFile: path, encoding: .utf8) }

    /// The 0-based line and UTF-16 column of the first occurrence of `needle` in `text`, plus `offset`.
    static func position(of needle: String, in text: String, offset: Int = 0) -> (line: Int, character: Int) {
        let range = text.range(of: needle)!
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].utf16.count + offset)
    }

    static func diagnostics(_ replies: [[String: Any]], for path: String) -> [[String: Any]] {
        let uri = URL(fileURLWithPath: path).absoluteString
        return replies.compactMap { $0["params"] as? [String: Any] }.filter { $0["uri"] as? String == uri }
            .flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
    }

    @Test("initialize announces full sync and every feature; shutdown then exit ends with status 0")
    func lifecycle() throws {
        let capabilities =
            try #require(send("initialize", ["capabilities": [:] as [String: Any]]).first?["result"] as? [String: Any])[
                "capabilities"] as? [String: Any]
        #expect((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 1)
        #expect(capabilities?["hoverProvider"] as? Bool == true)
        #expect(send("shutdown", [:]).count == 1)
        #expect(send("exit", [:], request: false).isEmpty)
        #expect(server.exitStatus == 0)
    }

    @Test("an unknown field typed in a rule is the compiler's error at its position; fixing it clears the file")
    func diagnostics() throws {
        let original = Self.text(Self.rulesFile)
        let broken = original.replacingOccurrences(
            of: "require: present(cost_benefit_ref)", with: "require: present(cost_benefit_reff)")
        let replies = open(Self.rulesFile, text: broken)
        let found = Self.diagnostics(replies, for: Self.rulesFile)
        let error = try #require(found.first { ($0["message"] as? String)?.contains("cost_benefit_reff") == true })
        let expected = Self.position(of: "cost_benefit_reff", in: broken)
        let start = (error["range"] as? [String: Any])?["start"] as? [String: Any]
        #expect(start?["line"] as? Int == expected.line)
        #expect(start?["character"] as? Int == expected.character)
        #expect(error["severity"] as? Int == 1)
        let fixed = send(
            "textDocument/didChange",
            [
                "textDocument": ["uri": URL(fileURLWithPath: Self.rulesFile).absoluteString, "version": 2],
                "contentChanges": [["text": original]],
            ], request: false)
        #expect(Self.diagnostics(fixed, for: Self.rulesFile).filter { $0["severity"] as? Int == 1 }.isEmpty)
        #expect(!fixed.isEmpty)
    }

    @Test("of two changes to a document that arrive together only the last is checked")
    func supersededChanges() throws {
        let original = Self.text(Self.rulesFile)
        _ = open(Self.rulesFile, text: original)
        let uri = URL(fileURLWithPath: Self.rulesFile).absoluteString
        let changes = [original.replacingOccurrences(of: "cost_benefit_ref)", with: "cost_benefit_reff)"), original]
            .enumerated().map { version, text in
                try! JSONSerialization.data(
                    withJSONObject: [
                        "jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": [
                            "textDocument": ["uri": uri, "version": version + 2], "contentChanges": [["text": text]],
                        ],
                    ] as [String: Any])
            }
        let replies = server.handle(batch: changes).compactMap {
            try? JSONSerialization.jsonObject(with: $0) as? [String: Any]
        }
        let published = replies.compactMap { $0["params"] as? [String: Any] }.filter { $0["uri"] as? String == uri }
        #expect(published.count == 1)
        #expect(
            (published.first?["diagnostics"] as? [[String: Any]])?.contains { $0["severity"] as? Int == 1 } == false)
    }

    @Test("a YAML syntax error in an inventory is reported on its line")
    func inventoryDiagnostics() throws {
        let path = NSTemporaryDirectory() + "inventaris-lsp-test.yaml"
        let replies = open(path, text: "spbe_inventory: 1\nopd: {name: [\n")
        let found = Self.diagnostics(replies, for: path)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0["source"] as? String == "spbe" })
    }

    @Test(
        "a fixture expecting an unknown rule gets the failing expectation at its line; a waiver of an unknown rule is an error"
    )
    func fixtureAndWaiverDiagnostics() throws {
        let fixture = Self.rules + "/spbe-2020/tests/aplikasi.yaml"
        let text = Self.text(fixture)
        let at = Self.position(of: "APP-KHUSUS-ARSITEKTUR", in: text)
        let broken = text.replacingOccurrences(of: "APP-KHUSUS-ARSITEKTUR", with: "APP-KHUSUS-ARSITEKTURX")
        let found = Self.diagnostics(open(fixture, text: broken), for: fixture)
        let failure = try #require(
            found.first { ($0["message"] as? String)?.contains("APP-KHUSUS-ARSITEKTURX") == true })
        #expect(failure["code"] as? String == "test.failed")
        #expect(((failure["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == at.line)
        let waivers = NSTemporaryDirectory() + "waivers-lsp-test.yaml"
        let waived = Self.diagnostics(
            open(
                waivers,
                text: """
                    spbe_waivers: 1
                    waivers:
                      - {rule: NO-SUCH-RULE, subject: APP-01, reason: uji, approved_by: Kepala Dinas, until: 2027-01-01}

                    """), for: waivers)
        #expect(
            waived.contains {
                $0["severity"] as? Int == 1 && ($0["message"] as? String)?.contains("NO-SUCH-RULE") == true
            })
    }

    @Test(
        "completion offers fields and functions in an expression, rule ids in passes(), indicator ids and bundled packs"
    )
    func completion() throws {
        let text = Self.text(Self.rulesFile) + "\n  - id: X\n    require: passes(\n    indicator: \n"
        _ = open(Self.rulesFile, text: text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func labels(_ line: Int, _ character: Int, in path: String = LanguageServerTests.rulesFile) -> Set<String> {
            let result = request("textDocument/completion", path, line: line, character: character) as? [String: Any]
            return Set((result?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String })
        }
        let require = Self.position(of: "require: present(cost_benefit_ref)", in: text, offset: 9)
        let inExpression = labels(require.line, require.character)
        #expect(inExpression.isSuperset(of: ["cost_benefit_ref", "present", "days_since", "\"khusus\""]))
        let inPasses = labels(lines.count - 3, lines[lines.count - 3].utf16.count)
        #expect(inPasses.contains("APP-KHUSUS-ARSITEKTUR") && !inPasses.contains("present"))
        #expect(labels(lines.count - 2, lines[lines.count - 2].utf16.count).contains("I15"))
        _ = open(Self.packFile, text: Self.text(Self.packFile))
        let extends = Self.position(of: "extends: [", in: Self.text(Self.packFile), offset: 10)
        #expect(labels(extends.line, extends.character, in: Self.packFile).isSuperset(of: ["inventory", "spbe-2018"]))
    }

    @Test("hover shows a function's signature, an indicator's weight and levels, a field's type and description")
    func hover() throws {
        let text = Self.text(Self.rulesFile)
        _ = open(Self.rulesFile, text: text)
        func markdown(_ needle: String) -> String? {
            let at = Self.position(of: needle, in: text, offset: 1)
            return
                ((request("textDocument/hover", Self.rulesFile, line: at.line, character: at.character)
                as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        }
        #expect(markdown("present(cost") == "`present(any) -> bool`")
        let indicator = try #require(markdown("I15"))
        #expect(indicator.contains("**I15**") && indicator.contains("weight") && indicator.contains("level 1"))
        #expect(markdown("cost_benefit_ref")?.contains("applications.cost_benefit_ref") == true)
    }

    @Test("definition goes to an indicator's entry, a rule named in passes(), and a base pack named by extends")
    func definition() throws {
        let text = Self.text(Self.rulesFile) + "\n  - id: X\n    require: passes(APP-KHUSUS-ARSITEKTUR)\n"
        _ = open(Self.rulesFile, text: text)
        let indicatorAt = Self.position(of: "indicator: I15", in: text, offset: 12)
        let indicator = try #require(
            request("textDocument/definition", Self.rulesFile, line: indicatorAt.line, character: indicatorAt.character)
                as? [String: Any])
        #expect((indicator["uri"] as? String)?.hasSuffix("spbe-2020/indicators-d2-tata-kelola.yaml") == true)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let rule = try #require(
            request("textDocument/definition", Self.rulesFile, line: lines.count - 2, character: 25) as? [String: Any])
        #expect((rule["uri"] as? String)?.hasSuffix("spbe-2020/rules-aplikasi.yaml") == true)
        let ruleLine = ((rule["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int
        #expect(ruleLine == Self.position(of: "- id: APP-KHUSUS-ARSITEKTUR", in: text).line)
        let packText = Self.text(Self.packFile)
        _ = open(Self.packFile, text: packText)
        let extendsAt = Self.position(of: "../inventory", in: packText, offset: 5)
        let base = try #require(
            request("textDocument/definition", Self.packFile, line: extendsAt.line, character: extendsAt.character)
                as? [String: Any])
        #expect((base["uri"] as? String)?.hasSuffix("rules/inventory/pack.yaml") == true)
    }

    @Test("document symbols list the sections and each rule by id")
    func symbols() throws {
        let text = Self.text(Self.rulesFile)
        _ = open(Self.rulesFile, text: text)
        let result = send(
            "textDocument/documentSymbol",
            ["textDocument": ["uri": URL(fileURLWithPath: Self.rulesFile).absoluteString]]
        ).first?["result"]
        let sections = try #require(result as? [[String: Any]])
        #expect(sections.map { $0["name"] as? String } == ["rules"])
        let rules = (sections[0]["children"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(rules.first == "APP-SEJENIS-APLIKASI-UMUM" && rules.contains("APP-KHUSUS-ARSITEKTUR"))
    }
}
