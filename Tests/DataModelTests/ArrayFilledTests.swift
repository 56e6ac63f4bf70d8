import DataModel
import Testing

@Suite("arrays filled with one value")
struct ArrayFilledTests {
    @Test("holds count copies of the value, as init(repeating:count:) does", arguments: [0, 1, 7, 64])
    func filled(count: Int) {
        #expect(
            [Value](filledWith: .string("aktif"), count: count) == [Value](repeating: .string("aktif"), count: count))
        #expect([Bool](filledWith: true, count: count) == [Bool](repeating: true, count: count))
    }
}
