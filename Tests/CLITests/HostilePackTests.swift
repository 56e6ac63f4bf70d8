import Foundation
import Testing

/// A pack author cannot make spbe run for ever, fill memory or read files: every hostile pack gets a clear
/// error naming the rule (exit 2) or a correct result, in bounded time.
@Suite("hostile packs", .serialized)
struct HostilePackTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-hostile-packs-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// The mini test pack with `rules` (YAML list items) added in a file of its own.
    static func pack(_ name: String, rules: String) throws -> String {
        let pack = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: pack)
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        let mini = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/packs/mini")
        for file in ["pack.yaml", "schema.yaml", "indicators.yaml", "rules.yaml"] {
            try FileManager.default.copyItem(
                at: mini.appendingPathComponent(file), to: pack.appendingPathComponent(file))
        }
        try Data((rules.isEmpty ? "" : "rules:\n" + rules).utf8).write(
            to: pack.appendingPathComponent("zz-hostile.yaml"))
        return pack.path
    }

    /// An inventory of the mini pack with `count` applications named by `name`.
    static func inventory(_ file: String, count: Int, name: (Int) -> String = { "N\($0)" }) throws -> String {
        var text = "spbe_inventory: 1\nopd: {id: X, name: Dinas X}\napplications:\n"
        for index in 0..<count { text += "  - {id: A\(index), name: \"\(name(index))\", type: umum}\n" }
        let url = folder.appendingPathComponent(file)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let nested = """
          - id: NESTED
            title: Nested quantifiers
            indicator: I02
            severity: low
            require: count(applications as a, count(applications as b, count(applications as c, a.name == c.name) > 0) > 0) >= 0

        """

    @Test("nested quantifiers over a large inventory stop at the rule budget, naming the rule")
    func nestedQuantifiers() throws {
        let pack = try Self.pack("nested", rules: Self.nested)
        let inventory = try Self.inventory("big.yaml", count: 400)
        let started = Date()
        // About 3 s in a debug build; far longer under a sanitizer, and still bounded.
        let result = try SPBEProcess.run(["check", "--pack", pack, "--as-of", "2025-06-30", inventory], timeout: 300)
        #expect(Date().timeIntervalSince(started) < 240)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "zz-hostile.yaml:6:14: error[eval.cost_exceeded]: rule NESTED went over its evaluation cost budget of 10,000,000 units on '\(inventory)'"
            ), "\(result.stderr)")
        #expect(result.stderr.contains("raise the budget with --max-cost"))
    }

    @Test("--max-cost lowers and raises the rule budget, which is counted while evaluating")
    func maxCost() throws {
        // The static estimate (about 500 units: a quantifier body weighs 100) is under 5,000; evaluating it over
        // 100 applications is not (each element reads and searches the 100 names: about 20,000 units).
        let pack = try Self.pack(
            "single",
            rules: """
                  - {id: SINGLE, title: One quantifier, indicator: I02, severity: low, require: 'all(applications as a, a.name in applications.name)'}

                """)
        let inventory = try Self.inventory("hundred.yaml", count: 100)
        let low = try SPBEProcess.run([
            "check", "--pack", pack, "--as-of", "2025-06-30", "--max-cost", "5000", inventory,
        ])
        #expect(low.status == 2)
        #expect(
            low.stderr.contains(
                "error[eval.cost_exceeded]: rule SINGLE went over its evaluation cost budget of 5,000 units"),
            "\(low.stderr)")
        let high = try SPBEProcess.run([
            "check", "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--max-cost", "100000", inventory,
        ])
        #expect(high.status == 0, "\(high.stderr)")
    }

    @Test("the run budget is shared by every inventory and reported once")
    func runBudget() throws {
        let pack = try Self.pack("run-budget", rules: Self.nested)
        let runFolder = Self.folder.appendingPathComponent("run-budget-inventories")
        try? FileManager.default.removeItem(at: runFolder)
        try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
        for index in 0..<6 { _ = try Self.inventory("run-budget-inventories/opd-\(index).yaml", count: 20) }
        let result = try SPBEProcess.run([
            "check", "--pack", pack, "--as-of", "2025-06-30", "--jobs", "2", "--max-total-cost", "30000",
            runFolder.path,
        ])
        #expect(result.status == 2)
        let reported = result.stderr.components(
            separatedBy: "error[eval.run_cost_exceeded]: the run went over its evaluation cost budget of 30,000 units")
        #expect(reported.count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--max-total-cost"))
    }

    @Test("a rule whose static estimate is over the budget is rejected when the pack compiles")
    func staticEstimate() throws {
        let pack = try Self.pack(
            "deep",
            rules: """
                  - id: DEEP
                    title: Four nested quantifiers
                    indicator: I02
                    severity: low
                    require: all(applications as a, all(applications as b, all(applications as c, all(applications as d, a.name != d.name or b.name != c.name))))

                """)
        let inventory = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml").path
        let result = try SPBEProcess.run(["check", "--pack", pack, "--as-of", "2025-06-30", inventory])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "zz-hostile.yaml:6:14: error[pack.cost_budget]: the estimated evaluation cost of rule DEEP"),
            "\(result.stderr)")
        let raised = try SPBEProcess.run([
            "check", "--pack", pack, "--as-of", "2025-06-30", "--fail-on", "none", "--max-cost", "100000000000",
            inventory,
        ])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test("a huge list literal is bounded by the expression size limit")
    func hugeList() throws {
        let small = (0..<500).map { "\"v\($0)\"" }.joined(separator: ", ")
        let large = (0..<3000).map { "\"v\($0)\"" }.joined(separator: ", ")
        let pack = try Self.pack(
            "lists",
            rules: """
                  - {id: LIST-OK, title: List, indicator: I02, severity: low, each: applications, require: 'name in [\(small)]'}
                  - {id: LIST-HUGE, title: List, indicator: I02, severity: low, each: applications, require: 'name in [\(large)]'}

                """)
        let inventory = try Self.inventory("lists.yaml", count: 10)
        let result = try SPBEProcess.run(["check", "--pack", pack, "--as-of", "2025-06-30", inventory])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[parse.too_long]"), "\(result.stderr)")
        #expect(!result.stderr.contains("LIST-OK"))
    }

    @Test("pathological patterns run in linear time over long names")
    func pathologicalPatterns() throws {
        let pack = try Self.pack(
            "patterns",
            rules: """
                  - {id: RE-1, title: Pattern, indicator: I02, severity: low, each: applications, require: 'not matches(name, "(a|a)*b")'}
                  - {id: RE-2, title: Pattern, indicator: I02, severity: low, each: applications, require: 'not matches(name, "a*a*a*a*a*a*a*b")'}
                  - {id: RE-3, title: Pattern, indicator: I02, severity: low, each: applications, require: 'not matches(name, ".*.*.*.*=")'}

                """)
        let inventory = try Self.inventory("patterns.yaml", count: 50) { _ in String(repeating: "a", count: 1_000) }
        let started = Date()
        let result = try SPBEProcess.run(
            ["check", "--pack", pack, "--as-of", "2025-06-30", "--format", "json", "--fail-on", "none", inventory],
            timeout: 60)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rules = ((report?["inventories"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]]) ?? []
        for id in ["RE-1", "RE-2", "RE-3"] {
            #expect(rules.first { $0["id"] as? String == id }?["passed"] as? Int == 50, "\(id)")
        }
    }

    @Test("a message template reads only the subject and the OPD, and its output is bounded")
    func templates() throws {
        let outside = try Self.pack(
            "template-outside",
            rules: """
                  - {id: T-1, title: T, indicator: I02, severity: low, each: applications, require: 'false', message: "{documents.kind}"}
                  - {id: T-2, title: T, indicator: I02, severity: low, each: applications, require: 'false', message: "{opd.name} {applications}"}

                """)
        let inventory = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml").path
        let rejected = try SPBEProcess.run(["check", "--pack", outside, "--as-of", "2025-06-30", inventory])
        #expect(rejected.status == 2)
        #expect(
            rejected.stderr.contains(
                "error[template.invalid_placeholder]: placeholder '{documents.kind}' must name a field of the subject"),
            "\(rejected.stderr)")
        #expect(
            rejected.stderr.contains("error[type.unknown_field]: unknown field 'applications' on applications"),
            "\(rejected.stderr)")

        let repeated = String(repeating: "{name}", count: 1_500)
        let long = try Self.pack(
            "template-long",
            rules: """
                  - {id: T-LONG, title: T, indicator: I02, severity: high, each: applications, require: 'false', message: "\(repeated)"}

                """)
        let big = try Self.inventory("long-names.yaml", count: 3) { _ in String(repeating: "x", count: 100_000) }
        let result = try SPBEProcess.run(
            ["check", "--pack", long, "--as-of", "2025-06-30", "--format", "json", big], timeout: 60)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = JSONReportFindings.of((report?["inventories"] as? [[String: Any]])?.first)
        let messages = findings.filter { $0["rule"] as? String == "T-LONG" }.compactMap { $0["message"] as? String }
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.utf8.count <= 4_096 && $0.hasSuffix("…") })
    }

    @Test(
        "weights, efforts and predicate bounds out of range are errors, never a crash while ranking recommendations",
        arguments: [
            ("    target: 2\n", "    target: 2\n    effort: 1e300\n", "effort must be between 0.1 and 5, found 1e+300"),
            ("    weight: 40\n", "    weight: 1e300\n", "weight must be between 0 and 1000000, found 1e+300"),
            ("    weight: 40\n", "    weight: -40\n", "weight must be between 0 and 1000000, found -40"),
        ])
    func outOfRange(_ original: String, _ replacement: String, _ message: String) throws {
        // Before the ranges were checked, an effort of 1e300 crashed `spbe check` converting it to an integer.
        let pack = try Self.pack("range", rules: "")
        let file = URL(fileURLWithPath: pack).appendingPathComponent("indicators.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(
            text.replacingOccurrences(of: original, with: replacement, options: [], range: text.range(of: original))
                .utf8
        ).write(to: file)
        let inventory = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-weak.yaml").path
        let result = try SPBEProcess.run(["check", "--pack", pack, "--as-of", "2025-06-30", inventory])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[pack.out_of_range]: \(message)"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("a predicate bound outside the levels is an error")
    func predicateRange() throws {
        let pack = try Self.pack("predicate", rules: "")
        let file = URL(fileURLWithPath: pack).appendingPathComponent("pack.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(
            text.replacingOccurrences(
                of: "{name: {id: Memuaskan, en: Excellent}, min: 4.2}",
                with: "{name: {id: Memuaskan, en: Excellent}, min: 1e300}"
            ).utf8
        ).write(to: file)
        let inventory = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-weak.yaml").path
        let result = try SPBEProcess.run(["check", "--pack", pack, "--as-of", "2025-06-30", inventory])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("error[pack.out_of_range]: predicate min must be between 0 and 5, found 1e+300"),
            "\(result.stderr)")
    }

    @Test("extends cannot read devices, nor fan out to an exponential number of packs")
    func extendsBounds() throws {
        let device = Self.folder.appendingPathComponent("device")
        try? FileManager.default.removeItem(at: device)
        try FileManager.default.createDirectory(at: device, withIntermediateDirectories: true)
        try Data("spbe_pack: 1\nextends: [/dev/zero]\npack: {id: d, title: D, version: 0.0.1, framework: x}\n".utf8)
            .write(to: device.appendingPathComponent("pack.yaml"))
        let inventory = SPBEProcess.packageRoot.appendingPathComponent("Tests/Fixtures/inventories/mini-good.yaml").path
        let read = try SPBEProcess.run(["check", "--pack", device.path, inventory], timeout: 20)
        #expect(read.status == 2)
        #expect(read.stderr.contains("the base pack '/dev/zero' is not a folder or a pack file"), "\(read.stderr)")

        // Eight levels, each naming the next level twenty times: 20^8 loads without a bound.
        let fan = Self.folder.appendingPathComponent("fan")
        try? FileManager.default.removeItem(at: fan)
        for level in 0..<8 {
            let here = fan.appendingPathComponent("p\(level)")
            try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
            let bases =
                level < 7
                ? "extends: [" + Array(repeating: "../p\(level + 1)", count: 20).joined(separator: ", ") + "]\n" : ""
            try Data("spbe_pack: 1\n\(bases)pack: {id: p\(level), title: P, version: 0.0.1, framework: x}\n".utf8)
                .write(to: here.appendingPathComponent("pack.yaml"))
        }
        let started = Date()
        let fanned = try SPBEProcess.run(["pack", "lint", fan.appendingPathComponent("p0").path], timeout: 60)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(fanned.status == 2)
        #expect(
            fanned.stderr.contains("error[pack.too_many_bases]")
                || fanned.stdout.contains("error[pack.too_many_bases]"), "\(fanned.stderr)")
    }
}
