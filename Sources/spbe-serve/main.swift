import ArgumentParser
import Foundation
import Hummingbird
import Portal
import PortalStore

/// `spbe-serve`: the regency portal, where OPDs upload their inventories and Diskominfo sees the whole pemda.
@main
struct SPBEServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spbe-serve",
        abstract: "Run the regency SPBE portal.",
        subcommands: [Serve.self, CreateAdmin.self, Backup.self, SeedLoad.self],
        defaultSubcommand: Serve.self
    )
}

/// The data folder option shared by every subcommand.
struct DataOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The data folder: the database, uploads and reports (created when missing).", valueName: "dir"))
    var data: String
}

/// Runs the portal.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the portal (the default subcommand).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. The portal speaks plain HTTP: on any other address, \
            put a TLS reverse proxy in front; its cookies are then marked Secure.
            """
    )

    @OptionGroup var data: DataOption

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Load examples/kabupaten-bantul as a demo pemda when the portal has no period yet.")
    var demo = false

    @Flag(
        name: .customLong("insecure-cookies"),
        help: "Do not mark cookies Secure on a non-loopback address (plain HTTP on a closed network only).")
    var insecureCookies = false

    @Option(
        name: .customLong("max-upload"),
        help: ArgumentHelp("Largest upload in bytes. Default: 16777216 (16 MiB).", valueName: "bytes"))
    var maxUpload = 16 * 1024 * 1024

    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp(
            "Requests a minute per account (anonymous callers: per address), in bursts of a fifth of it; 0 turns the limit off. Default: 600.",
            valueName: "n"))
    var rateLimit = 600

    @Option(
        name: .customLong("evaluations"),
        help: "Evaluations running at once: by default twice the cores (at most 16), as each also waits on disk syncs.")
    var evaluations = min(16, 2 * ProcessInfo.processInfo.activeProcessorCount)

    @Option(
        name: .customLong("queue"),
        help: "Uploads waiting for an evaluation before more are refused with 503. Default: 32.")
    var queue = 32

    @Option(
        name: .customLong("smtp-host"),
        help: ArgumentHelp(
            "The SMTP server notifications are e-mailed through (plain SMTP: a local relay).", valueName: "host"))
    var smtpHost: String?

    @Option(name: .customLong("smtp-port"), help: "The SMTP server's port. Default: 25.")
    var smtpPort = 25

    @Option(
        name: .customLong("smtp-from"),
        help: ArgumentHelp("The sender address of notification e-mails.", valueName: "address"))
    var smtpFrom: String?

    func validate() throws {
        if !(1...65_535).contains(port) { throw ValidationError("--port must be between 1 and 65535.") }
        if (smtpHost == nil) != (smtpFrom == nil) { throw ValidationError("--smtp-host and --smtp-from go together.") }
        if !(1...65_535).contains(smtpPort) { throw ValidationError("--smtp-port must be between 1 and 65535.") }
        if let smtpFrom, !PortalServices.isMailAddress(smtpFrom) {
            throw ValidationError("--smtp-from must be a plain address (name@domain).")
        }
        if maxUpload < 1 { throw ValidationError("--max-upload must be 1 or more.") }
        if rateLimit < 0 { throw ValidationError("--rate-limit must be 0 or more.") }
        if evaluations < 1 || queue < 0 { throw ValidationError("--evaluations must be 1 or more, --queue 0 or more.") }
    }

    func run() async throws {
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        var settings = PortalSettings(
            dataFolder: data.data, secureCookies: !loopback && !insecureCookies, maxUploadBytes: maxUpload,
            evaluationSlots: evaluations, evaluationQueue: queue)
        settings.requestsPerMinute = rateLimit
        settings.requestBurst = max(1, rateLimit / 5)
        if let smtpHost, let smtpFrom { settings.smtp = SMTPSettings(host: smtpHost, port: smtpPort, from: smtpFrom) }
        let services = try PortalServices(settings: settings)
        if demo {
            let folder = DemoFolder.locate()
            let today = ISO8601DateFormatter.string(
                from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            if let (username, password) = try await services.loadDemo(folder: folder, evaluationDate: today) {
                print("demo: loaded \(folder); admin '\(username)' with password \(password) (shown once)")
            }
        }
        if try !services.hasAdmin() {
            print(
                "No admin account yet. Create the first one with:\n  spbe-serve create-admin --data \(data.data) --username NAME"
            )
        }
        // The stage and commitment reminders: at start, then hourly; each goes out once, however often this runs.
        Task {
            while !Task.isCancelled {
                do {
                    _ = try services.sendReminders()
                } catch {
                    FileHandle.standardError.write(Data("reminders failed: \(error)\n".utf8))
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        print("spbe portal on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (data: \(data.data))")
        try await PortalApp.application(services, host: host, port: port).runService()
    }
}

/// Creates an admin account; the password is read from standard input.
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an admin account (the first one for a new portal).",
        discussion:
            "The password (at least 10 characters) is asked on the terminal, or read as the first line of standard input."
    )

    @OptionGroup var data: DataOption

    @Option(name: .long, help: "The user name: a-z, 0-9, '.', '-', '_'.")
    var username: String

    @Option(name: .customLong("display-name"), help: "The name shown in pages. Default: the user name.")
    var displayName: String?

    func run() async throws {
        let password: String
        if isatty(0) == 1, let typed = getpass("Password for \(username): ") {
            password = String(cString: typed)
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        if let problem = PortalServices.passwordProblem(password) { throw ValidationError("Refused: \(problem).") }
        let services = try PortalServices(settings: PortalSettings(dataFolder: data.data, secureCookies: true))
        do {
            _ = try services.createAccount(
                username: username, displayName: displayName ?? username, password: password, role: .admin, opdID: nil)
        } catch PortalStoreError.duplicate {
            throw ValidationError("The user name '\(username)' is taken.")
        }
        print("created admin '\(username)'")
    }
}

/// Copies the database (consistently, while the server runs) and the blobs to a new folder.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the portal's data to a new folder, while the portal runs."
    )

    @OptionGroup var data: DataOption

    @Argument(help: ArgumentHelp("The folder to write (must not exist).", valueName: "dir"))
    var destination: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw ValidationError("'\(destination)' exists; give a new folder.")
        }
        let store = try SQLitePortalStore(path: "\(data.data)/portal.sqlite")
        try FileManager.default.createDirectory(atPath: "\(destination)/blobs", withIntermediateDirectories: true)
        // The database first: every blob it names was written before the row naming it, so the copy's blobs are
        // complete when they are copied after it.
        try store.backup(to: "\(destination)/portal.sqlite")
        let blobs = try FileManager.default.contentsOfDirectory(atPath: "\(data.data)/blobs").filter(BlobStore.isHash)
        for blob in blobs {
            try FileManager.default.copyItem(
                atPath: "\(data.data)/blobs/\(blob)", toPath: "\(destination)/blobs/\(blob)")
        }
        print("backed up the database and \(blobs.count) files to \(destination)")
    }
}

/// Where the demo pemda's inventories are: `examples/kabupaten-bantul` of the checkout or installation.
enum DemoFolder {
    static func locate() -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["examples/kabupaten-bantul", "share/spbe/examples/kabupaten-bantul"] {
                let path = folder.appendingPathComponent(candidate).path
                if FileManager.default.fileExists(atPath: path) { return path }
            }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("examples/kabupaten-bantul").path
    }
}

/// Seeds a new data folder with the load test's pemda (scripts/portal-load.sh): OPDs with submissions in several
/// periods, an operator token per OPD and viewer tokens, printed one a line for the load generator.
struct SeedLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-load",
        abstract: "Seed an empty portal with a pemda for the load test and print its API tokens.",
        discussion: """
            Prints `period ID`, then `operator OPD_ID TOKEN` per OPD and `reader TOKEN` per viewer. The tokens act \
            as the accounts they belong to: use it on a test folder only.
            """
    )

    @OptionGroup var data: DataOption

    @Option(name: .long, help: "OPDs, the first being the pemda's own inventory.")
    var opds = 40

    @Option(name: .long, help: "Periods, each with a submission of every OPD.")
    var periods = 5

    @Option(name: .long, help: "Viewer accounts, each with its own token.")
    var readers = 200

    func validate() throws {
        if opds < 1 || periods < 1 || readers < 0 { throw ValidationError("--opds and --periods must be 1 or more.") }
    }

    func run() async throws {
        let services = try PortalServices(settings: PortalSettings(dataFolder: data.data, secureCookies: true))
        let seed = try await services.seedLoad(
            folder: DemoFolder.locate(), opds: opds, periods: periods, readers: readers)
        var lines = ["period \(seed.periodID)"]
        lines += seed.operators.map { "operator \($0.opdID) \($0.token)" }
        lines += seed.readers.map { "reader \($0)" }
        print(lines.joined(separator: "\n"))
    }
}
