import Foundation
import Testing

/// An OPD is known by its pemda and its id: Disdukcapil has the id 2.12.0.00.0.00.01.0000 in every regency, and
/// nothing may take Bantul's for Gunungkidul's.
@Suite("pemda identities", .serialized)
struct PemdaIdentityTests {
    private let bantul = "examples/kabupaten-bantul/disdukcapil.yaml"
    private let gunungkidul = "examples/disdukcapil-gunungkidul.yaml"

    private func check(_ arguments: [String]) throws -> SPBEProcess.Result {
        try SPBEProcess.run(["check", "--as-of", "2025-06-30", "--fail-on", "none", "--quiet"] + arguments)
    }

    private func report(_ path: String, extra: [String] = []) throws -> [String: Any] {
        let result = try check(["--format", "json", path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func temporary(_ object: Any) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pemda-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url.path
    }

    private func findings(_ report: [String: Any]) -> [[String: Any]] {
        JSONReportFindings.of((report["inventories"] as? [[String: Any]])?.first)
    }

    @Test("equal OPD ids of two pemdas give different fingerprints; the report names the pemda")
    func fingerprints() throws {
        let first = try report(bantul)
        let second = try report(gunungkidul)
        let opd = { (report: [String: Any]) in
            (report["inventories"] as? [[String: Any]])?.first?["opd"] as? [String: Any]
        }
        #expect(opd(first)?["id"] as? String == opd(second)?["id"] as? String)
        #expect(opd(first)?["pemda"] as? String == "Kabupaten Bantul")
        #expect(first["fingerprint_version"] as? Int == 2)
        func keyed(_ report: [String: Any]) -> [String: String] {
            Dictionary(
                findings(report).map { ("\($0["rule"]!) \($0["subject"]!)", $0["fingerprint"] as? String ?? "") }
            ) { a, _ in a }
        }
        let (a, b) = (keyed(first), keyed(second))
        let shared = Set(a.keys).intersection(b.keys)
        #expect(shared.count > 10)
        #expect(shared.allSatisfy { a[$0] != b[$0] })
    }

    @Test("a baseline of another pemda is refused (exit 2) unless --force, which matches OPDs by id")
    func otherPemda() throws {
        let baseline = try temporary(try report(gunungkidul))
        let refused = try check(["--baseline", baseline, bantul])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error[baseline.other_pemda]"))
        #expect(refused.stderr.contains("'Kabupaten Gunungkidul', none of 'Kabupaten Bantul'"))
        let forced = try check(["--baseline", baseline, "--force", bantul])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("warning[baseline.other_pemda]"))
        #expect(forced.stdout.contains("tetap"))
    }

    @Test("a baseline of another pack is refused (exit 2) unless --force")
    func otherPack() throws {
        let baseline = try temporary(try report(gunungkidul))
        let refused = try check(["--pack", "rules/pemdi-2026", "--baseline", baseline, gunungkidul])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error[baseline.other_pack]"))
        #expect(refused.stderr.contains("spbe-2020"))
        let forced = try check(["--pack", "rules/pemdi-2026", "--baseline", baseline, "--force", gunungkidul])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test("a baseline from before pemda identities still matches, with a warning")
    func oldBaseline() throws {
        var old = try report(gunungkidul)
        old.removeValue(forKey: "fingerprint_version")
        old["inventories"] = (old["inventories"] as? [[String: Any]] ?? []).map { inventory in
            var copy = inventory
            copy["opd"] = (inventory["opd"] as? [String: Any])?.filter { $0.key == "id" || $0.key == "name" }
            // Findings in a flat list, as reports before schema version 4 wrote them, without fingerprints.
            copy["findings"] = JSONReportFindings.of(inventory).map { $0.filter { $0.key != "fingerprint" } }
            return copy
        }
        let path = try temporary(old)
        let result = try check(["--format", "json", "--baseline", path, gunungkidul])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning[baseline.no_pemda]"))
        let now = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let states = findings(now).compactMap { $0["baseline_state"] as? String }
        #expect(!states.isEmpty && states.allSatisfy { $0 == "unchanged" })
    }

    @Test("spbe score gives each pemda its own estimate, never one of both")
    func scoreByPemda() throws {
        let arguments = [
            "score", "--as-of", "2025-06-30", "examples/dinkes-sleman.yaml", gunungkidul,
            "examples/diskominfo-sleman.yaml",
        ]
        let result = try SPBEProcess.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(reports.count == 2)
        let text = try SPBEProcess.run(arguments)
        #expect(text.stdout.contains("estimasi tingkat pemda untuk Kabupaten Sleman dari 2 inventaris"))
        #expect(text.stdout.contains("simulasi tingkat OPD untuk Dinas Kependudukan dan Pencatatan Sipil"))
    }

    @Test("spbe evidence refuses inventories of several pemdas")
    func evidenceOfOnePemda() throws {
        let result = try SPBEProcess.run([
            "evidence", "--as-of", "2025-06-30", "examples/dinkes-sleman.yaml", gunungkidul,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("inventory.several_pemdas"))
    }
}
