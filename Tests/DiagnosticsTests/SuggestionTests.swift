import Diagnostics
import Testing

@Suite("did you mean")
struct SuggestionTests {
    @Test(
        "a one-letter typo suggests the field",
        arguments: [
            ("hostng", "hosting"), ("hostin", "hosting"), ("tpye", "type"),
            ("securty_audit_date", "security_audit_date"),
        ])
    func typo(input: String, expected: String) {
        #expect(
            Suggestion.closest(to: input, among: ["id", "name", "type", "hosting", "security_audit_date"]) == expected)
    }

    @Test("an unrelated word suggests nothing")
    func unrelated() {
        #expect(Suggestion.closest(to: "budget", among: ["id", "name", "hosting"]) == nil)
        #expect(Suggestion.closest(to: "x", among: ["id", "name"]) == nil)
    }

    @Test("the hint reads as a question")
    func hint() {
        #expect(Suggestion.didYouMean("hostng", among: ["hosting"]) == "did you mean 'hosting'?")
    }

    @Test("ties go to the first candidate")
    func ties() {
        #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    }
}
