import Foundation
import Testing

/// `--output` files and `--split` folders, streamed as the run goes: put in place whole or not at all.
@Suite("streamed report files and folders")
struct StreamedOutputTests {
    private static let bantul = [
        "check", "examples/kabupaten-bantul", "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--format",
        "json",
    ]

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-streamed-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("--split writes a folder: index.html and a page per OPD, fixed names, relative links; run again, replaced")
    func splitFolder() throws {
        let parent = try Self.folder()
        let report = parent.appendingPathComponent("bantul")
        let first = try SPBEProcess.run(Self.bantul + ["--output", "html=\(report.path)", "--split"])
        #expect(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: report.path).sorted()
        #expect(names.contains("index.html") && names.contains("opd-1.html") && names.count > 2)
        let index = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"opd-1.html\">") && !index.contains("href=\"/"))
        #expect(index.contains("class=\"heatmap\"") && index.contains("class=\"legend\""))
        let second = try SPBEProcess.run(Self.bantul + ["--output", "html=\(report.path)", "--split"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: report.path).sorted() == names)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["bantul"], "no temporary left")
    }

    @Test("--split refuses a folder holding other files, and leaves it as it was")
    func splitRefusesForeignFolder() throws {
        let parent = try Self.folder()
        try Data("catatan".utf8).write(to: parent.appendingPathComponent("catatan.txt"))
        let result = try SPBEProcess.run(Self.bantul + ["--output", "html=\(parent.path)", "--split"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to replace"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["catatan.txt"])
    }

    @Test("--split without an --output html=DIR is a usage error")
    func splitNeedsHTMLOutput() throws {
        #expect(try SPBEProcess.run(Self.bantul + ["--split"]).status == 64)
    }

    @Test("a streamed --output over --max-report-size keeps the earlier report and leaves no temporary file")
    func overLimitKeepsEarlierReport() throws {
        let parent = try Self.folder()
        let report = parent.appendingPathComponent("laporan.sarif")
        try Data("earlier".utf8).write(to: report)
        let result = try SPBEProcess.run(
            Self.bantul + ["--output", "sarif=\(report.path)", "--max-report-size", "1000"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("over the limit of 1000"), "\(result.stderr)")
        #expect(try Data(contentsOf: report) == Data("earlier".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["laporan.sarif"])
    }
}
