import Foundation
import Testing

/// Folders as they are found on real machines: thousands of files, files that change or vanish during the run,
/// unreadable files, pipes, odd names and line endings. Each gives a correct result or a clear error naming the
/// file; never a crash or a hang.
@Suite("hostile inventory folders", .serialized)
struct HostileFolderTests {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-hostile-folders-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let mini = ["--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--quiet", "--fail-on", "none"]

    static func folder(_ name: String, files: Int) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<files {
            let text =
                "spbe_inventory: 1\nopd: {id: \"OPD-\(index)\", name: Dinas \(index)}\napplications:\n  - {id: A, name: B, type: umum, hosting: pdn}\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "opd-%05d.yaml", index)))
        }
        return folder
    }

    private func inventories(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["inventories"] as? [[String: Any]] ?? []
    }

    @Test("a folder with thousands of files is checked whole, in path order")
    func thousandsOfFiles() throws {
        let folder = try Self.folder("thousands", files: 3_000)
        let result = try SPBEProcess.run(["check"] + Self.mini + ["--format", "json", folder.path], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let sources = try inventories(result.stdout).compactMap { $0["source"] as? String }
        #expect(sources.count == 3_000)
        #expect(sources == sources.sorted())
        let limited = try SPBEProcess.run(["check"] + Self.mini + ["--max-files", "100", folder.path], timeout: 120)
        #expect(limited.status == 2)
        #expect(
            limited.stderr.contains("error[input.too_many_files]: more than 100 inventory files; stopping here"),
            "\(limited.stderr)")
    }

    @Test("files that change or vanish while being read give errors naming them, never a crash")
    func changingFiles() throws {
        let folder = try Self.folder("changing", files: 1_500)
        let process = Process()
        process.executableURL = SPBEProcess.executable
        process.arguments = ["check"] + Self.mini + ["--jobs", "2", folder.path]
        process.currentDirectoryURL = SPBEProcess.packageRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // While it runs: delete every third file, truncate every third, rewrite every third as garbage.
        for index in stride(from: 1_499, through: 0, by: -1) {
            let file = folder.appendingPathComponent(String(format: "opd-%05d.yaml", index))
            switch index % 3 {
            case 0: try? FileManager.default.removeItem(at: file)
            case 1: try? FileHandle(forWritingTo: file).truncate(atOffset: 10)
            default: try? Data("opd: [unclosed\n\u{0}".utf8).write(to: file)
            }
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect([0, 2].contains(process.terminationStatus), "\(stderr)")
        #expect(!stderr.contains("Fatal error"))
        for line in stderr.split(separator: "\n") where line.contains("error[") {
            #expect(line.contains(folder.path), "an error that names no file: \(line)")
        }
    }

    @Test(
        "an unreadable file is an error naming it",
        .enabled(
            if: getuid() != 0,
            "the tests run as root, who can read a file whatever its permissions (CAP_DAC_OVERRIDE); the read-error path is covered by the /proc/self/mem test in InventoriesTests"
        )
    )
    func unreadable() throws {
        let folder = try Self.folder("unreadable", files: 2)
        let file = folder.appendingPathComponent("opd-00001.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        let result = try SPBEProcess.run(["check"] + Self.mini + [folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read '\(file.path)': permission denied"), "\(result.stderr)")
    }

    @Test("a pipe named like an inventory in a folder is passed over with an error, not read for ever")
    func pipeInFolder() throws {
        let folder = try Self.folder("pipe", files: 1)
        let pipe = folder.appendingPathComponent("opd-fifo.yaml")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let started = Date()
        let result = try SPBEProcess.run(["check"] + Self.mini + [folder.path], timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 2)
        #expect(result.stderr.contains("skipping '\(pipe.path)': not a regular file"), "\(result.stderr)")
    }

    @Test("a baseline that is a device is refused, not read for ever")
    func deviceBaseline() throws {
        let inventory = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml").path
        let result = try SPBEProcess.run(["check"] + Self.mini + ["--baseline", "/dev/zero", inventory], timeout: 20)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read the baseline '/dev/zero': not a regular file"), "\(result.stderr)")
    }

    @Test("paths with spaces and non-ASCII names are read and reported as they are")
    func oddNames() throws {
        let folder = Self.root.appendingPathComponent("Dinas Kesehatan ñ")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("inventaris 日本 é.yaml")
        try FileManager.default.copyItem(
            at: SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml"), to: good)
        let bad = folder.appendingPathComponent("rusak ü.yml")
        try Data("spbe_inventory: 1\nopd: {id: X, name: Y}\napplications:\n  - {id: A, name: B, type: khsus}\n".utf8)
            .write(to: bad)
        let result = try SPBEProcess.run(["check"] + Self.mini + ["--format", "json", folder.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "\(bad.path):4:28: error[inventory.type]: unknown value 'khsus' for applications.type; did you mean 'khusus'?"
            ), "\(result.stderr)")
        #expect(try inventories(result.stdout).compactMap { $0["source"] as? String } == [good.path])
    }

    @Test("CRLF line endings and a byte order mark give the same report as plain LF")
    func lineEndings() throws {
        let original = try String(
            contentsOf: SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-weak.yaml"),
            encoding: .utf8)
        let folder = Self.root.appendingPathComponent("endings")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let variants = [
            ("lf.yaml", Data(original.utf8)),
            ("crlf.yaml", Data(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("bom.yaml", Data([0xEF, 0xBB, 0xBF]) + Data(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ]
        var reports: [String] = []
        for (name, data) in variants {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            let result = try SPBEProcess.run(["check"] + Self.mini + ["--format", "json", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            reports.append(result.stdout.replacingOccurrences(of: file.path, with: "FILE"))
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0] == reports[2])
    }
}
