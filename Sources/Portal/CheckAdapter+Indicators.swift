import Engine
import Foundation

extension CheckAdapter {
    /// An indicator of a period's pack as the responsibility matrix lists it.
    struct IndicatorLine: Sendable, Equatable {
        /// Its stable id (`I13`).
        let id: String
        /// Its official number, when it has one.
        let number: Int?
        /// Its official name.
        let name: String
        /// Whether the pack decides it once for the whole pemda (`pemda_level:`).
        let pemdaLevel: Bool
    }

    /// The indicators of the pack at `packPath` (empty: the bundled SPBE pack), in the pack's order.
    func indicators(packPath: String) throws(Failure) -> [IndicatorLine] {
        try pack(packPath).indicators.map {
            IndicatorLine(
                id: $0.spec.id, number: $0.spec.number, name: $0.spec.name, pemdaLevel: $0.pemdaLevelReason != nil)
        }
    }

    /// Each indicator's estimated level in a stored JSON report, by indicator id (the report's first inventory).
    static func levels(inJSONReport data: Data) -> [String: Estimate] {
        guard let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let inventory = (report["inventories"] as? [[String: Any]])?.first,
            let indicators = inventory["indicators"] as? [[String: Any]]
        else { return [:] }
        // The targets are in the top-level indicators table (schema version 3 on), in the result before it.
        var targets: [String: Int] = [:]
        for indicator in report["indicators"] as? [[String: Any]] ?? [] {
            guard let id = indicator["id"] as? String, let target = (indicator["target"] as? NSNumber)?.intValue
            else { continue }
            targets[id] = target
        }
        var levels: [String: Estimate] = [:]
        for indicator in indicators {
            guard let id = indicator["id"] as? String, let level = (indicator["level"] as? NSNumber)?.intValue else {
                continue
            }
            levels[id] = Estimate(level: level, target: (indicator["target"] as? NSNumber)?.intValue ?? targets[id])
        }
        return levels
    }

    /// An indicator's level estimated from an inventory, with the pack's target for it.
    struct Estimate: Sendable, Equatable {
        /// The estimated level.
        let level: Int
        /// The level a unit should reach, when the pack sets one.
        let target: Int?

        /// Whether the level reaches the target (true without a target).
        var meetsTarget: Bool { target.map { level >= $0 } ?? true }
    }
}
