extension Array {
    /// `count` copies of `value`, as `init(repeating:count:)` makes them, but allocated by code specialized for
    /// `Element`. `init(repeating:count:)` allocates in the standard library's unspecialized code, which looks up
    /// the storage class's metadata at run time on every call, under a shared atomic counter: per record and per
    /// evaluation, that cost more than filling the array, and more again with two workers.
    @inlinable
    public init(filledWith value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }
}
