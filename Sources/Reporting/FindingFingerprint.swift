import Engine

/// A stable fingerprint of a finding: the rule, the OPD and the subject's key, hashed with FNV-1a 64.
///
/// It survives reordering and unrelated edits of the inventory (positions are not part of it), so a finding keeps
/// its identity between runs (SARIF `partialFingerprints`, baselines).
enum FindingFingerprint {
    static func of(rule: String, opd: String, subject: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(rule)\u{1F}\(opd)\u{1F}\(subject)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
