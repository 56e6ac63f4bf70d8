import Foundation
import Testing

@testable import Portal

@Suite("A JSON request body")
struct FormDataTests {
    @Test("strings and numbers are read as text")
    func stringsAndNumbers() throws {
        let form = try #require(FormData(json: Data(#"{"name": "Dinas Kesehatan", "opd_id": 7, "ratio": 1.5}"#.utf8)))
        #expect(form["name"] == "Dinas Kesehatan")
        #expect(form["opd_id"] == "7")
        #expect(form["ratio"] == "1.5")
    }

    @Test(
        "a member that is a boolean, null, an object or an array makes the body unreadable",
        arguments: [#"{"name": false}"#, #"{"name": true}"#, #"{"name": null}"#, #"{"pack": {}}"#, #"{"name": ["a"]}"#]
    )
    func mistypedMember(body: String) {
        #expect(FormData(json: Data(body.utf8)) == nil)
    }

    @Test("a body that is not an object is unreadable", arguments: ["[]", "\"name\"", "{", ""])
    func notAnObject(body: String) {
        #expect(FormData(json: Data(body.utf8)) == nil)
    }
}
