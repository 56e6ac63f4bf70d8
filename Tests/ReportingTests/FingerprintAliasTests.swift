import DataModel
import Engine
import Foundation
import Inventories
import Packs
import Testing

@testable import Reporting

@Suite("fingerprints of renamed rules")
struct FingerprintAliasTests {
    @Test("a finding of a renamed rule keeps the fingerprint it had under the rule's oldest id")
    func renamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spbe-fingerprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(
            """
            spbe_pack: 1
            pack: {id: t, title: Uji, version: 0.0.1, framework: Test}
            framework:
              scales:
                proses: [{level: 1, name: Rintisan}]
              domains:
                - {id: D1, name: Layanan, weight: 100, aspects: [{id: A1, name: Aplikasi, weight: 100}]}
            schema:
              opd:
                fields:
                  id: {type: string, required: true}
              collections:
                applications:
                  fields:
                    id: {type: string, required: true}
            indicators:
              - {id: I01, name: Aplikasi, aspect: A1, weight: 100, scale: proses, levels: {1: {require: 'true'}}}
            rules:
              - {id: APP-NEW, aliases: [APP-OLD], title: Baru, severity: high, each: applications, require: 'false'}
            """.utf8
        ).write(to: folder.appendingPathComponent("pack.yaml"))
        let loaded = PackLoader.load(path: folder.path)
        let source = try #require(loaded.pack, "\(loaded.diagnostics)")
        let pack = try #require(PackCompiler.compile(source).pack)
        let inventoryFile = folder.appendingPathComponent("opd.yaml")
        try Data("spbe_inventory: 1\nopd: {id: '1.02'}\napplications:\n  - {id: APP-01}\n".utf8).write(
            to: inventoryFile)
        let inventory = try #require(InventoryLoader(schema: pack.schema).load(path: inventoryFile.path).inventory)
        let evaluation = try Evaluator(pack: pack, asOf: Day(iso: "2025-06-30")!).evaluate(inventory)
        let report = Report(
            pack: pack, asOf: Day(iso: "2025-06-30")!, evaluations: [evaluation], failOn: nil, toolVersion: "test")
        let finding = try #require(evaluation.findings.first)
        #expect(
            report.fingerprint(finding, in: evaluation)
                == FindingFingerprint.of(pemda: evaluation.pemda, rule: "APP-OLD", opd: "1.02", subject: "APP-01"))
    }
}
