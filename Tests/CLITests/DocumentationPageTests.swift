import Foundation
import Testing

/// Runs every example of the README and of the pages under `docs/` with the built `spbe`, so no page shows a
/// command or a file that does not work. How a fenced block is run depends on its language and its first key:
///
/// - `sh`: each line is a command, run by `/bin/sh` in a sandbox folder holding `examples/` and `rules/` (links to
///   the repository's) and `my-opd.yaml` (a copy of `examples/dinkes-sleman.yaml`, for the commands that name an
///   inventory of the reader's own), with the built `spbe` first on the `PATH`. It must exit 0 or 1 (findings),
///   never 2 or 64, unless its comment names the statuses it may exit with (`# … exit 0 or 2`). `swift run spbe ARGS` runs as `spbe ARGS`; other `swift` lines build or test the project itself
///   and are not run.
/// - `yaml` starting with `spbe_inventory:`: validated with `spbe inventory validate`.
/// - `yaml` starting with `spbe_pack:`: linted as a pack of its own, in `examples/packs/doc/` of the sandbox.
/// - `yaml` starting with `rules:`: an excerpt of a pack, linted as the rules of a pack that extends
///   `rules/spbe-2020`, with `-DOC` added to each rule's id so it does not clash with the base's.
/// - `yaml` starting with `spbe_pack_test:`: run by `spbe pack test` as the fixture of a pack extending
///   `rules/spbe-2020`.
/// - `yaml` starting with `spbe_waivers:`: linted with `spbe pack lint rules/spbe-2020 --waivers`.
/// - `yaml` of `require:` and `where:` lines: in the README, each expression is linted as a whole-OPD rule of a
///   pack extending `rules/spbe-2020`; in docs/expression-language.md, each `require:` must be one of the examples
///   that `DocumentationExampleTests` compiles and runs against its own schema.
/// - A block without a language, or in `text`, is output, a diagram or a synopsis, not an example.
///
/// A block that cannot run says so on the line before its fence: `<!-- doc-test: not-run: REASON -->`.
@Suite("Documentation pages", .serialized)
struct DocumentationPageTests {
    /// One fenced block of a page.
    struct Example: CustomTestStringConvertible, Sendable {
        let page: String
        let line: Int
        let language: String
        let text: String
        let notRun: Bool

        var testDescription: String { "\(page):\(line)" }
    }

    static let root = SPBEProcess.packageRoot

    /// The README and every Markdown page under docs/.
    static func pages() -> [String] {
        var pages = ["README.md"]
        let docs = root.appendingPathComponent("docs")
        if let walker = FileManager.default.enumerator(atPath: docs.path) {
            for case let path as String in walker where path.hasSuffix(".md") { pages.append("docs/" + path) }
        }
        return pages.sorted()
    }

    static func examples() -> [Example] {
        pages().flatMap { page -> [Example] in
            guard let text = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) else {
                return []
            }
            let lines = text.components(separatedBy: "\n")
            var examples: [Example] = []
            var index = 0
            while index < lines.count {
                let line = lines[index]
                guard line.hasPrefix("```") else {
                    index += 1
                    continue
                }
                let language = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                let marker = index > 0 && lines[index - 1].hasPrefix("<!-- doc-test: not-run: ")
                var end = index + 1
                while end < lines.count && !lines[end].hasPrefix("```") { end += 1 }
                if !language.isEmpty && language != "text" {
                    examples.append(
                        Example(
                            page: page, line: index + 1, language: language,
                            text: lines[(index + 1)..<min(end, lines.count)].joined(separator: "\n") + "\n",
                            notRun: marker
                        ))
                }
                index = end + 1
            }
            return examples
        }
    }

    @Test("the pages have examples to run")
    func pagesHaveExamples() {
        let examples = Self.examples()
        #expect(examples.count >= 20, "\(examples.count)")
        #expect(Set(examples.map(\.page)).count >= 7)
    }

    @Test("every example of the documentation runs", arguments: examples())
    func example(_ example: Example) throws {
        if example.notRun { return }
        let sandbox = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        switch example.language {
        case "sh": try runCommands(example, in: sandbox)
        case "yaml": try runYAML(example, in: sandbox)
        default:
            Issue.record("\(example.testDescription): no way to run a '\(example.language)' block; mark it not-run")
        }
    }

    /// A fresh folder holding the repository's examples and packs, and a stand-in for the reader's inventory.
    static func sandbox() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-docs-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("examples/packs"), withIntermediateDirectories: true)
        for entry in try manager.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
        where entry != "packs" {
            try manager.createSymbolicLink(
                at: folder.appendingPathComponent("examples/" + entry),
                withDestinationURL: root.appendingPathComponent("examples/" + entry)
            )
        }
        for entry in try manager.contentsOfDirectory(atPath: root.appendingPathComponent("examples/packs").path) {
            try manager.createSymbolicLink(
                at: folder.appendingPathComponent("examples/packs/" + entry),
                withDestinationURL: root.appendingPathComponent("examples/packs/" + entry)
            )
        }
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent("rules"), withDestinationURL: root.appendingPathComponent("rules"))
        try manager.copyItem(
            at: root.appendingPathComponent("examples/dinkes-sleman.yaml"),
            to: folder.appendingPathComponent("my-opd.yaml"))
        return folder
    }

    private func runCommands(_ example: Example, in sandbox: URL) throws {
        for (offset, raw) in example.text.split(separator: "\n").enumerated() {
            var command = String(raw)
            var allowed: Set<Int32> = [0, 1]
            if let comment = command.range(of: " #") {
                let note = command[comment.upperBound...]
                if let statuses = note.range(of: #"exit [0-9]+( or [0-9]+)*"#, options: .regularExpression) {
                    allowed = Set(note[statuses].split(separator: " ").compactMap { Int32($0) })
                }
                command = String(command[..<comment.lowerBound])
            }
            command = command.trimmingCharacters(in: .whitespaces)
            if command.hasPrefix("swift run spbe ") { command = String(command.dropFirst("swift run ".count)) }
            if command.isEmpty || command.hasPrefix("swift ") { continue }
            let result = try SPBEProcess.run(shell: command, in: sandbox)
            #expect(
                allowed.contains(result.status),
                "\(example.page):\(example.line + offset + 1): '\(command)' exited \(result.status)\n\(result.stderr)"
            )
        }
    }

    private func runYAML(_ example: Example, in sandbox: URL) throws {
        let text = example.text
        let place = "\(example.page):\(example.line)"
        let extendsBase =
            "spbe_pack: 1\nextends: [\(Self.root.path)/rules/spbe-2020]\n"
            + "pack: {id: doc-example, title: Contoh, version: 0.1.0, framework: PermenPANRB 59/2020}\n"
        func lint(_ pack: String, _ extra: [String] = []) throws {
            let folder = sandbox.appendingPathComponent("examples/packs/doc")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(pack.utf8).write(to: folder.appendingPathComponent("pack.yaml"))
            let result = try SPBEProcess.run(
                shell: "spbe pack lint examples/packs/doc " + extra.joined(separator: " "), in: sandbox)
            #expect(result.status == 0, "\(place): pack lint exited \(result.status)\n\(result.stderr)\(result.stdout)")
        }
        if text.hasPrefix("spbe_inventory:") {
            try Data(text.utf8).write(to: sandbox.appendingPathComponent("contoh.yaml"))
            let result = try SPBEProcess.run(shell: "spbe inventory validate contoh.yaml", in: sandbox)
            #expect(result.status == 0, "\(place): \(result.stderr)")
        } else if text.hasPrefix("spbe_pack:") {
            try lint(text)
        } else if text.hasPrefix("rules:") {
            let renamed = text.replacingOccurrences(
                of: #"(?m)^(  - id: [A-Z0-9-]+)"#, with: "$1-DOC", options: .regularExpression
            )
            try lint(extendsBase + renamed)
        } else if text.hasPrefix("spbe_pack_test:") {
            let folder = sandbox.appendingPathComponent("examples/packs/doc")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
            try Data(extendsBase.utf8).write(to: folder.appendingPathComponent("pack.yaml"))
            try Data(text.utf8).write(to: folder.appendingPathComponent("tests/contoh.yaml"))
            let result = try SPBEProcess.run(shell: "spbe pack test examples/packs/doc", in: sandbox)
            #expect(result.status == 0, "\(place): pack test exited \(result.status)\n\(result.stderr)\(result.stdout)")
        } else if text.hasPrefix("spbe_waivers:") {
            try Data(text.utf8).write(to: sandbox.appendingPathComponent("waivers.yaml"))
            let result = try SPBEProcess.run(
                shell: "spbe pack lint rules/spbe-2020 --waivers waivers.yaml", in: sandbox)
            #expect(result.status == 0, "\(place): \(result.stderr)")
        } else if text.hasPrefix("require:") || text.hasPrefix("where:") {
            let expressions = Self.expressions(text)
            if example.page == "docs/expression-language.md" {
                let tested = try Self.expressionsRunByExampleTests()
                for (key, expression) in expressions where key == "require" {
                    #expect(
                        tested.contains(expression), "\(place): '\(expression)' is not run by DocumentationExampleTests"
                    )
                }
            } else {
                let rules = expressions.enumerated().map { offset, entry in
                    "  - {id: DOC-EXPR-\(offset), title: Contoh, indicator: I01, severity: low, recommendation: Contoh,"
                        + " references: [Contoh], \(entry.0): \(Self.quoted(entry.1))}\n"
                }
                try lint(extendsBase + "rules:\n" + rules.joined())
            }
        } else {
            Issue.record("\(place): a yaml block of an unknown kind; mark it not-run or teach this test to run it")
        }
    }

    /// The `require:` and `where:` expressions of a block, each with its spaces collapsed.
    static func expressions(_ text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        for line in text.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "),
                case let key = String(line[..<colon]), key == "require" || key == "where"
            {
                let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                result.append((key, rest == "|" ? "" : rest))
            } else if !result.isEmpty {
                result[result.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        return result.map { ($0.0, collapsed($0.1)) }
    }

    /// The expressions `DocumentationExampleTests` compiles and runs, read from its source.
    static func expressionsRunByExampleTests() throws -> Set<String> {
        let source = try String(
            contentsOf: root.appendingPathComponent("Tests/ExpressionsTests/DocumentationExampleTests.swift"),
            encoding: .utf8
        )
        var found: Set<String> = []
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        let range = NSRange(source.startIndex..., in: source)
        for match in literal.matches(in: source, range: range) {
            guard let text = Range(match.range(at: 1), in: source) else { continue }
            let unescaped = source[text].replacingOccurrences(of: "\\n", with: "\n")
                .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            found.insert(collapsed(unescaped))
        }
        return found
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
