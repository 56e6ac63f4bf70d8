import Diagnostics
import Engine
import Packs
import Reporting
import Spreadsheets
import YAMLSource

extension CheckRun {
    /// A run of `pack` with the waiver file and baseline report at the given paths (each optional), their
    /// diagnostics handed to `sink`; nil when either has errors, or the baseline is of another pack and
    /// `options.force` is off.
    public static func prepare<Sink: CheckRunSink>(
        pack: CompiledPack, waivers: String?, baseline: String?, reader: InventoryReader, options: Options,
        into sink: inout Sink
    ) -> CheckRun? {
        var waiverSet = WaiverSet.none
        if let waivers {
            let loaded = WaiverLoader.load(
                path: waivers, ruleIDs: pack.rules.flatMap(\.spec.names), limits: reader.yamlLimits)
            sink.diagnosed(loaded.diagnostics, sources: loaded.text.map { [waivers: $0] } ?? [:])
            guard let list = loaded.waivers else { return nil }
            waiverSet = WaiverSet(list, pack: pack)
        }
        var previous: Baseline?
        if let baseline {
            // A report is larger than the inventories it describes: up to 16 times the largest input file.
            let (maxBytes, overflow) = reader.yamlLimits.maxFileBytes.multipliedReportingOverflow(by: 16)
            let loaded = Baseline.load(path: baseline, maxBytes: overflow ? .max : maxBytes)
            if let diagnostic = loaded.diagnostic {
                sink.diagnosed([diagnostic], sources: [:])
                return nil
            }
            previous = loaded.baseline
            previous?.matchesAcrossPemdas = options.force
            let metadata = pack.pack.metadata
            if let mismatch = previous?.packMismatch(id: metadata.id, version: metadata.version, force: options.force) {
                sink.diagnosed([mismatch], sources: [:])
                if !options.force { return nil }
            }
        }
        return CheckRun(pack: pack, waivers: waiverSet, baseline: previous, reader: reader, options: options)
    }
}
