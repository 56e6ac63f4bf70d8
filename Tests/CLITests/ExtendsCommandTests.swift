import Foundation
import Testing

@Suite("extends and framework extension")
struct ExtendsCommandTests {
    private func pack(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spbe-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("pack.yaml"))
        return folder.path
    }

    static let header = "spbe_pack: 1\npack: {id: anak, title: Anak, version: 0.1.0, framework: Uji}\n"

    @Test("a bundled pack is named by its folder's name, from anywhere")
    func byName() throws {
        for base in ["spbe-2020", "inventory"] {
            let path = try pack("extends: [\(base)]\n" + Self.header)
            let result = try SPBEProcess.run(["pack", "lint", path])
            #expect(result.status == 0, "\(base): \(result.stdout)")
        }
    }

    @Test("a base that is not found is an error at its entry, naming the bundled packs")
    func notFound() throws {
        let path = try pack("extends: [spbe-2021]\n" + Self.header)
        let result = try SPBEProcess.run(["pack", "lint", path])
        #expect(result.status == 2)
        #expect(
            result.stdout.contains(
                "\(path)/pack.yaml:1:11: error[pack.extends_not_found]: the base pack 'spbe-2021' is not found"),
            "\(result.stdout)")
        #expect(result.stdout.contains("did you mean 'spbe-2020'?"))
    }

    @Test("redeclaring a base's aspect is an error naming both positions")
    func conflict() throws {
        let path = try pack(
            "extends: [spbe-2020]\n" + Self.header
                + "framework:\n  domains:\n    - {id: D9, name: Baru, weight: 1, aspects: [{id: A1, name: Lagi, weight: 1}]}\n"
        )
        let result = try SPBEProcess.run(["pack", "lint", path])
        #expect(result.status == 2)
        #expect(
            result.stdout.contains(
                "error[pack.framework_conflict]: aspect 'A1' is already declared by the base pack (at "),
            "\(result.stdout)")
        #expect(result.stdout.contains("rules/spbe-2020/pack.yaml:"))
    }

    @Test("reweighting without keeping the sums is a lint warning")
    func reweight() throws {
        let path = try pack("extends: [spbe-2020]\n" + Self.header + "override:\n  domains:\n    D2: {weight: 30}\n")
        let result = try SPBEProcess.run(["pack", "lint", "--strict", path])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "warning[pack.weight_sum]: aspect weights of D2 add up to 25, but the domain weighs 30"),
            "\(result.stdout)")
        // The warning points at the weight that does not add up: here the override's.
        #expect(result.stdout.contains("\(path)/pack.yaml:6:18: warning[pack.weight_sum]"), "\(result.stdout)")
    }
}
