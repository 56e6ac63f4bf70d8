import ArgumentParser
import Foundation

/// `spbe serve`: hands over to the portal's own executable, `spbe-serve`, installed beside `spbe`; the CLI never
/// builds the server's dependencies.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the regency portal (the spbe-serve executable beside spbe).",
        discussion: """
            Every argument goes to spbe-serve: spbe serve --data DIR [--port N] [--host H] [--demo], \
            spbe serve create-admin --data DIR --username NAME, spbe serve backup --data DIR DEST. \
            Build it with: swift build --product spbe-serve (see docs/portal.md).
            """
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The arguments of spbe-serve.", valueName: "argument"))
    var arguments: [String] = []

    func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let server = executable.deletingLastPathComponent().appendingPathComponent("spbe-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Terminal.printError(
                """
                error: the portal is not installed: \(server) is missing.
                Build it beside spbe with: swift build --product spbe-serve (or swift build -c release --product spbe-serve),
                then run spbe serve again. See docs/portal.md.

                """)
            throw ExitCode.validationFailure
        }
        let argv = [server] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        Terminal.printError("error: cannot start \(server): \(String(cString: strerror(errno)))\n")
        throw ExitStatus.inputError
    }
}
