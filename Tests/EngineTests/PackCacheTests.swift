import Engine
import Foundation
import Packs
import Testing

@Suite("pack cache")
struct PackCacheTests {
    private static func compile() throws -> CompiledPack {
        let loaded = PackLoader.load(path: FixturePaths.pack("mini"))
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        return try #require(PackCompiler.compile(pack).pack)
    }

    @Test("a value is made once per pack and key; a pack compiled again is another pack")
    func keptPerPackAndKey() throws {
        let cache = PackCache<String, Int>()
        let pack = try Self.compile()
        var made = 0
        func value(_ pack: CompiledPack, _ key: String) -> Int {
            cache.value(for: pack, key: key) {
                made += 1
                return made
            }
        }
        #expect(value(pack, "id") == 1)
        #expect(value(pack, "id") == 1)
        #expect(value(pack, "en") == 2)
        let recompiled = try Self.compile()
        #expect(value(recompiled, "id") == 3)
        #expect(value(pack, "id") == 1)
        #expect(made == 3)
    }

    @Test("past its capacity the oldest value is made again")
    func capacity() throws {
        let cache = PackCache<Int, Int>(capacity: 2)
        let pack = try Self.compile()
        var made = 0
        for key in [1, 2, 3, 1] {
            _ = cache.value(for: pack, key: key) {
                made += 1
                return key
            }
        }
        #expect(made == 4)
    }
}
