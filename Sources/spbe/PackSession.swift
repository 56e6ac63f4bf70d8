import ArgumentParser
import DataModel
import Diagnostics
import Engine
import Foundation
import Packs

/// Loads and compiles the pack a command was given (or the bundled one), printing its diagnostics.
enum PackSession {
    /// The compiled pack; throws exit code 2 after printing errors when it does not compile.
    static func compiledPack(
        _ options: PackOptions, limits: LimitOptions, printer: inout DiagnosticPrinter
    ) throws -> CompiledPack {
        guard let path = options.pack ?? PackLocator.bundledPackPath() else {
            Terminal.printError("error: the bundled SPBE pack (rules/spbe-2020) was not found; pass a pack with --pack DIR\n")
            throw ExitStatus.inputError
        }
        let loaded = PackLoader.load(path: path, limits: limits.yaml)
        printer.remember(loaded.sources)
        let shown = { (diagnostics: [Diagnostic]) in diagnostics.filter { $0.severity == .error } }
        guard let pack = loaded.pack else {
            printer.print(shown(loaded.diagnostics))
            throw ExitStatus.inputError
        }
        let compiled = PackCompiler.compile(pack, budget: limits.budget)
        printer.print(shown(loaded.diagnostics + compiled.diagnostics))
        guard let result = compiled.pack else { throw ExitStatus.inputError }
        return result
    }

    /// The inventory schema of the pack a command was given, loaded without compiling its rules (for commands
    /// that only read or write inventories); throws exit code 2 after printing errors when it does not load.
    static func schema(_ options: PackOptions, limits: LimitOptions, printer: inout DiagnosticPrinter) throws -> InventorySchema {
        guard let path = options.pack ?? PackLocator.bundledPackPath() else {
            Terminal.printError("error: the bundled SPBE pack (rules/spbe-2020) was not found; pass a pack with --pack DIR\n")
            throw ExitStatus.inputError
        }
        let loaded = PackLoader.load(path: path, limits: limits.yaml)
        printer.remember(loaded.sources)
        printer.print(loaded.diagnostics.filter { $0.severity == .error })
        guard let pack = loaded.pack else { throw ExitStatus.inputError }
        return pack.schema
    }
}
