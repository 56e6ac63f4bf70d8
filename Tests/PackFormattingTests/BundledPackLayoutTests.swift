import Foundation
import Testing

@testable import PackFormatting

@Suite("spbe pack fmt --check on the bundled packs")
struct BundledPackLayoutTests {
    @Test("every bundled pack file is already in the canonical layout, an indicator's part after its number")
    func bundledPacksAreCanonical() throws {
        let rules = PackFormatterTests.rules
        let packs = try FileManager.default.contentsOfDirectory(atPath: rules.path).sorted().filter {
            FileManager.default.fileExists(
                atPath: rules.appendingPathComponent($0).appendingPathComponent("pack.yaml").path)
        }
        #expect(packs.contains("spbe-2018"))
        for pack in packs {
            let folder = rules.appendingPathComponent(pack)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                #expect(PackFormatterTests.formatted(text) == text, "\(pack)/\(name) is not in the canonical layout")
            }
        }
    }

    @Test("an indicator's part stays between its number and its name, and a rule's aliases after its id")
    func partAndAliasesHaveTheirPlace() {
        let indicator = "indicators:\n  - id: I1\n    name: A\n    part: 2\n    number: 35\n"
        #expect(
            PackFormatterTests.formatted(indicator)
                == "indicators:\n  - id: I1\n    number: 35\n    part: 2\n    name: A\n")
        let rule = "rules:\n  - id: R1\n    title: T\n    aliases: [R0]\n    severity: low\n    require: 'true'\n"
        #expect(
            PackFormatterTests.formatted(rule)
                == "rules:\n  - id: R1\n    aliases: [R0]\n    title: T\n    severity: low\n    require: 'true'\n")
    }
}
