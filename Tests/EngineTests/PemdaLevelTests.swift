import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Testing

/// In a regency run, an OPD's simulated index takes the pemda's level for the indicators the pemda decides
/// (`pemda_level:` in rules/spbe-2020/pack.yaml), so that it moves when, and only when, something the OPD itself
/// controls changes. Checked on copies of `examples/kabupaten-bantul` with one file edited.
@Suite("pemda-level indicators in a regency run")
struct PemdaLevelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let bantul = root.appendingPathComponent("examples/kabupaten-bantul")

    let pack: CompiledPack
    let asOf = Day(iso: "2025-06-30")!

    init() throws {
        let loaded = PackLoader.load(path: Self.root.appendingPathComponent("rules/spbe-2020").path)
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        pack = try #require(PackCompiler.compile(source).pack)
    }

    /// The regency with `edits` (file name → text transformation) applied to copies of its files.
    private func regency(editing edits: [String: (String) -> String] = [:]) throws -> RegencyEvaluation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bantul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.bantul.path).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        let inventories = try files.map { file in
            var text = try String(contentsOf: Self.bantul.appendingPathComponent(file), encoding: .utf8)
            if let edit = edits[file] {
                let edited = edit(text)
                #expect(edited != text, "the edit of \(file) changes nothing")
                text = edited
            }
            let path = folder.appendingPathComponent(file).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let loaded = InventoryLoader(schema: pack.schema).load(path: path)
            return try #require(loaded.inventory, "\(loaded.diagnostics)")
        }
        let regencies = try RegencyEvaluator(evaluator: Evaluator(pack: pack, asOf: asOf)).evaluate(inventories)
        return try #require(regencies.first)
    }

    private func member(_ file: String, of regency: RegencyEvaluation) throws -> InventoryEvaluation {
        try #require(regency.members.first { $0.source.hasSuffix("/" + file) })
    }

    private var shared: [Int] { pack.indicators.filter { $0.pemdaLevelReason != nil }.map(\.index) }

    private func sharedLevels(_ evaluation: InventoryEvaluation) -> [Int] {
        shared.map { evaluation.indicators[$0].level }
    }

    /// A document of the pemda's kind that only the pemda can enact, added to an OPD's inventory.
    private static func addArchitecturePolicy(_ text: String) -> String {
        text.replacingOccurrences(
            of: "documents:\n",
            with:
                "documents:\n  - {id: X-DOC-ARS, title: \"Peraturan Bupati tentang Arsitektur SPBE\", kind: kebijakan, topic: arsitektur, status: ditetapkan, approved_date: 2024-02-01}\n"
        )
    }

    /// Everything under `services:` removed: the OPD's own electronic services are gone.
    private static func removeServices(_ text: String) -> String {
        guard let start = text.range(of: "\nservices:\n") else { return text }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n[a-z_]+:", options: .regularExpression)?.lowerBound ?? rest.endIndex
        return String(text[..<start.lowerBound]) + "\n" + String(rest[end...])
    }

    @Test("every member takes the pemda's level on pemda-level indicators, marked, and the pemda index is its own")
    func membersTakeThePemdaLevel() throws {
        let regency = try regency()
        #expect(!shared.isEmpty)
        for member in regency.members {
            #expect(sharedLevels(member) == sharedLevels(regency.pemda), "\(member.source)")
            #expect(shared.allSatisfy { member.indicators[$0].fromPemda })
            #expect(
                member.indicators.indices.filter { !shared.contains($0) }.allSatisfy {
                    !member.indicators[$0].fromPemda
                })
        }
        let alone = try Evaluator(pack: pack, asOf: asOf).evaluate(
            try #require(
                InventoryLoader(schema: pack.schema).load(path: Self.bantul.appendingPathComponent("dinsos.yaml").path)
                    .inventory)
        )
        let dinsos = try member("dinsos.yaml", of: regency)
        // A1 (policies) and A4 (Tim Koordinasi, collaboration) are wholly pemda-level: the pemda's values.
        for aspect in ["A1", "A4"] {
            let position = try #require(pack.aspects.firstIndex { $0.id == aspect })
            #expect(dinsos.score.aspects[position].index == regency.pemda.score.aspects[position].index)
            #expect(
                (dinsos.score.aspects[position].index ?? 0) > (alone.score.aspects[position].index ?? 0), "\(aspect)")
        }
    }

    @Test("an OPD's index does not move when it records a pemda-level document the pemda already has")
    func ownPemdaLevelEvidenceDoesNotCount() throws {
        let before = try regency()
        let after = try regency(editing: ["dinsos.yaml": Self.addArchitecturePolicy])
        #expect(sharedLevels(after.pemda) == sharedLevels(before.pemda))
        #expect(try member("dinsos.yaml", of: after).score.index == member("dinsos.yaml", of: before).score.index)
    }

    @Test("an OPD's index does not move when another OPD changes what that OPD controls")
    func anotherOPDDoesNotCount() throws {
        let before = try regency()
        let after = try regency(editing: ["dinkes.yaml": Self.removeServices])
        #expect(sharedLevels(after.pemda) == sharedLevels(before.pemda))
        #expect(try member("dinkes.yaml", of: after).score.index != member("dinkes.yaml", of: before).score.index)
        for file in ["dinsos.yaml", "bappeda.yaml", "diskominfo.yaml", "disdukcapil.yaml"] {
            #expect(try member(file, of: after).score.index == member(file, of: before).score.index, "\(file)")
        }
    }

    @Test("an OPD's index moves when something it controls changes")
    func ownChangeCounts() throws {
        let before = try regency()
        let after = try regency(editing: ["disdukcapil.yaml": Self.removeServices])
        #expect(
            try member("disdukcapil.yaml", of: after).score.index != member("disdukcapil.yaml", of: before).score.index)
    }
}
