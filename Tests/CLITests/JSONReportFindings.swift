/// The findings of an inventory of a JSON report (schema version 4 keeps each under its rule's result), each with
/// its rule's id added as `rule`, as reports before version 4 wrote them.
enum JSONReportFindings {
    static func of(_ inventory: [String: Any]?) -> [[String: Any]] {
        (inventory?["rules"] as? [[String: Any]] ?? []).flatMap { rule in
            (rule["findings"] as? [[String: Any]] ?? []).map { finding in
                var named = finding
                named["rule"] = rule["id"]
                return named
            }
        }
    }
}
