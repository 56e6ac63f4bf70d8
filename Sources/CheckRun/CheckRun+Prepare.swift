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
        guard let waiverSet = waiverSet(pack: pack, path: waivers, reader: reader, into: &sink) else { return nil }
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
        }
        return admitted(
            pack: pack, waivers: waiverSet, baseline: previous, reader: reader, options: options, into: &sink)
    }

    /// A run as above, compared with a baseline already in memory (`Baseline(report:path:)`, say).
    public static func prepare<Sink: CheckRunSink>(
        pack: CompiledPack, waivers: String?, loadedBaseline: Baseline?, reader: InventoryReader, options: Options,
        into sink: inout Sink
    ) -> CheckRun? {
        guard let waiverSet = waiverSet(pack: pack, path: waivers, reader: reader, into: &sink) else { return nil }
        return admitted(
            pack: pack, waivers: waiverSet, baseline: loadedBaseline, reader: reader, options: options, into: &sink)
    }

    /// The waivers of the file at `path` (none without one); nil when it has errors.
    private static func waiverSet<Sink: CheckRunSink>(
        pack: CompiledPack, path: String?, reader: InventoryReader, into sink: inout Sink
    ) -> WaiverSet? {
        guard let path else { return WaiverSet.none }
        let loaded = WaiverLoader.load(path: path, ruleIDs: pack.rules.flatMap(\.spec.names), limits: reader.yamlLimits)
        sink.diagnosed(loaded.diagnostics, sources: loaded.text.map { [path: $0] } ?? [:])
        return loaded.waivers.map { WaiverSet($0, pack: pack) }
    }

    /// The run, unless `baseline` is of another pack and `options.force` is off.
    private static func admitted<Sink: CheckRunSink>(
        pack: CompiledPack, waivers: WaiverSet, baseline: Baseline?, reader: InventoryReader, options: Options,
        into sink: inout Sink
    ) -> CheckRun? {
        var previous = baseline
        previous?.matchesAcrossPemdas = options.force
        let metadata = pack.pack.metadata
        if let mismatch = previous?.packMismatch(id: metadata.id, version: metadata.version, force: options.force) {
            sink.diagnosed([mismatch], sources: [:])
            if !options.force { return nil }
        }
        return CheckRun(pack: pack, waivers: waivers, baseline: previous, reader: reader, options: options)
    }
}
