import Foundation
import Testing

/// Every file a command writes goes through one output-safety check: never over an input or a member of a folder
/// inventory, never two reports into one file; and a folder inventory's members are read only when they are
/// regular files.
@Suite("output safety and folder members")
struct OutputSafetyCLITests {
    private static let mini = [
        "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--quiet", "--fail-on", "none",
    ]

    /// A CSV inventory folder `inv` (opd.yaml and applications.csv) in a new folder.
    private static func csvInventory() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-output-cli-\(getpid())-\(UUID().uuidString)/inv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("spbe_inventory: 1\nopd: {id: OPD-1, name: Dinas Satu}\n".utf8).write(
            to: folder.appendingPathComponent("opd.yaml"))
        try Data("id,name,type,hosting\nAPP-1,Aplikasi,umum,pdn\n".utf8).write(
            to: folder.appendingPathComponent("applications.csv"))
        return folder
    }

    @Test(
        "a report over a folder inventory's member (applications.csv, opd.yaml) is refused and the member kept",
        arguments: ["applications.csv", "opd.yaml"])
    func folderMember(name: String) throws {
        let folder = try Self.csvInventory()
        let member = folder.appendingPathComponent(name)
        let before = try Data(contentsOf: member)
        let result = try SPBEProcess.run(["check"] + Self.mini + ["--output", "csv=\(member.path)", folder.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("refusing to write '\(member.path)' inside the input folder"), "\(result.stderr)")
        #expect(try Data(contentsOf: member) == before)
    }

    @Test("two --output naming the same file are a usage error")
    func sameOutputTwice() throws {
        let folder = try Self.csvInventory().deletingLastPathComponent()
        let report = folder.appendingPathComponent("laporan.json").path
        let result = try SPBEProcess.run(
            ["check"] + Self.mini + [
                "--output", "json=\(report)", "--output", "sarif=\(folder.path)/./laporan.json",
                "Tests/Fixtures/inventories/mini-good.yaml",
            ]
        )
        #expect(result.status == 64)
        #expect(result.stderr.contains("name the same file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: report))
    }

    @Test("a report to /dev/null is written through, and /dev/full reports ENOSPC")
    func devices() throws {
        let good = "Tests/Fixtures/inventories/mini-good.yaml"
        #expect(try SPBEProcess.run(["check"] + Self.mini + ["--output", "json=/dev/null", good]).status == 0)
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let full = try SPBEProcess.run(["check"] + Self.mini + ["--output", "json=/dev/full", good])
        #expect(full.status == 2)
        #expect(full.stderr.contains("cannot write '/dev/full': No space left on device"), "\(full.stderr)")
    }

    @Test(
        "a named pipe as a folder inventory's member is an error at once, not a hang",
        arguments: ["applications.csv", "opd.yaml"])
    func pipeMember(name: String) throws {
        let folder = try Self.csvInventory()
        let member = folder.appendingPathComponent(name)
        try FileManager.default.removeItem(at: member)
        #expect(mkfifo(member.path, 0o644) == 0)
        let started = Date()
        let result = try SPBEProcess.run(["check"] + Self.mini + [folder.path], timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("cannot read '\(member.path)': it is a named pipe, not a regular file"),
            "\(result.stderr)")
    }
}
