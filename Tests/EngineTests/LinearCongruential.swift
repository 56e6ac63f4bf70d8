/// A small seeded generator, so the values tried are the same on every run.
struct LinearCongruential {
    var state: UInt64

    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// One of `items`, each as likely.
    mutating func pick<Item>(_ items: [Item]) -> Item { items[next(below: items.count)] }
}
