import ArgumentParser

/// `spbe pack`: tools for the people who write rule packs.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Tools for rule pack authors.",
        subcommands: [PackLintCommand.self, PackTestCommand.self, PackDocCommand.self, PackFmtCommand.self]
    )
}
