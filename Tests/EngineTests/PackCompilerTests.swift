import Diagnostics
import Engine
import Packs
import Testing

@Suite("compiling packs")
struct PackCompilerTests {
    @Test("a typo, a type error and a syntax error are all reported, with positions, in one run")
    func threeErrors() throws {
        let loaded = PackLoader.load(path: FixturePaths.pack("broken"))
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        #expect(compiled.pack == nil)
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(errors)")
        let typo = try #require(errors.first { $0.code == "type.unknown_field" || $0.code == "type.unknown_name" })
        #expect(typo.location?.line == 44)
        #expect(typo.location?.column == 14)
        #expect(typo.suggestion == "did you mean 'hosting'?")
        #expect(errors.contains { $0.code == "type.mismatch" && $0.location?.line == 50 })
        #expect(errors.contains { $0.code.hasPrefix("parse.") && $0.location?.line == 56 })
    }

    @Test("rules that depend on each other through passes() in a cycle are rejected")
    func cycle() throws {
        let loaded = PackLoader.load(path: FixturePaths.pack("cycle.yaml"))
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let compiled = PackCompiler.compile(pack)
        #expect(compiled.pack == nil)
        #expect(compiled.diagnostics.contains { $0.code == "pack.rule_cycle" })
    }
}
