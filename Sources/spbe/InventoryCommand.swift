import ArgumentParser

/// `spbe inventory`: tools for inventory files in every format (YAML, JSON, CSV folders, XLSX workbooks).
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Spreadsheet templates, conversion between formats, and schema validation of inventories.",
        subcommands: [InventoryTemplateCommand.self, InventoryConvertCommand.self, InventoryValidateCommand.self]
    )
}
