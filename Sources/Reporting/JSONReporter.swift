import Diagnostics
import Engine
import Packs

/// Renders the versioned JSON report (`schema_version: 4`, documented in `docs/reports.md`, its JSON Schema
/// printed by `spbe schema report`), deterministic byte for byte.
///
/// Sized for machines: compact unless `pretty`; each rule's title, severity, recommendation and references once,
/// in the top-level `rules` table; each indicator's number, name, domain, aspect, weight, target and levels (their
/// names and what each needs) once, in the top-level `indicators` table; an inventory's findings under its result
/// for their rule; a finding's file only when it is not its inventory's `source` (null otherwise), and its message
/// only when it is not worded from its `missing_fields` (a not-evidenced finding's); every field always present
/// (null when it has no value); decimals rounded to four places. Written as a stream: the beginning (up to the
/// opening of `inventories`), one element per inventory, the end; members in a fixed, documented order.
public struct JSONReporter: StreamingReporter {
    /// The version of the report's shape.
    public static let schemaVersion = 4

    /// Compact or indented.
    public let options: ReportOptions

    /// Creates a reporter.
    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    /// The document up to the opening of the `inventories` array: nothing before it depends on the inventories.
    public func begin(_ report: Report) -> [UInt8] {
        var json = JSONWriter(pretty: options.pretty)
        let metadata = report.pack.pack.metadata
        json.beginObject()
        json.key("schema_version")
        json.int(Self.schemaVersion)
        json.key("fingerprint_version")
        json.int(FindingFingerprint.version)
        json.key("tool")
        json.beginObject()
        json.key("name")
        json.string("spbe")
        json.key("version")
        json.string(report.toolVersion)
        json.endObject()
        json.key("pack")
        json.beginObject()
        json.key("id")
        json.string(metadata.id)
        json.key("version")
        json.string(metadata.version)
        json.key("framework")
        json.string(metadata.framework)
        json.key("title")
        json.string(metadata.title.text(in: report.language))
        json.key("provisional")
        json.bool(metadata.provisional)
        json.endObject()
        json.key("as_of")
        json.string(report.asOf.description)
        json.key("fail_on")
        json.string(report.failOn?.rawValue ?? "none")
        json.key("language")
        json.string(report.language)
        json.members(
            PackReportText.bytes(.jsonTables(pretty: options.pretty), pack: report.pack, language: report.language) {
                var tables = JSONWriter(pretty: options.pretty, depth: 1, continuing: true)
                tables.key("rules")
                tables.beginArray()
                for rule in report.pack.rules { ruleEntry(rule.spec, language: report.language, into: &tables) }
                tables.endArray()
                tables.key("indicators")
                tables.beginArray()
                for indicator in report.pack.indicators {
                    indicatorEntry(indicator, pack: report.pack, language: report.language, into: &tables)
                }
                tables.endArray()
                return tables.take()
            })
        json.key("inventories")
        json.beginArray()
        return json.take()
    }

    /// One element of the `inventories` array.
    public func inventory(_ evaluation: InventoryEvaluation, report: Report) -> [UInt8] {
        var json = JSONWriter(pretty: options.pretty, depth: 2)
        inventory(evaluation, report: report, simulation: true, into: &json)
        return json.take()
    }

    /// The comma before every element of the `inventories` array but the first.
    public func separator(position: Int) -> [UInt8] { position == 0 ? [] : [UInt8(ascii: ",")] }

    /// The end of the `inventories` array (of `count` elements), and `regencies`.
    public func regencies(_ report: Report, count: Int) -> [UInt8] {
        var json = JSONWriter(pretty: options.pretty, depth: 1, continuing: true)
        json.endArray(openedElsewhere: count)
        json.key("regencies")
        json.beginArray()
        for regency in report.regencies { self.regency(regency, report: report, into: &json) }
        json.endArray()
        return json.take()
    }

    /// `summary` (from `report.totals`), `waivers`, `inventory_errors`, and the end of the document.
    public func end(_ report: Report, count: Int) -> [UInt8] {
        var json = JSONWriter(pretty: options.pretty, depth: 1, continuing: true)
        let totals = report.totals
        json.key("summary")
        json.beginObject()
        json.key("inventories")
        json.int(totals.inventories)
        json.key("failed")
        json.int(totals.failed)
        json.key("not_evidenced")
        json.int(totals.notEvidenced)
        json.key("passed")
        json.int(totals.passed)
        json.key("blocking")
        json.int(totals.blocking)
        json.endObject()
        json.key("waivers")
        json.beginArray()
        for (waiver, status) in report.waiverStatuses {
            json.beginObject()
            json.key("rule")
            json.string(waiver.ruleID)
            json.key("subject")
            json.string(waiver.subject)
            json.key("opd")
            json.string(waiver.opdID)
            json.key("reason")
            json.string(waiver.reason)
            json.key("approved_by")
            json.string(waiver.approvedBy)
            json.key("until")
            json.string(waiver.until.description)
            json.key("status")
            json.string(status.rawValue)
            json.key("location")
            location(waiver.location, into: &json)
            json.endObject()
        }
        json.endArray()
        failures(report, into: &json)
        json.endObject()
        return json.take() + [0x0A]
    }

    private func ruleEntry(_ spec: RuleSpec, language: String, into json: inout JSONWriter) {
        json.beginObject()
        json.key("id")
        json.string(spec.id)
        json.key("title")
        json.string(spec.title.text(in: language))
        json.key("severity")
        json.string(spec.severity.rawValue)
        json.key("indicator")
        json.string(spec.indicatorID)
        json.key("each")
        json.string(spec.each)
        json.key("recommendation")
        json.string(spec.recommendation?.text(in: language))
        json.key("references")
        json.strings(spec.references)
        json.key("tags")
        json.strings(spec.tags)
        json.key("note")
        json.string(spec.note)
        json.endObject()
    }

    /// An indicator of the top-level `indicators` table: what every inventory's result for it shares, with each
    /// level of its scale (its name, and what it needs: the criteria's description).
    private func indicatorEntry(
        _ indicator: CompiledIndicator, pack: CompiledPack, language: String, into json: inout JSONWriter
    ) {
        let spec = indicator.spec
        json.beginObject()
        json.key("id")
        json.string(spec.id)
        json.key("number")
        json.int(spec.number)
        json.key("name")
        json.string(spec.name)
        json.key("domain")
        json.string(pack.framework.domains[indicator.domainIndex].id)
        json.key("aspect")
        json.string(spec.aspectID)
        json.key("weight")
        json.number(spec.weight)
        json.key("target")
        json.int(spec.target)
        json.key("levels")
        json.beginArray()
        let levels =
            pack.framework.scale(spec.scaleID)?.levels.map { ($0.level, $0.name as String?) }
            ?? spec.levels.map { ($0.level, nil) }
        for (level, name) in levels {
            json.beginObject()
            json.key("level")
            json.int(level)
            json.key("name")
            json.string(name)
            json.key("needs")
            json.string(spec.levels.first { $0.level == level }?.description?.text(in: language))
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// A location; its file null when it is `source` (a finding's, in its inventory's file).
    func location(_ location: SourceLocation, source: String? = nil, into json: inout JSONWriter) {
        json.beginObject()
        json.key("file")
        json.string(location.file == source ? nil : location.file)
        json.key("line")
        json.int(location.line)
        json.key("column")
        json.int(location.column)
        json.key("sheet")
        json.string(location.sheet)
        json.key("cell")
        json.string(location.sheet == nil ? nil : location.cell)
        json.endObject()
    }

    private func location(_ location: Baseline.Location, into json: inout JSONWriter) {
        self.location(
            SourceLocation(file: location.file, line: location.line, column: location.column, sheet: location.sheet),
            into: &json)
    }

    private func parts(_ parts: [PartScore], into json: inout JSONWriter) {
        json.beginArray()
        for part in parts {
            json.beginObject()
            json.key("id")
            json.string(part.id)
            json.key("name")
            json.string(part.name)
            json.key("weight")
            json.number(part.weight)
            json.key("index")
            json.number(part.index)
            json.endObject()
        }
        json.endArray()
    }

    private func score(_ score: Score?, words: ReportWords, into json: inout JSONWriter) {
        guard let score else { return json.null() }
        json.beginObject()
        json.key("index")
        json.number(score.index)
        json.key("index_display")
        json.string(score.index.map(IndexFormatting.twoDecimals))
        json.key("predicate")
        json.string(score.predicate)
        json.key("borderline")
        json.bool(score.borderlineEdge != nil)
        json.key("borderline_note")
        json.string(
            score.index.flatMap { index in score.borderlineEdge.map { words.borderline(index: index, edge: $0) } })
        json.key("domains")
        parts(score.domains, into: &json)
        json.key("aspects")
        parts(score.aspects, into: &json)
        json.endObject()
    }

    private func step(_ item: Recommendation, pack: CompiledPack, into json: inout JSONWriter) {
        json.beginObject()
        json.key("indicator")
        json.string(pack.indicators[item.indicatorIndex].spec.id)
        json.key("from_level")
        json.int(item.fromLevel)
        json.key("to_level")
        json.int(item.toLevel)
        json.key("gain")
        json.number(item.gain)
        json.key("effort")
        json.number(item.effort)
        json.endObject()
    }

    private func inventory(
        _ evaluation: InventoryEvaluation, report: Report, simulation: Bool, into json: inout JSONWriter
    ) {
        let pack = report.pack
        let levels = evaluation.indicators.map(\.level)
        let recommender = Recommender(pack: pack)
        let digest = ReportDigest(evaluation: evaluation, report: report)
        json.beginObject()
        json.key("source")
        json.string(evaluation.source)
        json.key("opd")
        json.beginObject()
        json.key("id")
        json.string(evaluation.opdID)
        json.key("name")
        json.string(evaluation.opdName)
        json.key("pemda")
        json.string(evaluation.pemda.givenName)
        json.key("pemda_code")
        json.string(evaluation.pemda.code)
        json.endObject()
        json.key("simulation")
        json.bool(simulation)
        json.key("score")
        score(evaluation.score, words: digest.words, into: &json)
        json.key("score_with_waivers")
        score(evaluation.scoreWithWaivers, words: digest.words, into: &json)
        json.key("indicators")
        json.beginArray()
        for result in evaluation.indicators {
            json.beginObject()
            json.key("id")
            json.string(pack.indicators[result.indicatorIndex].spec.id)
            json.key("level")
            json.int(result.level)
            json.key("level_states")
            json.beginArray()
            for state in result.levelStates { json.string(state.rawValue) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("rules")
        json.beginArray()
        let findings = evaluation.findings
        var next = findings.startIndex
        var message: [UInt8] = []
        for summary in evaluation.rules {
            json.beginObject()
            json.key("id")
            json.string(pack.rules[summary.ruleIndex].spec.id)
            json.key("outcome")
            json.string(summary.outcome.rawValue)
            json.key("passed")
            json.int(summary.passed)
            json.key("failed")
            json.int(summary.failed)
            json.key("not_evidenced")
            json.int(summary.notEvidenced)
            json.key("not_applicable")
            json.int(summary.notApplicable)
            json.key("findings")
            json.beginArray()
            // Findings are in rule order, as the summaries are.
            while next < findings.endIndex && findings[next].ruleIndex == summary.ruleIndex {
                finding(findings[next], evaluation: evaluation, report: report, message: &message, into: &json)
                next += 1
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("recommendations")
        json.beginArray()
        for item in recommender.recommendations(levels: levels) { step(item, pack: pack, into: &json) }
        json.endArray()
        json.key("plan")
        if let plan = recommender.cheapestPlan(levels: levels) {
            json.beginObject()
            json.key("predicate")
            json.string(plan.predicate)
            json.key("minimum")
            json.number(plan.minimum)
            json.key("steps")
            json.beginArray()
            for item in plan.steps { step(item, pack: pack, into: &json) }
            json.endArray()
            json.key("effort")
            json.number(plan.effort)
            json.key("index")
            json.number(plan.index)
            json.endObject()
        } else {
            json.null()
        }
        json.key("baseline")
        if let delta = digest.baselineDelta {
            json.beginObject()
            json.key("index_change")
            json.number(delta.indexChange)
            json.key("new")
            json.int(delta.new)
            json.key("unchanged")
            json.int(delta.unchanged)
            json.key("fixed")
            json.beginArray()
            for finding in delta.fixed {
                json.beginObject()
                json.key("rule")
                json.string(finding.rule)
                json.key("subject")
                json.string(finding.subject)
                json.key("fingerprint")
                json.string(finding.fingerprint ?? "")
                json.key("location")
                location(finding.location, into: &json)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }

    /// A finding under its rule's result: its message null when it is not evidenced (worded from
    /// `missing_fields`: `data belum cukup untuk menilai: hosting, sso`). `message` is a buffer to reuse.
    private func finding(
        _ finding: SubjectResult, evaluation: InventoryEvaluation, report: Report, message: inout [UInt8],
        into json: inout JSONWriter
    ) {
        json.beginObject()
        json.key("outcome")
        json.string(finding.outcome.rawValue)
        json.key("subject")
        json.string(finding.subject)
        json.key("location")
        location(finding.location, source: evaluation.source, into: &json)
        json.key("message")
        if finding.outcome == .fail {
            message.removeAll(keepingCapacity: true)
            if finding.writeMessage(into: &message) { json.string(utf8: message) } else { json.null() }
        } else {
            json.null()
        }
        json.key("missing_fields")
        json.strings(finding.missingFields)
        json.key("waiver")
        json.int(finding.waiver)
        json.key("fingerprint")
        json.hex(report.fingerprintValue(finding, in: evaluation))
        json.key("baseline_state")
        json.string(report.baselineState(finding, in: evaluation)?.rawValue)
        json.endObject()
    }

    private func regency(_ regency: RegencyEvaluation, report: Report, into json: inout JSONWriter) {
        let digest = RegencyDigest(regency: regency, report: report)
        json.beginObject()
        json.key("folder")
        json.string(regency.folder)
        json.key("name")
        json.string(regency.name)
        json.key("pemda")
        inventory(regency.pemda, report: report, simulation: false, into: &json)
        json.key("opds")
        json.beginArray()
        for row in digest.rows {
            json.beginObject()
            json.key("source")
            json.string(row.evaluation.source)
            json.key("name")
            json.string(row.evaluation.opdName)
            json.key("index")
            json.number(row.evaluation.score.index)
            json.key("index_display")
            json.string(row.evaluation.score.index.map(IndexFormatting.twoDecimals))
            json.key("predicate")
            json.string(row.evaluation.score.predicate)
            json.key("pass_rate")
            json.number(row.passRate)
            json.key("weakest")
            json.strings(row.weakest)
            json.key("aspects")
            parts(row.evaluation.score.aspects, into: &json)
            json.endObject()
        }
        json.endArray()
        json.key("pemda_level_indicators")
        json.beginArray()
        for shared in digest.sharedIndicators {
            json.beginObject()
            json.key("id")
            json.string(shared.id)
            json.key("level")
            json.int(shared.level)
            json.key("reason")
            json.string(shared.reason)
            json.endObject()
        }
        json.endArray()
        json.key("cross_findings")
        json.beginArray()
        for finding in regency.crossFindings {
            json.beginObject()
            json.key("kind")
            json.string(finding.kind.rawValue)
            json.key("rule")
            json.string(SARIFReporter.crossRuleID(finding.kind))
            json.key("headline")
            json.string(digest.headline(finding.kind))
            json.key("topic")
            json.string(finding.topic)
            json.key("subjects")
            json.beginArray()
            for subject in finding.subjects {
                json.beginObject()
                json.key("opd")
                json.string(subject.opd)
                json.key("record")
                json.string(subject.record)
                json.key("name")
                json.string(subject.name)
                json.key("location")
                location(subject.location, into: &json)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
