import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("spbe check", .serialized)
struct CheckCommandTests {
    let mini = "Tests/Fixtures/packs/mini"
    let good = "Tests/Fixtures/inventories/mini-good.yaml"
    let weak = "Tests/Fixtures/inventories/mini-weak.yaml"

    @Test("a clean inventory exits 0")
    func clean() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", good])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    @Test("findings at or above the threshold exit 1; --fail-on none exits 0")
    func threshold() throws {
        #expect(try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", weak]).status == 1)
        #expect(
            try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--fail-on", "none", weak]).status
                == 0)
        #expect(
            try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--fail-on", "critical", weak])
                .status == 1)
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["check"],
            ["check", "--as-of", "30-06-2025", "x.yaml"],
            ["check", "--format", "pdf", "x.yaml"],
            ["check", "--fail-on", "severe", "x.yaml"],
            ["chek"],
        ])
    func usage(arguments: [String]) throws {
        #expect(try SPBEProcess.run(arguments).status == 64)
    }

    @Test("a broken pack gives every error with file:line:col and exits 2")
    func brokenPack() throws {
        let result = try SPBEProcess.run(["check", "--pack", "Tests/Fixtures/packs/broken", good])
        #expect(result.status == 2)
        let headers = result.stderr.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(headers.count == 3, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "Tests/Fixtures/packs/broken/pack.yaml:44:14: error[type.unknown_field]: unknown field 'hostng' on applications; did you mean 'hosting'?"
            ))
        #expect(result.stdout.isEmpty)
    }

    @Test("text report of the weak inventory matches its golden file")
    func goldenText() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", good, weak])
        try Golden.check(result.stdout, against: "mini-check.txt")
    }

    @Test("JSON report is valid JSON and matches its golden file")
    func goldenJSON() throws {
        let result = try SPBEProcess.run([
            "check", "--pack", mini, "--as-of", "2025-06-30", "--format", "json", good, weak,
        ])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? Int == 4)
        try Golden.check(result.stdout, against: "mini-check.json")
    }

    @Test("English report words and pack texts with --lang en")
    func english() throws {
        let result = try SPBEProcess.run(["check", "--pack", mini, "--as-of", "2025-06-30", "--lang", "en", weak])
        #expect(result.stdout.contains("Application Aplikasi Antrian is hosted on server_opd"))
        #expect(result.stdout.contains("Estimated index"))
    }

    @Test("the same run twice gives the same bytes")
    func deterministic() throws {
        let arguments = [
            "check", "--pack", mini, "--as-of", "2025-06-30", "--format", "json", "Tests/Fixtures/inventories",
        ]
        #expect(try SPBEProcess.run(arguments).stdout == (try SPBEProcess.run(arguments).stdout))
    }
}

@Suite("spbe check --waivers", .serialized)
struct WaiverCommandTests {
    private func waiverFile(_ body: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waivers-\(UUID().uuidString).yaml")
        try Data(("spbe_waivers: 1\nwaivers:\n" + body).utf8).write(to: url)
        return url.path
    }

    @Test("waived findings are shown as waived and do not block; expired ones block again")
    func exitCodes() throws {
        let arguments = ["check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--fail-on", "high"]
        let weak = "Tests/Fixtures/inventories/mini-weak.yaml"
        let all = try waiverFile(
            """
              - {rule: APP-HOSTING, subject: APP-01, reason: Migrasi, approved_by: Kadis, until: 2025-12-31}
              - {rule: APP-HOSTING, subject: APP-02, reason: Migrasi, approved_by: Kadis, until: 2025-12-31}
              - {rule: DOC-RENSTRA, subject: opd, reason: Renstra baru dibahas DPRD, approved_by: Sekda, until: 2025-07-10}
            """)
        let waived = try SPBEProcess.run(arguments + ["--waivers", all, weak])
        #expect(waived.status == 0, "\(waived.stderr)")
        #expect(waived.stdout.contains("DIKECUALIKAN HIGH APP-HOSTING"))
        #expect(waived.stderr.contains("warning[waiver.expiring]"))
        let expired = try waiverFile(
            "  - {rule: DOC-RENSTRA, subject: opd, reason: Lama, approved_by: Sekda, until: 2024-12-31}\n")
        let result = try SPBEProcess.run(arguments + ["--waivers", expired, weak])
        #expect(result.status == 1)
        #expect(result.stdout.contains("KEDALUWARSA"))
        #expect(result.stderr.contains("warning[waiver.expired]"))
    }

    @Test("a waiver file with errors exits 2 with positions")
    func broken() throws {
        let file = try waiverFile(
            "  - {rule: DOC-RENSTR, subject: opd, reason: r, approved_by: a, until: 2025-12-31}\n")
        let result = try SPBEProcess.run([
            "check", "--pack", "Tests/Fixtures/packs/mini", "--waivers", file,
            "Tests/Fixtures/inventories/mini-weak.yaml",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "\(file):3:12: error[waiver.unknown_rule]: the pack has no rule 'DOC-RENSTR'; did you mean 'DOC-RENSTRA'?"
            ))
    }
}

@Suite("report formats", .serialized)
struct ReportFormatTests {
    let arguments = [
        "check", "--pack", "Tests/Fixtures/packs/mini", "--as-of", "2025-06-30", "--fail-on", "none",
        "Tests/Fixtures/inventories/mini-good.yaml", "Tests/Fixtures/inventories/mini-weak.yaml",
    ]

    @Test("every format matches its golden file", arguments: ["sarif", "markdown", "html", "junit", "csv"])
    func golden(_ format: String) throws {
        // The SARIF goldens are indented, for review (compact SARIF is checked against them: SARIFCompactTests).
        let result = try SPBEProcess.run(arguments + ["--format", format] + (format == "sarif" ? ["--pretty"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, against: "mini-check.\(format)")
    }

    @Test("every example, in every format, matches its golden file", arguments: ReportFormatTests.formats)
    func examples(_ format: String) throws {
        let result = try SPBEProcess.run(
            ["check", "examples/", "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--format", format]
                + (format == "sarif" ? ["--pretty"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, against: "examples.\(format == "text" ? "txt" : format)")
    }

    static let formats = ["text", "json", "sarif", "markdown", "html", "junit", "csv"]

    @Test(
        "what a level needs is the same text in JSON and text, and a plan step of several levels needs its target level"
    )
    func needs() throws {
        let arguments = ["check", "examples/", "--as-of", "2025-06-30", "--fail-on", "none", "--quiet"]
        let text = try SPBEProcess.run(arguments).stdout
        let json = try SPBEProcess.run(arguments + ["--format", "json"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let regencies = (report["regencies"] as? [[String: Any]] ?? []).compactMap { $0["pemda"] as? [String: Any] }
        let inventories = (report["inventories"] as? [[String: Any]] ?? []) + regencies
        func steps(_ inventory: [String: Any], _ key: String) -> [[String: Any]] {
            key == "plan"
                ? (inventory["plan"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
                : inventory[key] as? [[String: Any]] ?? []
        }
        // What each level needs is in the indicators table (schema version 4), for steps to name by level.
        var needsOf: [String: String] = [:]
        for indicator in report["indicators"] as? [[String: Any]] ?? [] {
            for level in indicator["levels"] as? [[String: Any]] ?? [] {
                needsOf["\(indicator["id"] ?? "") \(level["level"] ?? "")"] = level["needs"] as? String
            }
        }
        // Recommendations rise one level; what each needs is printed in the text report too (the top five).
        for inventory in inventories {
            for (rank, recommendation) in steps(inventory, "recommendations").enumerated() {
                let needs = try #require(
                    needsOf["\(recommendation["indicator"] ?? "") \(recommendation["to_level"] ?? "")"])
                if rank < 5 { #expect(text.contains("     \(needs)\n"), "\(needs)") }
            }
        }
        // A plan step that rises several levels needs what its target level needs: what `spbe score` gives as the
        // next level from the level below it.
        var compared = 0
        var descriptions: [Int: [String: String]] = [:]
        for inventory in inventories {
            for step in steps(inventory, "plan")
            where (step["to_level"] as? Int ?? 0) - (step["from_level"] as? Int ?? 0) > 1 {
                let indicator = step["indicator"] as? String ?? ""
                let level = step["to_level"] as? Int ?? 0
                if descriptions[level] == nil { descriptions[level] = try nextLevelDescriptions(from: level - 1) }
                #expect(needsOf["\(indicator) \(level)"] == descriptions[level]?[indicator], "\(indicator) \(level)")
                compared += 1
            }
        }
        #expect(compared > 0)
    }

    /// What `spbe score` says each indicator needs for its next level when every indicator is at `level`.
    private func nextLevelDescriptions(from level: Int) throws -> [String: String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("levels-\(UUID().uuidString).yaml")
        try Data(("levels:\n" + (1...47).map { "  \($0): \(level)\n" }.joined()).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try SPBEProcess.run(["score", "--levels", url.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var descriptions: [String: String] = [:]
        for domain in object["domains"] as? [[String: Any]] ?? [] {
            for aspect in domain["aspects"] as? [[String: Any]] ?? [] {
                for indicator in aspect["indicators"] as? [[String: Any]] ?? [] {
                    let next = indicator["next_level"] as? [String: Any]
                    descriptions[indicator["id"] as? String ?? ""] = next?["description"] as? String
                }
            }
        }
        return descriptions
    }

    @Test("SARIF and JUnit parse, and SARIF locates each finding in its inventory")
    func parses() throws {
        let sarif = try SPBEProcess.run(arguments + ["--format", "sarif"]).stdout
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        let first = try #require(
            ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect(
            (first["artifactLocation"] as? [String: Any])?["uri"] as? String
                == "Tests/Fixtures/inventories/mini-weak.yaml")
        let junit = try SPBEProcess.run(arguments + ["--format", "junit"]).stdout
        let parser = XMLParser(data: Data(junit.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("--output writes several formats at once, atomically, and never over an input")
    func outputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sarif = folder.appendingPathComponent("laporan.sarif").path
        let html = folder.appendingPathComponent("laporan.html").path
        let result = try SPBEProcess.run(arguments + ["--output", "sarif=\(sarif)", "--output", "html=\(html)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: sarif) && FileManager.default.fileExists(atPath: html))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "laporan.html", "laporan.sarif",
            ])
        let input = folder.appendingPathComponent("opd.yaml")
        try FileManager.default.copyItem(
            atPath: "\(SPBEProcess.packageRoot.path)/Tests/Fixtures/inventories/mini-weak.yaml", toPath: input.path)
        let before = try Data(contentsOf: input)
        let refused = try SPBEProcess.run([
            "check", "--pack", "Tests/Fixtures/packs/mini", input.path, "--output", "json=\(input.path)",
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to overwrite the input file"))
        #expect(try Data(contentsOf: input) == before)
    }

    @Test("a malformed --output is a usage error")
    func badOutput() throws {
        #expect(try SPBEProcess.run(arguments + ["--output", "pdf=x.pdf"]).status == 64)
        #expect(try SPBEProcess.run(arguments + ["--output", "sarif"]).status == 64)
    }
}

@Suite("a whole regency", .serialized)
struct RegencyTests {
    private func report(_ folder: String) throws -> [String: Any] {
        let result = try SPBEProcess.run([
            "check", folder, "--as-of", "2025-06-30", "--fail-on", "none", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func regency(_ report: [String: Any]) throws -> [String: Any] {
        try #require((report["regencies"] as? [[String: Any]])?.first)
    }

    @Test(
        "the cross-OPD findings are the duplicated functions, the applications outside SPLP and the retired dependency")
    func crossFindings() throws {
        let regency = try regency(try report("examples/kabupaten-bantul"))
        #expect(regency["name"] as? String == "Kabupaten Bantul")
        let findings = try #require(regency["cross_findings"] as? [[String: Any]])
        func records(_ kind: String, _ topic: String) -> Set<String> {
            let finding = findings.first { $0["kind"] as? String == kind && $0["topic"] as? String == topic }
            return Set(((finding?["subjects"] as? [[String: Any]]) ?? []).compactMap { $0["record"] as? String })
        }
        #expect(records("duplicate_function", "kearsipan") == ["DINKES-APP-03", "DISDIK-APP-01"])
        #expect(records("duplicate_function", "kepegawaian").isSuperset(of: ["DINKES-APP-04", "DISDIK-APP-02"]))
        #expect(records("retired_dependency", "KOMINFO-APP-09") == ["DINSOS-SVC-02", "KOMINFO-APP-09"])
        #expect(records("not_integrated", "splp").contains("DINKES-APP-03"))
        #expect(!records("not_integrated", "splp").contains("KOMINFO-APP-03"))
        let opds = try #require(regency["opds"] as? [[String: Any]])
        #expect(opds.count == 11)
        #expect(opds.allSatisfy { ($0["aspects"] as? [Any])?.count == 8 })
    }

    @Test("the heatmap has a row per OPD and a column per aspect")
    func heatmap() throws {
        let html = try SPBEProcess.run([
            "check", "examples/kabupaten-bantul", "--as-of", "2025-06-30", "--fail-on", "none", "--format", "html",
        ]).stdout
        let table = try #require(
            html.components(separatedBy: "<table class=\"heatmap\">").dropFirst().first?.components(
                separatedBy: "</table>"
            ).first)
        #expect(table.components(separatedBy: "<tr>").count - 1 == 12)
        #expect(table.components(separatedBy: "class=\"heat\"").count - 1 == 11 * 8)
    }

    @Test("the top recommendation's gain is what applying its fix really brings")
    func topRecommendation() throws {
        let before = try regency(try report("examples/kabupaten-bantul"))
        let pemda = try #require(before["pemda"] as? [String: Any])
        let top = try #require((pemda["recommendations"] as? [[String: Any]])?.first)
        // The fix for the top recommendation of this example: a report of the coordination team's work
        // programme carried out in full (I19 level 3).
        #expect(top["indicator"] as? String == "I19")
        #expect(top["to_level"] as? Int == 3)
        let gain = try #require(top["gain"] as? Double)
        let indexBefore = try #require((pemda["score"] as? [String: Any])?["index"] as? Double)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bantul-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: SPBEProcess.packageRoot.appendingPathComponent("examples/kabupaten-bantul"), to: folder)
        let pemdaFile = folder.appendingPathComponent("pemda.yaml")
        let text = try String(contentsOf: pemdaFile, encoding: .utf8).replacingOccurrences(
            of: "\ndocuments:\n",
            with:
                "\ndocuments:\n  - {id: DOC-UJI-LAPORAN-TIM, kind: laporan, topic: tim_koordinasi, year: 2024, scope_complete: true,\n     title: Laporan pelaksanaan program kerja Tim Koordinasi SPBE 2024}\n"
        )
        try Data(text.utf8).write(to: pemdaFile)
        let after = try regency(try report(folder.path))
        let fixed = try #require(after["pemda"] as? [String: Any])
        let indexAfter = try #require((fixed["score"] as? [String: Any])?["index"] as? Double)
        #expect(abs((indexAfter - indexBefore) - gain) < 1e-9)
    }
}

@Suite("spbe check --baseline", .serialized)
struct BaselineTests {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try SPBEProcess.run(
            ["check", "--as-of", "2025-06-30", "--fail-on", "none", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func temporary(_ name: String, _ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("fingerprints survive reordering and unrelated edits; a new gap is new, a closed one is fixed")
    func comparison() throws {
        let original = try String(
            contentsOfFile: "\(SPBEProcess.packageRoot.path)/examples/dinkes-sleman.yaml", encoding: .utf8)
        let baseline = try temporary(
            "base.json",
            String(
                data: JSONSerialization.data(withJSONObject: try json(["examples/dinkes-sleman.yaml"])), encoding: .utf8
            )!)

        // Unrelated edits: a comment at the top and a blank line, which move every line.
        let edited = try temporary("edited.yaml", "# disunting\n\n" + original)
        let same = try json(["--baseline", baseline, edited])
        let inventory = try #require((same["inventories"] as? [[String: Any]])?.first)
        let states = JSONReportFindings.of(inventory).compactMap { $0["baseline_state"] as? String }
        #expect(!states.isEmpty && states.allSatisfy { $0 == "unchanged" })
        #expect(((inventory["baseline"] as? [String: Any])?["fixed"] as? [Any])?.isEmpty == true)

        // APP-03 moves into the pemda data centre (its hosting finding is fixed); APP-01 moves out (a new one).
        let changed =
            original
            .replacingOccurrences(of: "hosting: server_opd", with: "hosting: pdn")
            .replacingOccurrences(
                of: "    hosting: pusat_data_pemda\n", with: "    hosting: cloud_pihak_ketiga\n", options: [],
                range: original.range(of: "    hosting: pusat_data_pemda\n"))
        let after = try json(["--baseline", baseline, try temporary("changed.yaml", changed)])
        let moved = try #require((after["inventories"] as? [[String: Any]])?.first)
        let findings = JSONReportFindings.of(moved)
        let new = findings.filter { $0["baseline_state"] as? String == "new" }.map {
            "\($0["rule"]!) \($0["subject"]!)"
        }
        #expect(new.contains("APP-HOSTING APP-01"))
        let fixed = ((moved["baseline"] as? [String: Any])?["fixed"] as? [[String: Any]] ?? []).map {
            "\($0["rule"]!) \($0["subject"]!)"
        }
        #expect(fixed.contains("APP-HOSTING APP-03"))
    }

    @Test("SARIF carries the baseline state, and fixed findings as absent results")
    func sarif() throws {
        let baseline = try temporary(
            "base.json",
            String(
                data: JSONSerialization.data(withJSONObject: try json(["examples/dinkes-sleman.yaml"])), encoding: .utf8
            )!)
        let original = try String(
            contentsOfFile: "\(SPBEProcess.packageRoot.path)/examples/dinkes-sleman.yaml", encoding: .utf8)
        let changed = try temporary(
            "changed.yaml", original.replacingOccurrences(of: "hosting: server_opd", with: "hosting: pdn"))
        let result = try SPBEProcess.run([
            "check", "--as-of", "2025-06-30", "--fail-on", "none", "--format", "sarif", "--baseline", baseline, changed,
        ])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(
            results.contains { $0["baselineState"] as? String == "absent" && $0["ruleId"] as? String == "APP-HOSTING" })
        #expect(results.filter { $0["baselineState"] as? String == "unchanged" }.count > 10)
    }

    @Test("a baseline that is not a JSON report exits 2")
    func invalid() throws {
        let path = try temporary("bad.json", "{\"hello\": 1}")
        let result = try SPBEProcess.run(["check", "--baseline", path, "examples/dinkes-sleman.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("baseline.invalid"))
    }
}

@Suite("JSON Schemas for editors")
struct SchemaFileTests {
    @Test("the committed schemas are what `spbe schema` generates", arguments: ["inventory", "pack", "report"])
    func fresh(_ kind: String) throws {
        let result = try SPBEProcess.run(["schema", kind])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(
            contentsOf: SPBEProcess.packageRoot.appendingPathComponent("schemas/\(kind).schema.json"), encoding: .utf8)
        #expect(result.stdout == committed, "regenerate with: spbe schema \(kind) > schemas/\(kind).schema.json")
    }
}

@Suite("spbe check --jobs")
struct JobsTests {
    @Test("the output does not depend on the number of workers", arguments: ["text", "json"])
    func sameOutput(_ format: String) throws {
        let arguments = [
            "check", "examples/", "--as-of", "2025-06-30", "--fail-on", "none", "--quiet", "--format", format,
        ]
        let one = try SPBEProcess.run(arguments + ["--jobs", "1"])
        let three = try SPBEProcess.run(arguments + ["--jobs", "3"])
        #expect(one.status == 0 && three.status == 0)
        #expect(one.stdout == three.stdout)
    }

    @Test("--jobs 0 is a usage error")
    func zero() throws {
        #expect(try SPBEProcess.run(["check", "--jobs", "0", "examples/"]).status == 64)
    }
}
