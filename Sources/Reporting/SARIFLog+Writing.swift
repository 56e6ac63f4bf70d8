/// A SARIF result written straight into bytes, exactly as `SortedJSONEncoder` encodes it (or that without the
/// whitespace between tokens, compact): keys in sorted order (each writer below writes its members in that order),
/// absent optionals left out. The findings of a compact log are written by `SARIFFindingWriter` instead.
///
/// Perf: a log has a result for every failing and not-evidenced subject, 343 MB of them on the benchmark's 1,000
/// OPDs; encoding each through `Encodable` into a tree and then writing the tree cost more than the rest of the run
/// (`spbe-bench --formats`).
extension SARIFLog.Result {
    /// Each of `results` as it stands `indent` spaces deep (a multiple of 2), its first line not indented, or
    /// compact unless `pretty`: one after the other in `bytes`, the `n`th ending at `ends[n]`.
    static func encoded(_ results: [Self], indent: Int, pretty: Bool = true) -> (bytes: [UInt8], ends: [Int]) {
        var json = JSONWriter(
            pretty: pretty, depth: indent / 2, inPlace: true, spacedColon: true, capacity: results.count << 10)
        var ends: [Int] = []
        ends.reserveCapacity(results.count)
        for result in results {
            json.nextInPlace()
            result.write(into: &json)
            ends.append(json.bytes.count)
        }
        return (json.take(), ends)
    }

    func write(into json: inout JSONWriter) {
        json.beginObject()
        if let baselineState {
            json.key("baselineState")
            json.string(baselineState)
        }
        json.key("kind")
        json.string(kind)
        json.key("level")
        json.string(level)
        json.key("locations")
        json.beginArray()
        for location in locations { location.write(into: &json) }
        json.endArray()
        json.key("message")
        message.write(into: &json)
        json.key("partialFingerprints")
        json.beginObject()
        let fingerprints = partialFingerprints.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (name, fingerprint) in fingerprints {
            json.key(text: name)
            json.string(fingerprint)
        }
        json.endObject()
        json.key("properties")
        properties.write(into: &json)
        if let relatedLocations {
            json.key("relatedLocations")
            json.beginArray()
            for location in relatedLocations { location.write(into: &json) }
            json.endArray()
        }
        json.key("ruleId")
        json.string(ruleId)
        json.key("ruleIndex")
        json.int(ruleIndex)
        if let suppressions {
            json.key("suppressions")
            json.beginArray()
            for suppression in suppressions {
                json.beginObject()
                json.key("justification")
                json.string(suppression.justification)
                json.key("kind")
                json.string(suppression.kind)
                json.key("status")
                json.string(suppression.status)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }
}

extension SARIFLog.Location {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        if let id {
            json.key("id")
            json.int(id)
        }
        if let logicalLocations {
            json.key("logicalLocations")
            json.beginArray()
            for logical in logicalLocations {
                json.beginObject()
                json.key("fullyQualifiedName")
                json.string(logical.fullyQualifiedName)
                json.key("kind")
                json.string(logical.kind)
                json.key("name")
                json.string(logical.name)
                json.endObject()
            }
            json.endArray()
        }
        if let message {
            json.key("message")
            message.write(into: &json)
        }
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.key("uri")
        json.string(physicalLocation.artifactLocation.uri)
        if let base = physicalLocation.artifactLocation.uriBaseId {
            json.key("uriBaseId")
            json.string(base)
        }
        json.endObject()
        json.key("region")
        json.beginObject()
        json.key("startColumn")
        json.int(physicalLocation.region.startColumn)
        json.key("startLine")
        json.int(physicalLocation.region.startLine)
        json.endObject()
        json.endObject()
        if let properties {
            json.key("properties")
            json.beginObject()
            json.key("cell")
            json.string(properties.cell)
            json.key("sheet")
            json.string(properties.sheet)
            json.endObject()
        }
        json.endObject()
    }
}

extension SARIFLog.Text {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("text")
        json.string(text)
        json.endObject()
    }
}

extension SARIFLog.ResultProperties {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("opd")
        json.string(opd)
        json.key("outcome")
        json.string(outcome)
        if let pemda {
            json.key("pemda")
            json.string(pemda)
        }
        json.key("subject")
        json.string(subject)
        json.endObject()
    }
}
