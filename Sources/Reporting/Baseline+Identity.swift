import DataModel
import Diagnostics

/// Whether a baseline is of the same pack and pemdas as the run compared with it: a comparison across them
/// would call every finding new or fixed and move the index by the difference between two pemdas.
extension Baseline {
    /// An error when the baseline was checked with another pack (id or version); a warning instead when `force`.
    public func packMismatch(id: String, version: String, force: Bool) -> Diagnostic? {
        guard let pack, pack.id != id || pack.version != version else { return nil }
        return Diagnostic(
            force ? .warning : .error, code: "baseline.other_pack",
            "the baseline '\(path)' was checked with pack \(pack.id) \(pack.version), this run with \(id) \(version)"
                + (force ? "; compared anyway (--force)" : ""),
            at: nil,
            suggestion: force ? nil : "check the baseline again with this pack, or pass --force to compare anyway"
        )
    }

    /// An error when the baseline holds no OPD of `pemda` (version 2 baselines; a version 1 one knows no pemda); a
    /// warning instead when `force`.
    public func pemdaMismatch(_ pemda: PemdaIdentity, force: Bool) -> Diagnostic? {
        guard fingerprintVersion >= 2 else { return nil }
        let held = inventories.map(\.opd.identity)
        guard !held.contains(pemda) else { return nil }
        var names: [String] = []
        for identity in held where !names.contains(Self.shown(identity)) { names.append(Self.shown(identity)) }
        return Diagnostic(
            force ? .warning : .error, code: "baseline.other_pemda",
            "the baseline '\(path)' holds OPDs of \(names.joined(separator: ", ")), none of \(Self.shown(pemda))"
                + (force ? "; OPDs are matched by id alone (--force)" : ""),
            at: nil,
            suggestion: force ? nil : "pass the baseline of the same pemda, or --force to match OPDs by id alone"
        )
    }

    /// A warning for a baseline from before pemda identities, when the run names a pemda: its OPDs are matched by
    /// id alone, so an OPD of another pemda with the same id would be taken for the same one.
    public func legacyWarning(runNames pemda: PemdaIdentity) -> Diagnostic? {
        guard fingerprintVersion == 1, pemda.isNamed else { return nil }
        return Diagnostic(
            .warning, code: "baseline.no_pemda",
            "the baseline '\(path)' predates pemda identities (fingerprint version 1): its OPDs are matched by id alone, "
                + "whatever their pemda",
            at: nil, suggestion: "write a new baseline with this spbe to compare by pemda and id"
        )
    }

    private static func shown(_ pemda: PemdaIdentity) -> String {
        pemda.isNamed ? "'\(pemda.name)'" : "no named pemda"
    }
}
