import ArgumentParser
import CheckRun

/// The `spbe` command: checks OPD inventories against SPBE rule packs.
@main
struct SPBE: ParsableCommand {
    /// The tool's version, written into reports.
    static let version = CheckRun.toolVersion

    static let configuration = CommandConfiguration(
        commandName: "spbe",
        abstract: "Check OPD inventories against the SPBE framework before the auditors do.",
        discussion: """
            spbe compiles a rule pack (default: the bundled PermenPANRB 59/2020 pack) and checks inventories of \
            applications, documents and services, reporting gaps, estimated indicator levels and the index.

            Exit codes: 0 clean, 1 findings at or above --fail-on, 2 a pack or inventory error, 64 a usage error.
            """,
        version: version,
        subcommands: [
            CheckCommand.self, ScoreCommand.self, EvidenceCommand.self, InventoryCommand.self, PackCommand.self,
            SchemaCommand.self,
            InitCommand.self, ExplainCommand.self, LSPCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: nil
    )
}
