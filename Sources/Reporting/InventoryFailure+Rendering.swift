/// How each format shows the inventories a run could not report on (`Report.inventoryFailures`): an error entry
/// of its own kind, never a finding, so no count of findings changes.
extension Report {
    /// The heading of the error entries in the report's language.
    var failuresHeading: String {
        language == "en" ? "Not reported (evaluation error)" : "Tidak dilaporkan (galat evaluasi)"
    }

    /// The badge of one error entry.
    var failureBadge: String { language == "en" ? "ERROR" : "GALAT" }
}

extension TextReporter {
    /// A heading and a line per failure, before the summary; nothing without failures.
    func failureLines(_ report: Report) -> [String] {
        guard !report.inventoryFailures.isEmpty else { return [] }
        return ["", report.failuresHeading + ":"]
            + report.inventoryFailures.map { "  \(report.failureBadge) \($0.line)" }
    }
}

extension JSONReporter {
    /// `inventory_errors`: one object per failure (`source`, `code`, `message`, `location`).
    func failures(_ report: Report, into json: inout JSONWriter) {
        json.key("inventory_errors")
        json.beginArray()
        for failure in report.inventoryFailures {
            json.beginObject()
            json.key("source")
            json.string(failure.source)
            json.key("code")
            json.string(failure.code)
            json.key("message")
            json.string(failure.message)
            json.key("location")
            if let location = failure.location { self.location(location, into: &json) } else { json.null() }
            json.endObject()
        }
        json.endArray()
    }
}

extension CSVReporter {
    /// A row per failure: its inventory, `error` as the outcome, the pack position as the location, the message.
    func failureRows(_ report: Report) -> [UInt8] {
        Array(
            report.inventoryFailures.map { failure in
                row([
                    failure.source, "", "", "", "", "", "", "error", "", "", "", failure.location?.file ?? "",
                    failure.location.map { String($0.line) } ?? "", failure.location.map { String($0.column) } ?? "",
                    "", "", "\(failure.message) [\(failure.code)]", "", "",
                ])
            }.joined().utf8)
    }
}

extension JUnitReporter {
    /// A suite of errored test cases, one per failure; nothing without failures.
    func failureSuite(_ report: Report) -> [UInt8] {
        guard !report.inventoryFailures.isEmpty else { return [] }
        let cases = report.inventoryFailures.map { failure in
            "    <testcase classname=\"\(XMLText.escape(failure.source))\" name=\"\(XMLText.escape(failure.code))\" time=\"0\">"
                + "<error message=\"\(XMLText.escape(failure.message))\" type=\"\(XMLText.escape(failure.code))\"/>"
                + "</testcase>\n"
        }
        let count = report.inventoryFailures.count
        return Array(
            ("  <testsuite name=\"\(XMLText.escape(report.failuresHeading))\" tests=\"\(count)\" failures=\"0\" errors=\"\(count)\" skipped=\"0\" time=\"0\">\n"
                + cases.joined() + "  </testsuite>\n").utf8)
    }
}

extension MarkdownReporter {
    /// A section listing the failures, after the title; nothing without failures.
    func failureLines(_ report: Report) -> [String] {
        guard !report.inventoryFailures.isEmpty else { return [] }
        return ["", "## \(report.failuresHeading)", ""]
            + report.inventoryFailures.map {
                "- **\(report.failureBadge)** `\($0.source)`: \($0.message) (`\($0.code)`)"
            }
    }
}

extension HTMLReporter {
    /// A section listing the failures, first in the page; nothing without failures.
    func failureSection(_ report: Report) -> [String] {
        guard !report.inventoryFailures.isEmpty else { return [] }
        let e = XMLText.escape
        let items = report.inventoryFailures.map { failure in
            "<li class=\"critical\"><span class=\"badge\">\(e(report.failureBadge))</span> <code>\(e(failure.source))</code> "
                + "\(e(failure.message)) <span class=\"where\">\(e(failure.code))</span></li>"
        }
        return ["<section class=\"failures\"><h2>\(e(report.failuresHeading))</h2><ul class=\"findings\">"] + items
            + ["</ul></section>"]
    }
}

extension SARIFReporter {
    /// `run` with the failures as tool execution notifications of level `error` (SARIF 2.1.0 §3.20.21) and its
    /// invocation unsuccessful; `run` itself without failures.
    static func addingFailures(of report: Report, to run: SARIFLog.Run) -> SARIFLog.Run {
        guard !report.inventoryFailures.isEmpty else { return run }
        let notifications = report.inventoryFailures.map { failure in
            SARIFLog.Notification(level: "error", message: .init(text: failure.line))
        }
        let earlier = run.invocations?.flatMap(\.toolExecutionNotifications) ?? []
        return SARIFLog.Run(
            tool: run.tool, automationDetails: run.automationDetails, originalUriBaseIds: run.originalUriBaseIds,
            invocations: [.init(executionSuccessful: false, toolExecutionNotifications: earlier + notifications)],
            results: run.results, properties: run.properties)
    }
}
