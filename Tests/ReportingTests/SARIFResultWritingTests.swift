import Testing

@testable import Reporting

/// SARIF results are written straight into bytes; the bytes must be those `SortedJSONEncoder` gives for the same
/// result, with every optional member present or absent and texts that need escaping.
@Suite("SARIF results written directly")
struct SARIFResultWritingTests {
    private static let awkward = "Renja \"2025\" \\ baris\nbaru\ttab\u{01} é — 文"

    private static func location(id: Int?, sheet: String?, message: String?, base: String?) -> SARIFLog.Location {
        SARIFLog.Location(
            id: id,
            physicalLocation: .init(
                artifactLocation: .init(uri: "examples/dinkes%20sleman.yaml", uriBaseId: base),
                region: .init(startLine: 12, startColumn: 5)),
            logicalLocations: sheet.map { [.init(name: "C12", fullyQualifiedName: "\($0)!C12")] },
            message: message.map { .init(text: $0) },
            properties: sheet.map { .init(sheet: $0, cell: "C12") })
    }

    static let results: [SARIFLog.Result] = [
        SARIFLog.Result(
            ruleId: "APP-01", ruleIndex: 0, kind: "fail", level: "error", message: .init(text: "gagal"),
            locations: [location(id: nil, sheet: nil, message: nil, base: "SRCROOT")], relatedLocations: nil,
            partialFingerprints: ["spbeFinding/v2": "0123456789abcdef"], baselineState: nil, suppressions: nil,
            properties: .init(subject: "APP-01", opd: "1.02.1", pemda: nil, outcome: "fail")),
        SARIFLog.Result(
            ruleId: "DOC-RENJA", ruleIndex: 41, kind: "review", level: "none", message: .init(text: awkward),
            locations: [location(id: nil, sheet: "aplikasi", message: nil, base: nil)],
            relatedLocations: [
                location(id: 1, sheet: "aplikasi", message: awkward, base: "SRCROOT"),
                location(id: 2, sheet: nil, message: "kedua", base: nil),
            ],
            partialFingerprints: ["spbeFinding/v2": "ffff", "another/v1": awkward], baselineState: "absent",
            suppressions: [.init(justification: awkward), .init(justification: "disetujui")],
            properties: .init(subject: awkward, opd: "", pemda: "Kabupaten Sleman", outcome: "not_evidenced")),
        SARIFLog.Result(
            ruleId: "CROSS-DUPLICATE-FUNCTION", ruleIndex: 70, kind: "fail", level: "warning",
            message: .init(text: ""), locations: [], relatedLocations: [], partialFingerprints: [:],
            baselineState: "new", suppressions: [],
            properties: .init(subject: "kepegawaian", opd: "kabupaten-bantul", pemda: "Bantul", outcome: "fail")),
    ]

    @Test("each result's bytes are the encoder's, at every depth", arguments: results.indices, [0, 2, 8])
    func sameAsEncoder(_ index: Int, indent: Int) throws {
        let result = Self.results[index]
        let encoded = try SortedJSONEncoder(snakeCaseKeys: false).encode(result, indent: indent)
        #expect(String(decoding: SARIFLog.Result.encoded([result], indent: indent).bytes, as: UTF8.self) == encoded)
    }

    @Test("results written one after the other end where each alone would")
    func oneAfterAnother() throws {
        let (bytes, ends) = SARIFLog.Result.encoded(Self.results, indent: 8)
        let apart = try Self.results.map { try SortedJSONEncoder(snakeCaseKeys: false).encode($0, indent: 8) }
        #expect(zip([0] + ends, ends).map { String(decoding: bytes[$0..<$1], as: UTF8.self) } == apart)
    }
}
