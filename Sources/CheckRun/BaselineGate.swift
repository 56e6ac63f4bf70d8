import DataModel
import Diagnostics
import Reporting

/// Decides, pemda by pemda as a run meets them, whether the baseline may be compared with that pemda's OPDs: a
/// baseline of another pemda is refused unless forced, and one from before pemda identities is warned about once.
struct BaselineGate {
    private let baseline: Baseline?
    private let force: Bool
    private var checked: Set<PemdaIdentity> = []
    private var warnedLegacy = false

    init(baseline: Baseline?, force: Bool) {
        self.baseline = baseline
        self.force = force
    }

    /// The diagnostics for the first inventory of `pemda` (none for a pemda already met), and whether they refuse
    /// the comparison.
    mutating func admit(_ pemda: PemdaIdentity) -> (diagnostics: [Diagnostic], refused: Bool) {
        guard let baseline, checked.insert(pemda).inserted else { return ([], false) }
        var diagnostics: [Diagnostic] = []
        if !warnedLegacy, let warning = baseline.legacyWarning(runNames: pemda) {
            diagnostics.append(warning)
            warnedLegacy = true
        }
        guard let mismatch = baseline.pemdaMismatch(pemda, force: force) else { return (diagnostics, false) }
        return (diagnostics + [mismatch], !force)
    }
}
