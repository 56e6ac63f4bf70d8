import ArgumentParser
import Diagnostics
import Foundation
import PackFormatting

/// `spbe pack fmt [--check] PATH…`: puts pack files in the canonical layout, like `opa fmt`.
struct PackFmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Put pack files in the canonical layout (key order of rules and indicators, no trailing spaces).",
        discussion: """
            Each PATH is a pack file or a pack folder (its *.yaml files; fixtures in tests/ are not touched). \
            Comments and values are kept: the text is edited in place, and a file whose data would change in any \
            way is left as it is. Files are rewritten atomically.

            Exit codes: 0 formatted (or, with --check, nothing to change), 1 with --check when a file would \
            change (each is listed), 2 a file that cannot be read or is not valid YAML, 64 a usage error.
            """
    )

    @Argument(help: ArgumentHelp("Pack files or folders.", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .long, help: "Change nothing; list the files that would change and exit 1 if there are any.")
    var check = false

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("Give at least one pack file or folder, for example: spbe pack fmt rules/spbe-2020")
        }
    }

    func run() throws {
        let printer = DiagnosticPrinter(colors: false)
        var failed = false
        var changed = false
        for file in try files() {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
            else {
                Terminal.printError("error: cannot read '\(file)' as UTF-8 text\n")
                failed = true
                continue
            }
            switch PackFormatter.format(text, path: file) {
            case .invalid(let diagnostic):
                printer.print([diagnostic], sources: [file: text])
                failed = true
            case .formatted(let formatted) where formatted != text:
                changed = true
                if check {
                    Terminal.printOutput("\(file)\n")
                } else {
                    try Data(formatted.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                }
            case .formatted:
                continue
            }
        }
        if failed { throw ExitStatus.inputError }
        if check && changed { throw ExitStatus.findings }
    }

    /// The pack files named: files as given, folders' `*.yaml`/`*.yml` in name order.
    private func files() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                Terminal.printError("error: no pack file or folder at '\(path)'\n")
                throw ExitStatus.inputError
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
                (path as NSString).appendingPathComponent($0)
            }
        }
        return files
    }
}
