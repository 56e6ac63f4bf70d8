/// Numbers written so they read back exactly.
enum NumberText {
    /// The shortest text that reads back as `number`: `12`, `81.3`, `1e-05`.
    static func shortest(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }
}
