import Engine

extension CheckAdapter {
    /// The index and predicate of the pack at `packPath` (empty: the bundled pack) for `levels` by indicator id; an
    /// indicator without a level counts at its scale's floor.
    func score(packPath: String, levels: [String: Int]) throws(Failure) -> (index: Double?, predicate: String?) {
        let pack = try pack(packPath)
        let score = Scorer(pack: pack).score(levels: pack.indicators.map { levels[$0.spec.id] ?? $0.lowestLevel })
        return (score.index, score.predicate)
    }
}
