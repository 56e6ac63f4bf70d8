/// A static estimate of evaluation cost: one per node, with the filter and predicate of a quantifier weighted
/// a hundred times their surroundings (so nested quantifiers weigh 100², 100³, …). Saturates at `Int.max`.
public enum CostEstimator {
    /// Weight of a quantifier body relative to its surroundings.
    public static let quantifierWeight = 100

    /// The estimated cost of `tree`.
    public static func cost(of tree: SyntaxTree) -> Int { cost(tree.root, weight: 1) }

    private static func cost(_ node: SyntaxNode, weight: Int) -> Int {
        var total = weight
        if case .quantifier(let quantifier) = node.kind {
            total = add(total, cost(quantifier.source, weight: weight))
            let (inner, overflow) = weight.multipliedReportingOverflow(by: quantifierWeight)
            let bodyWeight = overflow ? Int.max : inner
            for part in [quantifier.filter, quantifier.predicate].compactMap({ $0 }) {
                total = add(total, cost(part, weight: bodyWeight))
            }
        } else {
            for child in node.children { total = add(total, cost(child, weight: weight)) }
        }
        return total
    }

    private static func add(_ left: Int, _ right: Int) -> Int {
        let (sum, overflow) = left.addingReportingOverflow(right)
        return overflow ? Int.max : sum
    }
}
