import DataModel
import Testing

@Suite("calendar days")
struct DayTests {
    @Test("round-trips ISO dates", arguments: ["1970-01-01", "2024-02-29", "2000-12-31", "0001-01-01", "9999-12-31"])
    func roundTrip(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test(
        "rejects impossible or malformed dates",
        arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-32", "0000-01-01", "abcd-ef-gh"])
    func rejects(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("counts whole years as an age is counted")
    func wholeYears() throws {
        let audit = try #require(Day(iso: "2023-06-30"))
        #expect(audit.wholeYears(until: try #require(Day(iso: "2025-06-29"))) == 1)
        #expect(audit.wholeYears(until: try #require(Day(iso: "2025-06-30"))) == 2)
        #expect(try #require(Day(iso: "2026-01-01")).wholeYears(until: audit) == -2)
    }

    @Test("whole months and years are the same whether the later day's components are given or worked out")
    func givenComponents() throws {
        let days = try ["2023-01-31", "2023-02-28", "2024-02-29", "2024-03-01", "2025-06-30", "2025-12-31"].map {
            try #require(Day(iso: $0))
        }
        for start in days {
            for end in days {
                #expect(start.wholeMonths(until: end, components: end.components) == start.wholeMonths(until: end))
                #expect(start.wholeYears(until: end, components: end.components) == start.wholeYears(until: end))
            }
        }
        #expect(days[0].wholeMonths(until: days[1]) == 0)
        #expect(days[1].wholeMonths(until: days[0]) == 0)
        #expect(days[0].wholeMonths(until: days[4]) == 28)
    }

    @Test("the epoch is ordinal zero")
    func epoch() {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "1969-12-31")?.ordinal == -1)
    }
}
