import DataModel
import Engine

/// A stable fingerprint of a finding: the pemda, the OPD, the rule and the subject's key, hashed with FNV-1a 64.
///
/// It survives reordering and unrelated edits of the inventory (positions are not part of it), so a finding keeps
/// its identity between runs (SARIF `partialFingerprints`, baselines).
enum FindingFingerprint {
    /// The version reports write (`fingerprint_version` in the JSON report, `spbeFinding/v2` in SARIF).
    static let version = 2

    /// Version 2: the pemda's identity key is part of the hash, so equal OPD ids of two pemdas never collide.
    static func of(pemda: PemdaIdentity, rule: String, opd: String, subject: String) -> String {
        hash("v2\u{1F}\(pemda.key)\u{1F}\(rule)\u{1F}\(opd)\u{1F}\(subject)")
    }

    /// Version 1 (reports before pemda identities): rule, OPD id and subject only; read in old baselines.
    static func version1(rule: String, opd: String, subject: String) -> String {
        hash("\(rule)\u{1F}\(opd)\u{1F}\(subject)")
    }

    private static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
