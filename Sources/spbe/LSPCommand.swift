import ArgumentParser
import Foundation
import PackLanguageServer

/// `spbe lsp`: the language server for pack authors, over standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract:
            "Run the language server for rule packs, fixtures, waiver files and inventories (LSP over stdin/stdout).",
        discussion: """
            Started by an editor, not by hand: diagnostics as you type (those of pack lint, pack test and \
            inventory validate), completion, hover, go to definition and document symbols. See \
            docs/language-server.md for VS Code, Neovim and Helix.

            Exit codes: 0 after the client's shutdown and exit, 1 when the input ends or breaks first.
            """
    )

    func run() throws {
        let rules = PackLocator.bundledPackPath().map { ($0 as NSString).deletingLastPathComponent }
        let status = LanguageServer(rulesFolder: rules).serve(input: .standardInput, output: .standardOutput)
        if status != 0 { throw ExitCode(status) }
    }
}
