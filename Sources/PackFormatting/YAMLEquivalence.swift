import YAMLSource

/// Whether two YAML documents hold the same data: scalars with the same text and the same quoting (a quoted
/// `"1"` is a string, a plain `1` a number), sequences in the same order, mappings with the same keys and values
/// in any order. Positions and comments are not compared.
enum YAMLEquivalence {
    static func same(_ left: YAMLNode?, _ right: YAMLNode?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (let left?, let right?): return same(left, right)
        default: return false
        }
    }

    static func same(_ left: YAMLNode, _ right: YAMLNode) -> Bool {
        if let leftScalar = left.scalarValue, let rightScalar = right.scalarValue {
            return leftScalar.text == rightScalar.text && left.isQuoted == right.isQuoted
                && leftScalar.tag == rightScalar.tag
        }
        if let leftItems = left.sequenceItems, let rightItems = right.sequenceItems {
            return leftItems.count == rightItems.count && zip(leftItems, rightItems).allSatisfy { same($0, $1) }
        }
        if let leftEntries = left.mappingEntries, let rightEntries = right.mappingEntries {
            guard leftEntries.count == rightEntries.count else { return false }
            let keyed = { (entries: [YAMLEntry]) in
                entries.sorted { ($0.key.scalar ?? "") < ($1.key.scalar ?? "") }
            }
            return zip(keyed(leftEntries), keyed(rightEntries)).allSatisfy {
                same($0.key, $1.key) && same($0.value, $1.value)
            }
        }
        return false
    }
}
