/// Three-valued (Kleene) logic: `nil` is "not known".
enum Kleene {
    /// False if either side is false, else unknown if either is unknown, else true. The right side is only
    /// evaluated when the left does not decide.
    @inline(__always)
    static func and(_ left: Bool?, _ right: () -> Bool?) -> Bool? {
        if left == false { return false }
        let second = right()
        if second == false { return false }
        return left == true && second == true ? true : nil
    }

    /// True if either side is true, else unknown if either is unknown, else false. The right side is only
    /// evaluated when the left does not decide.
    @inline(__always)
    static func or(_ left: Bool?, _ right: () -> Bool?) -> Bool? {
        if left == true { return true }
        let second = right()
        if second == true { return true }
        return left == false && second == false ? false : nil
    }
}
