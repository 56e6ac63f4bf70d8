import Testing

@testable import Reporting

/// The JSON writer's numbers and keys, written straight into bytes, read as `String(value)` and the key would.
@Suite("JSON writer")
struct JSONWriterTests {
    @Test("integers are written as their decimal text", arguments: [0, 7, 10, -1, -40, 1_234_567_890, .max, .min])
    func integer(_ value: Int) {
        var json = JSONWriter(pretty: false)
        json.int(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
    }

    @Test("members in compact and pretty output, with the encoder's spaced colon")
    func members() {
        var compact = JSONWriter(pretty: false)
        var spaced = JSONWriter(pretty: true, spacedColon: true)
        for index in 0..<2 {
            var json = index == 0 ? compact : spaced
            json.beginObject()
            json.key("ruleIndex")
            json.int(12)
            json.key(text: "spbe\"Finding/v1")
            json.string("a\nb")
            json.endObject()
            if index == 0 { compact = json } else { spaced = json }
        }
        #expect(String(decoding: compact.bytes, as: UTF8.self) == #"{"ruleIndex":12,"spbe\"Finding/v1":"a\nb"}"#)
        #expect(
            String(decoding: spaced.bytes, as: UTF8.self)
                == "{\n  \"ruleIndex\" : 12,\n  \"spbe\\\"Finding/v1\" : \"a\\nb\"\n}")
    }
}
