import DataModel
import Diagnostics
import Engine

/// The compact SARIF results of an inventory's findings, written straight from the findings into its part's
/// block: byte for byte `SARIFReporter.findingResults` encoded and compacted (SARIFCompactTests), with no
/// `SARIFLog.Result` built.
///
/// Perf: the members are written in their sorted order as runs of fixed bytes between the values, and what is the
/// same for every finding of the inventory (its OPD and pemda, each rule's id, each file's URI) is escaped once;
/// building a result of strings, arrays and dictionaries for each finding and writing it member by member was
/// most of writing a SARIF log (callgrind, 100 OPDs of spbe-bench).
struct SARIFFindingWriter {
    private let evaluation: InventoryEvaluation
    private let report: Report
    private let omitNotEvidenced: Bool
    /// `"},"properties":{"opd":"…","outcome":"`.
    private let propertiesHead: [UInt8]
    /// `,"pemda":"…"`, or nothing when the inventory names no pemda.
    private let pemdaMember: [UInt8]
    /// `},"ruleId":"…","ruleIndex":…` of each rule, made at its first finding.
    private var ruleTails: [[UInt8]?]
    /// `"uri":"…"` and its base of each file, made at its first finding: an inventory's are in a file or two.
    private var uris: [(path: String, members: [UInt8])] = []
    /// Where a message is worded before it is escaped.
    private var message: [UInt8] = []

    /// A writer of `evaluation`'s findings in `report`; not-evidenced ones left out when `omitNotEvidenced`.
    init(_ evaluation: InventoryEvaluation, report: Report, omitNotEvidenced: Bool) {
        self.evaluation = evaluation
        self.report = report
        self.omitNotEvidenced = omitNotEvidenced
        var properties = Array("\"},\"properties\":{\"opd\":".utf8)
        properties.append(jsonString: evaluation.opdID)
        properties += ",\"outcome\":\"".utf8
        propertiesHead = properties
        var pemda: [UInt8] = []
        if let name = evaluation.pemda.givenName {
            pemda += ",\"pemda\":".utf8
            pemda.append(jsonString: name)
        }
        pemdaMember = pemda
        ruleTails = Array(repeating: nil, count: report.pack.rules.count)
    }

    /// `},"partialFingerprints":{"spbeFinding/v2":"`.
    private static let fingerprintHead: [UInt8] = {
        var bytes = Array("},\"partialFingerprints\":{".utf8)
        bytes.append(jsonString: "spbeFinding/v\(FindingFingerprint.version)")
        bytes += ":\"".utf8
        return bytes
    }()

    /// Adds the result of each finding to `block`.
    mutating func write(into block: inout SARIFResultBlock) {
        for finding in evaluation.findings {
            let failed = finding.outcome == .fail
            if !failed && omitNotEvidenced { continue }
            let level = SARIFReporter.level(
                kind: failed ? "fail" : "review", severity: report.pack.rules[finding.ruleIndex].spec.severity)
            let rank = SARIFReporter.rank(failed: failed, setAside: finding.waiver != nil, level: level)
            block.add(rank: rank) { write(finding, failed: failed, level: level, into: &$0) }
        }
    }

    private mutating func write(_ finding: SubjectResult, failed: Bool, level: String, into bytes: inout [UInt8]) {
        let rule = report.pack.rules[finding.ruleIndex]
        bytes.append(UInt8(ascii: "{"))
        if let state = report.baselineState(finding, in: evaluation) {
            Self.append("\"baselineState\":", to: &bytes)
            bytes.append(jsonString: state.rawValue)
            bytes.append(UInt8(ascii: ","))
        }
        Self.append(failed ? "\"kind\":\"fail\",\"level\":\"" : "\"kind\":\"review\",\"level\":\"", to: &bytes)
        bytes.append(utf8: level)
        Self.append("\",\"locations\":[{", to: &bytes)
        location(finding.location, into: &bytes)
        Self.append("}],\"message\":{\"text\":", to: &bytes)
        wordMessage(finding, failed: failed, title: rule.spec.title)
        bytes.append(jsonString: message)
        bytes += Self.fingerprintHead
        let end = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 16))
        let fingerprint = report.fingerprintValue(finding, in: evaluation)
        bytes.withUnsafeMutableBufferPointer {
            FindingFingerprint.write(fingerprint, into: UnsafeMutableBufferPointer(rebasing: $0[end..<end + 16]))
        }
        bytes += propertiesHead
        bytes.append(utf8: finding.outcome.rawValue)
        bytes.append(UInt8(ascii: "\""))
        bytes += pemdaMember
        Self.append(",\"subject\":", to: &bytes)
        bytes.append(jsonString: finding.subject)
        bytes += ruleTail(finding.ruleIndex)
        if let position = finding.waiver {
            let waiver = report.waivers.waivers[position]
            Self.append(",\"suppressions\":[{\"justification\":", to: &bytes)
            bytes.append(jsonString: "\(waiver.reason) (\(waiver.approvedBy), s.d. \(waiver.until))")
            Self.append(",\"kind\":\"external\",\"status\":\"accepted\"}]", to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The result's message into `message`: a failure's own (its rule's title when it has none); for a
    /// not-evidenced subject, `SARIFReporter.reviewMessage`.
    private mutating func wordMessage(_ finding: SubjectResult, failed: Bool, title: LocalizedText) {
        message.removeAll(keepingCapacity: true)
        if failed {
            if !finding.writeMessage(into: &message) { message.append(utf8: title.text(in: report.language)) }
            return
        }
        let subject = finding.subject
        message.append(utf8: title.text(in: report.language))
        message += " — ".utf8
        if subject == "opd" {
            message.append(utf8: evaluation.opdName.isEmpty ? evaluation.source : evaluation.opdName)
        } else {
            message.append(utf8: subject)
        }
        message += ": ".utf8
        _ = finding.writeMessage(into: &message)
    }

    /// A location's members, as `SARIFReporter.location` gives them.
    private mutating func location(_ location: SourceLocation, into bytes: inout [UInt8]) {
        let cell = location.sheet.map { _ in location.cell }
        if let sheet = location.sheet, let cell {
            Self.append("\"logicalLocations\":[{\"fullyQualifiedName\":", to: &bytes)
            bytes.append(jsonString: "\(sheet)!\(cell)")
            Self.append(",\"kind\":\"element\",\"name\":", to: &bytes)
            bytes.append(jsonString: cell)
            Self.append("}],", to: &bytes)
        }
        Self.append("\"physicalLocation\":{\"artifactLocation\":{", to: &bytes)
        bytes += uriMembers(location.file)
        Self.append("},\"region\":{\"startColumn\":", to: &bytes)
        bytes.append(decimal: location.column)
        Self.append(",\"startLine\":", to: &bytes)
        bytes.append(decimal: location.line)
        Self.append("}}", to: &bytes)
        if let sheet = location.sheet, let cell {
            Self.append(",\"properties\":{\"cell\":", to: &bytes)
            bytes.append(jsonString: cell)
            Self.append(",\"sheet\":", to: &bytes)
            bytes.append(jsonString: sheet)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `"uri":"…"`, and its base id for a relative path, of the file at `path`.
    private mutating func uriMembers(_ path: String) -> [UInt8] {
        if let known = uris.first(where: { $0.path == path }) { return known.members }
        var members = Array("\"uri\":".utf8)
        members.append(jsonString: SARIFReporter.uri(path))
        if !path.hasPrefix("/") {
            members += ",\"uriBaseId\":".utf8
            members.append(jsonString: SARIFReporter.sourceRoot)
        }
        uris.append((path, members))
        return members
    }

    /// `},"ruleId":"…","ruleIndex":…` of the rule at `index`.
    private mutating func ruleTail(_ index: Int) -> [UInt8] {
        if let known = ruleTails[index] { return known }
        var tail = Array("},\"ruleId\":".utf8)
        tail.append(jsonString: report.pack.rules[index].spec.id)
        tail += ",\"ruleIndex\":".utf8
        tail.append(decimal: index)
        ruleTails[index] = tail
        return tail
    }

    private static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
