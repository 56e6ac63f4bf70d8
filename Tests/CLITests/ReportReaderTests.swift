import Foundation
import Testing

/// What the programs that read spbe's reports need of them: code-scanning servers (SARIF), CI dashboards
/// (JUnit), spreadsheets (CSV) and programs reading the JSON report.
@Suite("reports for their readers", .serialized)
struct ReportReaderTests {
    static let examples = ["check", "examples/", "--as-of", "2025-06-30", "--fail-on", "none", "--quiet"]

    private func sarif(_ extra: [String]) throws -> (log: [String: Any], stderr: String) {
        let result = try SPBEProcess.run(Self.examples + ["--format", "sarif"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (try #require(object as? [String: Any]), result.stderr)
    }

    /// The first run of the SARIF log of the examples with `extra` options.
    private func firstRun(_ extra: [String] = []) throws -> [String: Any] {
        try #require(runs(try sarif(extra).log).first)
    }

    private func runs(_ log: [String: Any]) -> [[String: Any]] { log["runs"] as? [[String: Any]] ?? [] }
    private func results(_ run: [String: Any]) -> [[String: Any]] { run["results"] as? [[String: Any]] ?? [] }

    private func uri(_ location: [String: Any]) -> [String: Any] {
        ((location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]) ?? [:]
    }

    @Test("SARIF §3.27.10: a not-evidenced result is kind review with level none, and says which subject and rule")
    func reviewLevel() throws {
        let run = try firstRun()
        let reviews = results(run).filter { $0["kind"] as? String == "review" }
        #expect(!reviews.isEmpty)
        #expect(reviews.allSatisfy { $0["level"] as? String == "none" })
        #expect(
            results(run).filter { $0["kind"] as? String != "review" }.allSatisfy {
                $0["kind"] as? String == "fail" && $0["level"] as? String != "none"
            })
        for review in reviews {
            let text = (review["message"] as? [String: Any])?["text"] as? String ?? ""
            let subject = (review["properties"] as? [String: Any])?["subject"] as? String ?? ""
            #expect(text.contains(" — ") && (subject == "opd" || text.contains(subject)), "\(text)")
        }
    }

    @Test("SARIF runs are identified per pack and pemda, and relative paths start at SRCROOT")
    func identityAndBase() throws {
        let run = try firstRun()
        #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "spbe/spbe-2020/examples/")
        #expect((run["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] != nil)
        let locations = results(run).flatMap { $0["locations"] as? [[String: Any]] ?? [] }
        #expect(
            locations.allSatisfy {
                uri($0)["uriBaseId"] as? String == "SRCROOT" && !((uri($0)["uri"] as? String) ?? "").hasPrefix("file:")
            })
        let bantul = try SPBEProcess.run([
            "check", "examples/kabupaten-bantul", "--as-of", "2025-06-30", "--fail-on", "none", "--format", "sarif",
        ])
        #expect(bantul.stdout.contains("\"id\":\"spbe/spbe-2020/kabupaten-bantul/\""))
    }

    @Test("an absolute inventory path stays an absolute file URI, without a base id")
    func absolutePath() throws {
        let path = SPBEProcess.packageRoot.appendingPathComponent("examples/dinkes-sleman.yaml").path
        let result = try SPBEProcess.run([
            "check", path, "--as-of", "2025-06-30", "--fail-on", "none", "--format", "sarif",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let log = try #require(object as? [String: Any])
        let run = try #require(runs(log).first)
        let location = try #require(results(run).first?["locations"] as? [[String: Any]]).first ?? [:]
        #expect(uri(location)["uri"] as? String == "file://" + path)
        #expect(uri(location)["uriBaseId"] == nil)
    }

    @Test("a workbook finding names its sheet and cell in SARIF")
    func workbookCell() throws {
        let run = try firstRun()
        let workbook = results(run).compactMap { ($0["locations"] as? [[String: Any]])?.first }
            .first { (uri($0)["uri"] as? String)?.hasSuffix(".xlsx") == true }
        let logical = try #require((workbook?["logicalLocations"] as? [[String: Any]])?.first)
        #expect((logical["fullyQualifiedName"] as? String)?.contains("!") == true)
        #expect((workbook?["properties"] as? [String: Any])?["sheet"] as? String == "applications")
    }

    @Test("the cross-OPD findings of a regency are SARIF results at every record they involve")
    func crossFindings() throws {
        let run = try firstRun()
        let cross = results(run).filter { ($0["ruleId"] as? String)?.hasPrefix("CROSS-") == true }
        // Four of Kabupaten Bantul's folder, one of Kabupaten Sleman's loose inventories.
        #expect(cross.count == 5)
        #expect(cross.allSatisfy { ($0["relatedLocations"] as? [Any])?.count ?? 0 >= 2 })
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(
            cross.allSatisfy { result in
                rules[result["ruleIndex"] as? Int ?? 0]["id"] as? String == result["ruleId"] as? String
            })
    }

    @Test("--sarif-max-results keeps the most severe results of each run and warns")
    func maximum() throws {
        let (log, stderr) = try sarif(["--sarif-max-results", "100"])
        let run = try #require(runs(log).first)
        #expect(results(run).count == 100)
        #expect(results(run).allSatisfy { $0["kind"] as? String == "fail" })
        #expect(
            stderr.contains(
                "warning: the SARIF run 'spbe/spbe-2020/examples/' has 869 results, more than --sarif-max-results 100"))
        #expect((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] != nil)
        #expect(try SPBEProcess.run(Self.examples + ["--format", "sarif", "--sarif-max-results", "0"]).status == 64)
    }

    @Test("--sarif-split gives a run per pemda folder or per OPD, each with its own id")
    func split() throws {
        let pemda = runs(try sarif(["--sarif-split", "pemda"]).log)
        let ids = pemda.compactMap { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(
            ids == [
                "spbe/spbe-2020/csv/", "spbe/spbe-2020/examples/", "spbe/spbe-2020/kabupaten-bantul/",
                "spbe/spbe-2020/xlsx/",
            ])
        let opd = runs(try sarif(["--sarif-split", "opd"]).log)
        let opdIDs = opd.compactMap { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(opd.count == 19 && Set(opdIDs).count == 19)  // 17 inventories, the cross-OPD runs of Bantul and Sleman
        let pemdaResults = pemda.map { results($0).count }.reduce(0, +)
        let opdResults = opd.map { results($0).count }.reduce(0, +)
        #expect(pemdaResults == opdResults)
    }

    @Test("--sarif-omit-not-evidenced leaves the review results out")
    func omitReviews() throws {
        let run = try firstRun(["--sarif-omit-not-evidenced"])
        #expect(!results(run).isEmpty)
        #expect(results(run).allSatisfy { $0["kind"] as? String == "fail" })
    }

    @Test("JUnit: test classes name the OPD, suites and cases have a time, cross-OPD findings are their own suite")
    func junit() throws {
        let result = try SPBEProcess.run(Self.examples + ["--format", "junit"])
        #expect(result.stdout.contains("classname=\"1.02.0.00.0.00.01.0000.APP-SSO\""))
        #expect(!result.stdout.contains("classname=\"APP-SSO\""))
        let cases = result.stdout.components(separatedBy: "<testcase ").count - 1
        let suites = result.stdout.components(separatedBy: "<testsuite ").count - 1
        #expect(result.stdout.components(separatedBy: "time=\"0\">").count - 1 == cases + suites)
        #expect(
            result.stdout.contains(
                "<testsuite name=\"Temuan lintas OPD: Kabupaten Bantul (examples/kabupaten-bantul)\" tests=\"4\" failures=\"4\""
            ))
        #expect(result.stdout.contains("classname=\"kabupaten-bantul.CROSS-DUPLICATE-FUNCTION\""))
    }

    @Test(
        "CSV: a byte order mark, the separator asked for, sheet and cell, subject name and rule title, cross-OPD rows")
    func csv() throws {
        let comma = try SPBEProcess.run(Self.examples + ["--format", "csv"]).stdout
        #expect(comma.hasPrefix("\u{FEFF}source,opd_id,opd_name,rule,rule_title,severity,"))
        let semicolon = try SPBEProcess.run(Self.examples + ["--format", "csv", "--csv-delimiter", ";"]).stdout
        let lines = semicolon.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].dropFirst().split(separator: ";").map(String.init)
        #expect(header.contains("sheet") && header.contains("cell") && header.contains("subject_name"))
        let workbook = try #require(lines.first { $0.contains("examples/xlsx/dpmptsp-sleman.xlsx;") })
        #expect(workbook.contains(";applications;"))
        #expect(
            lines.contains { $0.hasPrefix("examples/kabupaten-bantul;;") && $0.contains(";CROSS-DUPLICATE-FUNCTION;") })
        #expect(lines.contains { $0.contains(";APP-SSO;Aplikasi memakai single sign-on;") })
        #expect(try SPBEProcess.run(Self.examples + ["--format", "csv", "--csv-delimiter", "|"]).status == 64)
    }

    @Test("JSON: compact unless --pretty, every field present, rule texts once in the rules table, decimals rounded")
    func json() throws {
        let compact = try SPBEProcess.run(Self.examples + ["--format", "json"]).stdout
        #expect(compact.split(separator: "\n").count == 1)
        let pretty = try SPBEProcess.run(Self.examples + ["--format", "json", "--pretty"]).stdout
        #expect(pretty.split(separator: "\n").count > 1000)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? [String: Any])
        let same = try JSONSerialization.jsonObject(with: Data(pretty.utf8))
        #expect(NSDictionary(dictionary: report).isEqual(to: same as? [String: Any] ?? [:]))
        #expect(report["fail_on"] as? String == "none")
        #expect(report["waivers"] as? [Any] != nil && report["regencies"] as? [Any] != nil)
        let rules = Set((report["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let findings = (report["inventories"] as? [[String: Any]] ?? []).flatMap(JSONReportFindings.of)
        #expect(!findings.isEmpty)
        #expect(
            findings.allSatisfy {
                rules.contains($0["rule"] as? String ?? "") && $0["recommendation"] == nil && $0.keys.contains("waiver")
            })
        #expect(compact.count("recommendation\":\"Utamakan migrasi") == 1)
        let noise = try NSRegularExpression(pattern: "[0-9]\\.[0-9]{5,}")
        #expect(noise.numberOfMatches(in: compact, range: NSRange(compact.startIndex..., in: compact)) == 0)
    }
}

/// Every golden JSON report against the committed report schema, with a real JSON Schema validator (Python's
/// `jsonschema`, as CI installs it).
@Suite("the JSON report's schema")
struct ReportSchemaTests {
    static let validatorInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, yaml"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("every golden JSON report is valid against schemas/report.schema.json", .enabled(if: validatorInstalled))
    func goldens() throws {
        let root = SPBEProcess.packageRoot
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "scripts/validate-schemas.py", "schemas/report.schema.json",
            "Tests/CLITests/Fixtures/golden/examples.json", "Tests/CLITests/Fixtures/golden/mini-check.json",
        ]
        process.currentDirectoryURL = root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }
}

extension String {
    fileprivate func count(_ needle: String) -> Int { components(separatedBy: needle).count - 1 }
}

/// The HTML report's structure for print and for assistive technology (the browser checks are in
/// scripts/check-html-reports.sh).
@Suite("the HTML report for paper and accessibility", .serialized)
struct HTMLReportTests {
    private func html(_ path: String, _ extra: [String] = []) throws -> String {
        let result = try SPBEProcess.run(
            ["check", path, "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--format", "html"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test("A4 pages, colours that carry meaning print, and the first OPD does not break before itself")
    func print() throws {
        let page = try html("examples/dinkes-sleman.yaml")
        #expect(page.contains("@page { size: A4;"))
        #expect(page.contains("print-color-adjust: exact"))
        #expect(
            page.contains(
                "section.inventory + section.inventory, section.overview + section.inventory { break-before: page; }"))
        #expect(!page.contains("} section.inventory { break-before"))
    }

    @Test("a main landmark, a title naming the OPD and the date, every chart named and given as a table")
    func landmarks() throws {
        let page = try html("examples/dinkes-sleman.yaml")
        #expect(
            page.contains("<title>Dinas Kesehatan — Evaluasi SPBE menurut PermenPANRB 59/2020 — 2025-06-30</title>"))
        #expect(page.contains("<main>") && page.contains("</main>"))
        #expect(page.contains("role=\"img\" aria-label=\"Diagram radar indeks per aspek: Dinas Kesehatan\""))
        #expect(page.contains("<table class=\"chart-data\"><caption>Data diagram</caption>"))
        let regency = try html("examples/kabupaten-bantul")
        #expect(regency.contains("<title>Kabupaten Bantul — "))
        #expect(
            regency.components(separatedBy: "role=\"img\" aria-label=").count
                == regency.components(separatedBy: "class=\"chart-data\"").count)
    }

    @Test("badges are words in the report's language; not evidenced is written out, never a bare ?")
    func words() throws {
        let indonesian = try html("examples/dinkes-sleman.yaml")
        #expect(
            indonesian.contains("<span class=\"badge\">TINGGI</span>")
                && indonesian.contains("<span class=\"badge\">BELUM TERBUKTI</span>"))
        #expect(
            !indonesian.contains("<span class=\"badge\">HIGH</span>")
                && !indonesian.contains("<span class=\"badge\">?</span>"))
        let english = try html("examples/dinkes-sleman.yaml", ["--lang", "en"])
        #expect(
            english.contains("<span class=\"badge\">HIGH</span>")
                && english.contains("<span class=\"badge\">NOT EVIDENCED</span>"))
        #expect(indonesian.contains("<td>di bawah target</td>") && indonesian.contains("<td>memenuhi target</td>"))
    }

    @Test("the regency heatmap has its aspect legend in the page and scrolls inside its own box")
    func heatmap() throws {
        let regency = try html("examples/kabupaten-bantul")
        #expect(regency.contains("<p class=\"legend\"><b>Aspek:</b> <b>A1</b> Kebijakan Internal Tata Kelola SPBE"))
        #expect(
            regency.contains(
                "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Peta panas OPD × aspek\"><table class=\"heatmap\">"
            ))
        let heatmapAt = try #require(regency.range(of: "class=\"heatmap\""))
        let firstOPD = try #require(regency.range(of: "<section class=\"inventory\""))
        #expect(heatmapAt.lowerBound < firstOPD.lowerBound)
    }
}

@Suite("the Markdown report for people", .serialized)
struct MarkdownReportTests {
    private func markdown(_ extra: [String] = []) throws -> String {
        let result = try SPBEProcess.run(
            [
                "check", "examples/dinkes-sleman.yaml", "--as-of", "2025-06-30", "--fail-on", "none", "--format",
                "markdown",
            ]
                + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test("badges are words in the report's language, as in the HTML report; not evidenced is written out")
    func words() throws {
        let indonesian = try markdown()
        #expect(indonesian.contains("- **TINGGI** `APP-KHUSUS-ARSITEKTUR` "))
        #expect(indonesian.contains("- **BELUM TERBUKTI** `DOC-SPBE-KONSULTASI` "))
        #expect(!indonesian.contains("- **HIGH** ") && !indonesian.contains("- **?** "))
        let english = try markdown(["--lang", "en"])
        #expect(english.contains("- **HIGH** `APP-KHUSUS-ARSITEKTUR` "))
        #expect(english.contains("- **NOT EVIDENCED** `DOC-SPBE-KONSULTASI` "))
    }

    @Test("a rule's recommendation is written once, under its first failure")
    func recommendationOnce() throws {
        let report = try markdown()
        let failures = report.components(separatedBy: "- **TINGGI** `APP-KHUSUS-ARSITEKTUR` ").count - 1
        #expect(failures == 4)
        #expect(report.components(separatedBy: "→ Minta Diskominfo mencantumkan aplikasi ini").count - 1 == 1)
    }
}

/// Formats written as a stream give the bytes of their whole rendering.
@Suite("streamed reports", .serialized)
struct StreamedReportTests {
    @Test(
        "standard output (streamed) and --output (whole) give the same bytes",
        arguments: ["text", "json", "csv", "junit"])
    func sameBytes(_ format: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-stream-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments = ReportReaderTests.examples + ["--jobs", "2"]
        let streamed = try SPBEProcess.run(arguments + ["--format", format])
        _ = try SPBEProcess.run(arguments + ["--format", "text", "--output", "\(format)=\(file.path)"])
        #expect(streamed.stdout == String(decoding: try Data(contentsOf: file), as: UTF8.self))
    }
}
