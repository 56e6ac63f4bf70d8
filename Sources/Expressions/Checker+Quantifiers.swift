import DataModel
import Diagnostics

extension TypeChecker {
    /// `all/any/none/count(source as name where filter, predicate)`: the source is checked outside the
    /// quantifier's scope, the filter and predicate inside it, with the element in a fresh slot.
    mutating func checkQuantifier(_ node: SyntaxNode, _ quantifier: Quantifier) -> ValueType {
        let sourceType = check(quantifier.source)
        var element = ValueType.unknown
        if let elementType = sourceType.elementType {
            element = elementType
        } else {
            diagnostics.report(.quantifierSource(quantifier.kind, found: sourceType, at: quantifier.source.location))
        }
        let slot = scopes.count
        scopes.append(QuantifierScope(binding: quantifier.binding?.text, element: element, slot: slot))
        slotCount = max(slotCount, scopes.count)
        resolutions[node.id] = .quantifier(slot: slot)
        for part in [quantifier.filter, quantifier.predicate].compactMap({ $0 }) {
            let type = check(part)
            if !type.fits(.bool) {
                let role =
                    part == quantifier.filter
                    ? "the 'where' filter of \(quantifier.kind.rawValue)()"
                    : "the condition of \(quantifier.kind.rawValue)()"
                diagnostics.report(.needsBool(role, found: type, at: part.location))
            }
        }
        scopes.removeLast()
        if quantifier.kind == .all, quantifier.predicate == nil {
            diagnostics.report(.missingPredicate(at: node.location))
        }
        return quantifier.kind == .count ? .int : .bool
    }
}
