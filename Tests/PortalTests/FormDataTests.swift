import Foundation
import Testing

@testable import Portal

@Suite("A JSON request body")
struct FormDataTests {
    @Test(
        "a lone surrogate escape reads as U+FFFD; a pair, an escaped backslash and other escapes are kept",
        arguments: [
            (#"{"name": "a\udaf1b"}"#, "a\u{FFFD}b"), (#"{"name": "\udc00"}"#, "\u{FFFD}"),
            (#"{"name": "\ud83d\ude00"}"#, "😀"), (#"{"name": "\\udaf1"}"#, #"\udaf1"#),
            (#"{"name": "tab\tquote\" \u00e9\ud800"}"#, "tab\tquote\" é\u{FFFD}"),
        ])
    func loneSurrogates(_ body: String, _ name: String) throws {
        let form = try #require(FormData(json: Data(body.utf8), integers: []))
        #expect(form["name"] == name)
    }

    @Test("text members and whole-number members are read as text")
    func stringsAndNumbers() throws {
        let form = try #require(
            FormData(json: Data(#"{"name": "Dinas Kesehatan", "opd_id": 7}"#.utf8), integers: ["opd_id"]))
        #expect(form["name"] == "Dinas Kesehatan")
        #expect(form["opd_id"] == "7")
    }

    @Test(
        "a member of another type than declared makes the body unreadable",
        arguments: [
            #"{"name": false}"#, #"{"name": true}"#, #"{"name": null}"#, #"{"pack": {}}"#, #"{"name": ["a"]}"#,
            #"{"name": 0}"#, #"{"opd_id": "7"}"#, #"{"opd_id": 1.5}"#,
        ]
    )
    func mistypedMember(body: String) {
        #expect(FormData(json: Data(body.utf8), integers: ["opd_id"]) == nil)
    }

    @Test("a body that is not an object is unreadable", arguments: ["[]", "\"name\"", "{", ""])
    func notAnObject(body: String) {
        #expect(FormData(json: Data(body.utf8), integers: ["opd_id"]) == nil)
    }
}
