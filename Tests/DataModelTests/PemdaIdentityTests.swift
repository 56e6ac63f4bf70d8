import DataModel
import Testing

@Suite("pemda identities")
struct PemdaIdentityTests {
    @Test("the region code identifies a pemda when given, else its name up to letter case and spaces")
    func keys() {
        #expect(PemdaIdentity(code: " 34.02 ", name: "Kabupaten Bantul").key == "kode:34.02")
        #expect(
            PemdaIdentity(code: "34.02", name: "Kab. Bantul") == PemdaIdentity(code: "34.02", name: "Kabupaten Bantul"))
        #expect(
            PemdaIdentity(code: nil, name: "Kabupaten  Bantul") == PemdaIdentity(code: "", name: "kabupaten bantul"))
        #expect(
            PemdaIdentity(code: nil, name: "Kabupaten Bantul")
                != PemdaIdentity(code: nil, name: "Kabupaten Gunungkidul"))
        #expect(PemdaIdentity(code: nil, name: "  ") == .unnamed)
        #expect(!PemdaIdentity.unnamed.isNamed)
        #expect(PemdaIdentity(code: "34.04", name: nil).name == "34.04")
    }

    @Test("a waiver's pemda names it by code or by name")
    func namedBy() {
        let sleman = PemdaIdentity(code: "34.04", name: "Kabupaten Sleman")
        #expect(sleman.isNamed(by: "34.04"))
        #expect(sleman.isNamed(by: " kabupaten   SLEMAN"))
        #expect(!sleman.isNamed(by: "34.02"))
        #expect(!PemdaIdentity.unnamed.isNamed(by: ""))
    }
}
