import Engine

/// One SARIF run's share of a report: its scope (the last segment of its automation id), what it covers, the
/// positions of its inventories' parts and its pemdas, whose cross-OPD findings it reports.
struct SARIFRunPlan {
    var scope: String
    let description: String
    var inventories: [Int]
    var regencies: [RegencyEvaluation]

    /// The report divided as `split` asks: one run, one per OPD (the cross-OPD findings of each pemda a run of
    /// their own), or one per pemda folder; a scope that repeats gets `-2`, `-3`… Reads each part's source. A run
    /// whose every inventory failed still has one run, which carries the failures' notifications.
    static func plans(_ split: SARIFSplit, report: Report, parts: any HeldParts) -> [SARIFRunPlan] {
        let sources = (0..<parts.count).map {
            String(decoding: FramedPart.firstField(of: $0, in: parts), as: UTF8.self)
        }
        var plans: [SARIFRunPlan]
        switch split {
        case .none:
            let folder = SARIFReporter.commonFolder(sources + report.regencies.map { $0.folder + "/" })
            plans = [
                SARIFRunPlan(
                    scope: folder.map(SARIFReporter.slug) ?? "all", description: "every inventory of the run",
                    inventories: Array(0..<parts.count), regencies: report.regencies)
            ]
        case .opd:
            plans = sources.enumerated().map { position, source in
                SARIFRunPlan(
                    scope: SARIFReporter.slug(source.replacingOccurrences(of: "/", with: "-")),
                    description: "the inventory \(source)", inventories: [position], regencies: [])
            }
            plans += report.regencies.filter { !$0.crossFindings.isEmpty }.map { regency in
                SARIFRunPlan(
                    scope: SARIFReporter.slug(regency.folder) + "/cross-opd",
                    description: "the cross-OPD findings of \(regency.folder)", inventories: [], regencies: [regency])
            }
        case .pemda:
            plans = []
            var positions: [String: Int] = [:]
            func plan(of folder: String) -> Int {
                if let position = positions[folder] { return position }
                positions[folder] = plans.count
                plans.append(
                    SARIFRunPlan(
                        scope: SARIFReporter.slug(folder), description: "the inventories in \(folder)",
                        inventories: [], regencies: []))
                return plans.count - 1
            }
            for (position, source) in sources.enumerated() {
                plans[plan(of: RegencyEvaluator.folder(of: source))].inventories.append(position)
            }
            for regency in report.regencies { plans[plan(of: regency.folder)].regencies.append(regency) }
        }
        if plans.isEmpty && !report.inventoryFailures.isEmpty {
            plans = [
                SARIFRunPlan(
                    scope: "all", description: "every inventory of the run", inventories: [], regencies: [])
            ]
        }
        var seen: [String: Int] = [:]
        for position in plans.indices {
            let scope = plans[position].scope
            seen[scope, default: 0] += 1
            if seen[scope]! > 1 { plans[position].scope = "\(scope)-\(seen[scope]!)" }
        }
        return plans
    }
}
