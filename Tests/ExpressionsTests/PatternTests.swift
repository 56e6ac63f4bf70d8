import DataModel
import Foundation
import Testing

@testable import Expressions

/// `matches()` runs on an automaton: the same answers as a backtracking engine on ordinary patterns, and linear
/// time on the patterns that make a backtracking engine take exponential or high polynomial time.
@Suite("matches() patterns")
struct PatternTests {
    private func matches(_ pattern: String, _ text: String) -> Value? {
        let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return Fixtures.evaluate("matches(name, '\(escaped)')", subject: ["name": .string(text)])
    }

    static let ordinary: [(String, [String])] = [
        ("^[1-8][.][0-9]{2}[.][0-9]{2}$", ["1.02.03", "9.02.03", "1.2.03", "1.02.03x", ""]),
        (
            "(?i)aplikasi umum|berbagi pakai|bagi pakai",
            ["Kebijakan Aplikasi Umum", "BAGI PAKAI data", "aplikasi khusus"]
        ),
        (
            "^https://[a-z0-9.-]+\\.go\\.id(/|$)",
            ["https://slemankab.go.id/", "https://slemankab.go.id", "https://x.go.idx", "http://a.go.id"]
        ),
        ("^\\d{4}-\\d{2}-\\d{2}$", ["2024-01-31", "2024-1-31", "２０２４-01-31"]),
        ("colou?r", ["color", "colour", "colr"]),
        ("a{2,3}b", ["ab", "aab", "aaab", "aaaab"]),
        ("a{2,}$", ["a", "aa", "aaaa"]),
        ("[^a-c]x", ["ax", "dx", "x"]),
        ("\\bSIM\\w*\\b", ["SIMPUS", "ASIMPUS", "e-SIMPEG"]),
        ("^\\s*$", ["", "   ", " a "]),
        ("x$", ["x", "x\n", "xy"]),
        ("(?i:ab)c", ["ABc", "ABC"]),
        ("a.c", ["abc", "a\nc", "a😀c"]),
        ("[\\w.-]+@[\\w-]+\\.id", ["tu.dinas@sleman.go.id", "@x.id", "a@b.id"]),
        ("(a|ab)(c|bcd)(d*)", ["abcd", "acd", "ab"]),
        ("", ["", "a"]),
    ]

    @Test("answers as a backtracking engine does on ordinary patterns", arguments: ordinary)
    func sameAnswers(_ pattern: String, _ texts: [String]) throws {
        let regex = try Regex(pattern)
        for text in texts {
            #expect(matches(pattern, text) == .bool(text.contains(regex)), "\(pattern) on \(text)")
        }
    }

    static let edges: [(String, String, Bool)] = [
        ("", "", true),
        ("^$", "", true),
        ("a?", "", true),
        ("a", "", false),
        ("\\b", "", false),
        ("\\B", "", true),
        ("\\bab\\b", "ab", true),
        ("\\bab\\b", "xab", false),
        ("\\bab\\b", "abx", false),
        ("\\bab\\b", "-ab-", true),
        ("\\Bb\\B", "abc", true),
        ("\\Bb\\B", "ab", false),
        ("\\bé", "café", false),  // é is a word scalar
        ("é\\b", "café", true),
        ("\\b日本\\b", "日本", true),
        ("^caf.$", "cafe\u{301}", false),  // e and a combining acute accent: two scalars
        ("^caf..$", "cafe\u{301}", true),
        ("e\\B", "cafe\u{301}", true),  // a combining mark is a word scalar
        ("^😀+$", "😀😀", true),
        ("^.{3}$", "a😀b", true),
        ("^[^a-z]$", "😀", true),
        ("b$", "😀b", true),
    ]

    @Test("reads the text scalar by scalar, with word boundaries at both ends", arguments: edges)
    func edgesOfTheText(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(matches(pattern, text) == .bool(expected), "\(pattern) on \(text)")
    }

    @Test(
        "a pattern that meets ^ first on every path is anchored",
        arguments: [
            ("^a", true), ("^a|^b", true), ("(?:^a|^b)c", true), ("\\b^a", true), ("^", true), ("^$|^x", true),
            ("$^", true),
            ("", false), ("a", false), ("a^", false), ("^a|b", false), ("(^|x)b", false), ("(^a)*b", false),
        ])
    func anchored(_ pattern: String, _ expected: Bool) throws {
        #expect(try PatternProgram(pattern).anchored == expected)
    }

    @Test(
        "an anchored search, which stops once no thread is left, answers as a backtracking engine does",
        arguments: [
            ("^a|^b", "xb", false), ("^a|b", "xb", true), ("(^|x)b", "xb", true), ("^b", "ab", false),
            ("^a*$", "aab", false), ("^a+", "aab", true), ("\\b^a", "a", true), ("^$", "a", false),
            ("^[1-8][.][0-9]{2}$", "1.02", true), ("^[1-8][.][0-9]{2}$", "1.02.", false),
            ("^[1-8][.][0-9]{2}$", "x1.02", false),
        ])
    func anchoredSearch(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(matches(pattern, text) == .bool(expected))
        #expect(text.contains(try Regex(pattern)) == expected)
    }

    @Test(
        "a pattern of fixed ASCII positions is checked byte by byte, answering as the automaton",
        arguments: [
            ("^[1-8][.][0-9]{2}[.][0-9]{2}$", true), ("^ab[c-e]{3}$", true), ("^$", true),
            ("^[\u{0}-\u{7F}]{2}$", true),
            ("^[0-9]{2}", false), ("[0-9]{2}$", false), ("^\\d{2}$", false), ("^[^x]$", false), ("(?i)^k$", false),
            ("^a?$", false), ("^a|b$", false), ("^é$", false), ("^[a-é]$", false), ("^.$", false), ("^\\w$", false),
        ])
    func fixedPattern(_ pattern: String, _ fixed: Bool) throws {
        let program = try PatternProgram(pattern)
        let shortcut = FixedPattern(program)
        #expect((shortcut != nil) == fixed)
        guard let shortcut else { return }
        let texts = [
            "", "1.02.03", "1.02.0", "1.02.034", "9.02.03", "1,02.03", "abcde", "abccc", "abcdef", "ab", "a",
            "\u{7F}\u{0}",
            "1.02.0\u{663}", "abc\u{301}de", "\u{212A}", "ab\u{E9}cd", "1.0\u{FF12}.03",
        ]
        for text in texts {
            #expect(shortcut.matches(text) == program.search(text), "\(pattern) on \(text.debugDescription)")
        }
    }

    @Test(
        "a class answers ASCII scalars from its bitmap as it does from its items",
        arguments: [
            "[a-z]", "[^a-c]", "\\d", "\\W", "\\s", "[\\w.-]", "(?i)[a-z]", "(?i)[^K]", "[^\\S\\n]", "[!-~]",
            "[\u{0}-\u{7F}]",
        ])
    func asciiBitmap(_ pattern: String) throws {
        let program = try PatternProgram(pattern)
        guard case .set(let set, let ascii) = program.instructions.first else {
            Issue.record("\(pattern) does not start with a class")
            return
        }
        for value in UInt8(0)..<128 {
            let scalar = Unicode.Scalar(value)
            #expect(ascii.contains(scalar) == set.contains(scalar), "\(pattern) on U+\(String(value, radix: 16))")
        }
    }

    @Test(
        "a class tests scalars past ASCII against its items",
        arguments: [
            ("[a-z]", "\u{212A}", false),  // the Kelvin sign
            ("(?i)[a-z]", "\u{212A}", true),  // whose lower case is k
            ("(?i)[^k]", "\u{212A}", false),
            ("\\w", "é", true),
            ("\\d", "٣", true),
            ("[^a-z]", "é", true),
            ("\\s", "\u{A0}", true),
            ("[!-~]", "é", false),
            ("(?i)[!-~]", "\u{212A}", true),
        ])
    func classBeyondASCII(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(matches(pattern, text) == .bool(expected), "\(pattern) on \(text)")
    }

    @Test("two ASCII scalars are equal ignoring case as their Unicode case mappings say")
    func caselessASCII() {
        for a in UInt8(0)..<128 {
            for b in UInt8(0)..<128 {
                let (a, b) = (Unicode.Scalar(a), Unicode.Scalar(b))
                let mapped =
                    a == b || PatternCase.variants(of: a).contains(b) || PatternCase.variants(of: b).contains(a)
                #expect(PatternCase.equalIgnoringCase(a, b) == mapped, "\(a) and \(b)")
            }
        }
    }

    @Test(
        "caseless matching",
        arguments: [
            ("(?i)aplikasi umum", "Kebijakan APLIKASI Umum", true),
            ("(?i)bagi", "BAG1", false),
            ("(?i)k", "\u{212A}", true),  // the Kelvin sign, whose lower case is k
            ("k", "\u{212A}", false),
            ("(?i)é", "É", true),
            ("(?i)straße", "STRASSE", false),  // ß upper-cases to two scalars
            ("(?i)S", "ſ", true),  // the long s upper-cases to S
            ("(?i)s", "ſ", false),  // but s is not one of its cases
            ("(?i)@", "`", false),  // one bit apart, as A and a are
            ("(?i)\\[", "{", false),
            ("(?i:a)b", "AB", false),
        ])
    func caseless(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(matches(pattern, text) == .bool(expected), "\(pattern) on \(text)")
    }

    static let catastrophic = [
        "(a|a)*b",  // exponential for a backtracking engine: 22 characters took 4.6 s
        "(a|aa)*b",
        "a*a*a*a*a*a*b",  // polynomial of degree 7: 200 characters took minutes
        ".*.*.*=.*",
        String(repeating: "a?", count: 30) + "a{30}",
        "([a-z]|[a-y])*!",
    ]

    @Test("patterns that make a backtracking engine explode run in linear time", arguments: catastrophic)
    func linearTime(_ pattern: String) {
        let text = String(repeating: "a", count: 1_000)
        let started = Date()
        #expect(matches(pattern, text) != nil)
        #expect(Date().timeIntervalSince(started) < 2, "\(pattern) took \(Date().timeIntervalSince(started)) s")
    }

    @Test(
        "what is not a regular language, or not supported, is a compile error",
        arguments: [
            ("(a)\\1", "backreferences are not supported"),
            ("(?=a)b", "lookaround and named groups are not supported"),
            ("(?<name>a)", "lookaround and named groups are not supported"),
            ("a++", "possessive repetition is not supported"),
            ("*a", "nothing to repeat before '*'"),
            ("(ab", "expected ')'"),
            ("ab)", "unmatched ')'"),
            ("[ab", "expected ']'"),
            ("[z-a]", "invalid range z-a"),
            ("a{5,2}", "the repetition {5,2} is empty"),
            ("a{2000}", "repetition counts go up to 1000"),
            ("(?x)a", "unsupported group '(?x'"),
            ("(?-x)a", "only the flag 'i' is supported"),
            ("\\p{L}", "unsupported escape '\\p'"),
            (
                "[a-z]{1000}[a-z]{1000}[a-z]{1000}[a-z]{1000}[a-z]{1000}x",
                "the pattern is too large once its repetitions are expanded"
            ),
        ])
    func rejected(_ pattern: String, _ reason: String) {
        let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\")
        let (compiled, diagnostics) = Fixtures.compile("matches(name, '\(escaped)')")
        #expect(compiled == nil)
        // The caret is on the pattern (column 16, after the quote), on the backreference itself when there is one.
        let column = pattern == "(a)\\1" ? 19 : 16
        #expect(diagnostics == ["t:1:\(column): error[type.invalid_pattern]: invalid pattern: \(reason)"])
    }

    @Test("a search costs units per character, more for a large program")
    func cost() throws {
        let (compiled, _) = Fixtures.compile("matches(name, '[a-z]{0,500}x')")
        let expression = try #require(compiled)
        let context = EvaluationContext(asOf: Fixtures.day("2024-06-15"))
        context.resetCost(limit: 1_000)
        context.subject = Record(
            values: Fixtures.applications.fields.map {
                $0.name == "name" ? .string(String(repeating: "a", count: 900)) : .null
            },
            location: Fixtures.map.location(line: 0, column: 0), key: "A"
        )
        #expect(expression.evaluate(context) == .null)
        #expect(context.costExceeded)
    }
}
