import Diagnostics
import Foundation

/// A language server for rule packs, fixtures, waiver files and inventories: JSON-RPC over a byte stream,
/// full-text document sync, diagnostics, completion, hover, definition and document symbols.
///
/// Requests are answered one at a time in arrival order; `handle(_:)` takes one decoded message and returns
/// the messages to send (a response and any notifications), so it is testable without streams.
public final class LanguageServer {
    /// Open documents by file path.
    private var documents: [String: String] = [:]
    private let analyzer: Analyzer
    private let bundled: [String: String]
    private var shutdownRequested = false
    /// Set by `exit`: the status the process should end with (0 after `shutdown`, 1 otherwise).
    public private(set) var exitStatus: Int32?

    /// Creates a server; `rulesFolder` holds the bundled packs (`rules/`), whose `spbe-2020` is the pack
    /// inventories and stray waiver files are checked against.
    public init(rulesFolder: String?) {
        let bundled = PackVocabulary.bundledPacks(in: rulesFolder)
        self.bundled = bundled
        analyzer = Analyzer(defaultPack: bundled["spbe-2020"])
    }

    /// Reads framed messages from `input` and writes the answers to `output` until `exit` or end of input;
    /// returns the exit status.
    public func serve(input: FileHandle, output: FileHandle) -> Int32 {
        var reader = MessageFraming.Reader()
        while exitStatus == nil {
            let chunk = input.availableData
            if chunk.isEmpty { return 1 }
            reader.append(chunk)
            do {
                var bodies: [Data] = []
                while let body = try reader.next() { bodies.append(body) }
                for reply in handle(batch: bodies) { output.write(MessageFraming.frame(reply)) }
            } catch {
                FileHandle.standardError.write(Data("spbe lsp: \(error.description)\n".utf8))
                return 1
            }
        }
        return exitStatus ?? 1
    }

    /// Handles the messages that arrived together, in order; returns the bodies to send back. A change to a
    /// document that a later change in the same batch replaces is applied without checking it: an editor sending
    /// the whole text on every keystroke gets diagnostics for the text it has now, not for each keystroke.
    public func handle(batch bodies: [Data]) -> [Data] {
        let changed = bodies.map(Self.changedDocument)
        var replies: [Data] = []
        for (index, body) in bodies.enumerated() where exitStatus == nil {
            let superseded = changed[index].map { uri in changed[(index + 1)...].contains { $0 == uri } } ?? false
            replies += handle(body, analyze: !superseded)
        }
        return replies
    }

    /// The URI of a `textDocument/didChange` notification, nil for any other message.
    private static func changedDocument(_ body: Data) -> String? {
        guard let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            message["method"] as? String == "textDocument/didChange"
        else { return nil }
        return ((message["params"] as? [String: Any])?["textDocument"] as? [String: Any])?["uri"] as? String
    }

    /// Handles one message body; returns the bodies to send back. With `analyze` false a document change is
    /// recorded without being checked.
    public func handle(_ body: Data, analyze: Bool = true) -> [Data] {
        guard let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let method = message["method"] as? String
        else {
            return [
                Self.encode(["jsonrpc": "2.0", "id": NSNull(), "error": ["code": -32700, "message": "parse error"]])
            ]
        }
        let id = message["id"]
        let params = message["params"] as? [String: Any] ?? [:]
        var notifications: [Data] = []
        let result: Any?
        switch method {
        case "initialize": result = Self.capabilities
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration": result = nil
        case "shutdown":
            shutdownRequested = true
            result = NSNull()
        case "exit":
            exitStatus = shutdownRequested ? 0 : 1
            return []
        case "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose":
            notifications = documentChanged(method, params, analyze: analyze)
            result = nil
        case "textDocument/completion": result = completion(params)
        case "textDocument/hover": result = hover(params)
        case "textDocument/definition": result = definition(params)
        case "textDocument/documentSymbol": result = symbols(params)
        default:
            guard let id else { return [] }
            return [
                Self.encode([
                    "jsonrpc": "2.0", "id": id, "error": ["code": -32601, "message": "method not found: \(method)"],
                ])
            ]
        }
        guard let id else { return notifications }
        return [Self.encode(["jsonrpc": "2.0", "id": id, "result": result ?? NSNull()])] + notifications
    }

    /// What the server offers: full sync, completion (triggered by `(` and space too), hover, definition, symbols.
    static var capabilities: [String: Any] {
        [
            "capabilities": [
                "textDocumentSync": ["openClose": true, "change": 1, "save": true],
                "completionProvider": ["triggerCharacters": ["(", " ", "."]],
                "hoverProvider": true,
                "definitionProvider": true,
                "documentSymbolProvider": true,
            ],
            "serverInfo": ["name": "spbe", "version": "0.1.0"],
        ]
    }

    private func documentChanged(_ method: String, _ params: [String: Any], analyze: Bool) -> [Data] {
        guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
            let path = Self.path(of: uri)
        else {
            return []
        }
        switch method {
        case "textDocument/didOpen": documents[path] = document["text"] as? String ?? ""
        case "textDocument/didChange":
            // Full sync: the last change holds the whole text.
            if let text = (params["contentChanges"] as? [[String: Any]])?.last?["text"] as? String {
                documents[path] = text
            }
        case "textDocument/didClose":
            documents[path] = nil
            return [publish(path: path, [])]
        default: break
        }
        guard analyze else { return [] }
        // The edited document's diagnostics first, then the other files of its pack in name order.
        let byFile = analyzer.diagnostics(for: path, open: documents)
        let order = [path] + byFile.keys.filter { $0 != path }.sorted()
        return order.map { publish(path: $0, byFile[$0] ?? []) }
    }

    private func publish(path: String, _ diagnostics: [Diagnostic]) -> Data {
        let text = documents[path] ?? (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = LineIndex(text)
        let items = Diagnostic.sortedForDisplay(diagnostics).map { Self.lspDiagnostic($0, lines: lines) }
        return Self.encode([
            "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": ["uri": URL(fileURLWithPath: path).absoluteString, "diagnostics": items],
        ])
    }

    /// An LSP diagnostic: the word at the position as its range, the suggestion and notes after the message.
    static func lspDiagnostic(_ diagnostic: Diagnostic, lines: LineIndex) -> [String: Any] {
        let range =
            diagnostic.location.map { lines.range(of: $0) }
            ?? LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0))
        var message = diagnostic.message
        if let suggestion = diagnostic.suggestion { message += "; \(suggestion)" }
        for note in diagnostic.notes { message += "\n\(note)" }
        let severity =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            default: 3
            }
        return [
            "range": range.json, "severity": severity, "code": diagnostic.code, "source": "spbe", "message": message,
        ]
    }

    private func context(_ params: [String: Any]) -> (
        path: String, lines: LineIndex, position: LSPPosition, kind: DocumentKind, vocabulary: PackVocabulary
    )? {
        guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
            let path = Self.path(of: uri),
            let text = documents[path] ?? (try? String(contentsOfFile: path, encoding: .utf8))
        else { return nil }
        // documentSymbol has no position.
        let position = LSPPosition(json: params["position"]) ?? LSPPosition(line: 0, character: 0)
        let kind = DocumentKind.of(path: path, text: text)
        let pack: String? =
            switch kind {
            case .pack(let pack), .fixture(let pack): pack
            case .waivers(let pack): pack ?? analyzer.defaultPack
            case .inventory, .other: analyzer.defaultPack
            }
        let snapshot = pack.flatMap { analyzer.pack(at: $0, open: documents) }
        return (path, LineIndex(text), position, kind, PackVocabulary(snapshot: snapshot, bundled: bundled))
    }

    private func completion(_ params: [String: Any]) -> Any? {
        guard let context = context(params) else { return [] as [Any] }
        let items = CompletionProvider(vocabulary: context.vocabulary, lines: context.lines, kind: context.kind)
            .complete(at: context.position)
        return ["isIncomplete": false, "items": items.map(\.json)]
    }

    private func hover(_ params: [String: Any]) -> Any? {
        guard let context = context(params),
            let hover = NavigationProvider(vocabulary: context.vocabulary, lines: context.lines, path: context.path)
                .hover(at: context.position)
        else { return nil }
        return ["contents": ["kind": "markdown", "value": hover.markdown], "range": hover.range.json]
    }

    private func definition(_ params: [String: Any]) -> Any? {
        guard let context = context(params),
            let target = NavigationProvider(vocabulary: context.vocabulary, lines: context.lines, path: context.path)
                .definition(at: context.position)
        else { return nil }
        let text = documents[target.file] ?? (try? String(contentsOfFile: target.file, encoding: .utf8)) ?? ""
        let start = LineIndex(text).position(line: target.line, column: target.column)
        return [
            "uri": URL(fileURLWithPath: target.file).absoluteString, "range": LSPRange(start: start, end: start).json,
        ]
    }

    private func symbols(_ params: [String: Any]) -> Any? {
        guard let context = context(params) else { return [] as [Any] }
        return NavigationProvider(vocabulary: context.vocabulary, lines: context.lines, path: context.path).symbols(
            text: context.lines.lines.joined(separator: "\n"))
    }

    /// The file path of a `file:` URI, nil for other schemes.
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return PathNames.normalized(url.path)
    }

    static func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
