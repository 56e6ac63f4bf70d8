import Diagnostics
import Engine
import Foundation
import Packs

extension CheckAdapter {
    /// An index with its domain and aspect parts, scored by the pack's own `Scorer` from per-indicator levels.
    struct Breakdown: Sendable {
        /// One domain's or aspect's index.
        struct Part: Sendable {
            let id: String
            let name: String
            let index: Double?
        }

        let index: Double?
        let predicate: String?
        let domains: [Part]
        let aspects: [Part]
    }

    /// The pack's score of `levels` by indicator id (an indicator without a level counts at its scale's floor),
    /// with the index of each domain and aspect.
    func breakdown(packPath: String, levels: [String: Int]) throws(Failure) -> Breakdown {
        let pack = try pack(packPath)
        let score = Scorer(pack: pack).score(levels: pack.indicators.map { levels[$0.spec.id] ?? $0.lowestLevel })
        func parts(_ parts: [PartScore]) -> [Breakdown.Part] {
            parts.map { Breakdown.Part(id: $0.id, name: $0.name, index: $0.index) }
        }
        return Breakdown(
            index: score.index, predicate: score.predicate, domains: parts(score.domains),
            aspects: parts(score.aspects))
    }

    /// The id of the pack at `packPath` (`spbe-2020`).
    func packID(_ packPath: String) throws(Failure) -> String { try pack(packPath).pack.metadata.id }

    /// The mapping between the indicators of the packs at `older` and `newer` (paths as periods store them), read
    /// from the bundled `rules/mappings/OLD-to-NEW.yaml` and checked against both packs; nil when both are the same
    /// framework or no mapping links them.
    func mapping(older: String, newer: String) throws(Failure) -> FrameworkMapping? {
        let from = try pack(older)
        let to = try pack(newer)
        guard from.pack.metadata.id != to.pack.metadata.id else { return nil }
        let folder = URL(fileURLWithPath: Self.bundledPackPath()).deletingLastPathComponent()
            .appendingPathComponent("mappings")
        let path = folder.appendingPathComponent("\(from.pack.metadata.id)-to-\(to.pack.metadata.id).yaml").path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let loaded = FrameworkMappingLoader.load(
            path: path, fromIDs: from.indicators.map(\.spec.id), toIDs: to.indicators.map(\.spec.id))
        guard let mapping = loaded.mapping else {
            throw Failure(message: loaded.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return mapping
    }
}
