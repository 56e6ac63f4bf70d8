import Foundation
import OutputSafety
import Testing

@Suite("output safety")
struct OutputTargetTests {
    private static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-output-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, to path: String, protected: [String] = []) -> [String] {
        AtomicFileWriter.write(
            [OutputFile(path: path, data: Data(text.utf8))], protected: protected, replaceExisting: true
        )
        .map { "\($0.code): \($0.message)" }
    }

    @Test("an input file, a folder inventory's members and a new file inside it are refused; the files stay")
    func inputs() throws {
        let inventory = try Self.folder().appendingPathComponent("inv")
        try FileManager.default.createDirectory(at: inventory, withIntermediateDirectories: true)
        for name in ["opd.yaml", "applications.csv"] {
            try Data("x".utf8).write(to: inventory.appendingPathComponent(name))
        }
        for name in ["applications.csv", "opd.yaml", "services.csv"] {
            let path = inventory.appendingPathComponent(name).path
            let problems = write("report", to: path, protected: [inventory.path])
            #expect(
                problems.count == 1
                    && problems[0].hasPrefix(
                        "convert.overwrite_input: refusing to write '\(path)' inside the input folder"),
                "\(problems)")
        }
        let file = inventory.appendingPathComponent("opd.yaml").path
        #expect(
            write("report", to: "\(inventory.path)/../inv/./opd.yaml", protected: [file]).first?.contains(
                "refusing to overwrite the input file") == true)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
        #expect(!FileManager.default.fileExists(atPath: inventory.appendingPathComponent("services.csv").path))
    }

    @Test("two paths for the same file are found, through '..' and symbolic links")
    func duplicates() throws {
        let folder = try Self.folder()
        let real = folder.appendingPathComponent("a.json").path
        let link = folder.appendingPathComponent("b.json").path
        try Data().write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(OutputTarget.firstDuplicate(in: [real, folder.appendingPathComponent("c.json").path]) == nil)
        #expect(
            OutputTarget.firstDuplicate(in: [real, "\(folder.path)/x/../a.json"])?.second
                == "\(folder.path)/x/../a.json")
        #expect(OutputTarget.firstDuplicate(in: [link, real])?.first == link)
    }

    @Test("a symbolic link stays a link: the file it points to is replaced")
    func symbolicLink() throws {
        let folder = try Self.folder()
        let real = folder.appendingPathComponent("real.txt").path
        let link = folder.appendingPathComponent("link.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(write("new", to: link).isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
    }

    @Test("a character device is written through, never replaced, and its errno is reported as it is")
    func devices() throws {
        #expect(OutputTarget.of("/dev/null", inputs: .none) == .success(.stream(path: "/dev/null")))
        #expect(write("report", to: "/dev/null").isEmpty)
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        if FileManager.default.fileExists(atPath: "/dev/full") {
            #expect(
                write("report", to: "/dev/full") == [
                    "convert.write_failed: cannot write '/dev/full': No space left on device"
                ])
        }
    }

    @Test("a named pipe is written through to its reader, and one that nothing reads is refused at once")
    func namedPipe() async throws {
        let pipe = try Self.folder().appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(
            write("report", to: pipe) == [
                "convert.write_failed: cannot write '\(pipe)': it is a named pipe that nothing reads"
            ])
        let reader = Task.detached {
            FileHandle(forReadingAtPath: pipe).map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }
        }
        var problems: [String] = []
        for _ in 0..<200 {
            problems = write("report", to: pipe)
            if problems.isEmpty { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(problems.isEmpty)
        #expect(await reader.value == "report")
        var status = stat()
        #expect(lstat(pipe, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("a folder is refused with a clear error")
    func folderTarget() throws {
        let folder = try Self.folder().path
        #expect(write("x", to: folder) == ["output.unwritable: cannot write '\(folder)': it is a folder"])
    }
}

@Suite("CSV formula neutralisation")
struct SpreadsheetFormulaTests {
    @Test(
        "text a spreadsheet would run gets one apostrophe more, and loses it when read",
        arguments: [
            ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"), ("''+x", "'''+x"),
            ("plain", "plain"), ("'quoted", "'quoted"), ("a=b", "a=b"), ("", ""), ("'", "'"),
        ])
    func roundTrip(text: String, written: String) {
        #expect(SpreadsheetFormula.neutralised(text) == written)
        #expect(SpreadsheetFormula.restored(written) == text)
    }
}
