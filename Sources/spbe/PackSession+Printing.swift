import CheckRun
import DataModel
import Engine

extension PackSession {
    /// The compiled pack a command was given (or the bundled one); throws exit code 2 after printing its errors
    /// when it does not compile.
    static func compiledPack(_ options: PackOptions, limits: LimitOptions, printer: inout DiagnosticPrinter) throws
        -> CompiledPack
    {
        let session = compile(path: try path(options), limits: limits.yaml, budget: limits.budget)
        printer.print(session.diagnostics, sources: session.sources)
        guard let pack = session.pack else { throw ExitStatus.inputError }
        return pack
    }

    /// The inventory schema of the pack a command was given, loaded without compiling its rules (for commands
    /// that only read or write inventories); throws exit code 2 after printing errors when it does not load.
    static func schema(_ options: PackOptions, limits: LimitOptions, printer: inout DiagnosticPrinter) throws
        -> InventorySchema
    {
        let session = schema(path: try path(options), limits: limits.yaml)
        printer.print(session.diagnostics, sources: session.sources)
        guard let schema = session.schema else { throw ExitStatus.inputError }
        return schema
    }

    /// The pack folder or file given, else the bundled pack; exit code 2 when neither is there.
    private static func path(_ options: PackOptions) throws -> String {
        guard let path = options.pack ?? PackLocator.bundledPackPath() else {
            Terminal.printError(
                "error: the bundled SPBE pack (rules/spbe-2020) was not found; pass a pack with --pack DIR\n")
            throw ExitStatus.inputError
        }
        return path
    }
}
