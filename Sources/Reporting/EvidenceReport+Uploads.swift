import DataModel
import Engine
import Packs

extension EvidenceReport {
    /// One level of an indicator as the checklist shows it: a level the finder looked at (the reached one and the
    /// next), or one shown only because files were uploaded for it.
    struct LevelRow {
        /// The level (1–5).
        let level: Int
        /// Whether its criteria hold on the inventory; nil for a level shown only for its uploads.
        let state: LevelState?
        /// What an assessor asks for at this level.
        let asked: [String]
        /// What the level needs, phrased for people.
        let description: String?
        /// The records that hold it.
        let witnesses: [Witness]
        /// The files uploaded for it, in upload order (empty when none or unknown).
        let uploads: [UploadedEvidence]
    }

    /// The same checklist, listing `uploads` beside each level.
    public func with(uploads: [UploadedEvidence]) -> EvidenceReport {
        EvidenceReport(
            pack: pack, title: title, asOf: asOf, indicators: indicators, language: language, uploads: uploads)
    }

    /// The level rows of `item`, in level order: the finder's levels, and every other level with an upload.
    func rows(_ item: IndicatorEvidence) -> [LevelRow] {
        let indicator = pack.indicators[item.indicatorIndex]
        let uploaded = (uploads ?? []).filter { $0.indicator == indicator.spec.id }
        var rows = item.levels.map { level in
            LevelRow(
                level: level.level, state: level.state, asked: level.evidence, description: level.description,
                witnesses: level.witnesses, uploads: uploaded.filter { $0.level == level.level })
        }
        let shown = Set(item.levels.map(\.level))
        for level in Set(uploaded.map(\.level)).subtracting(shown).sorted()
        where (1...indicator.spec.levels.count).contains(level) {
            let spec = indicator.spec.levels[level - 1]
            rows.append(
                LevelRow(
                    level: level, state: nil, asked: spec.evidence, description: spec.description?.text(in: language),
                    witnesses: [], uploads: uploaded.filter { $0.level == level }))
        }
        return rows.sorted { $0.level < $1.level }
    }

    /// The text lines of a row's uploads: each file with its code and status, or that none is uploaded for a level
    /// that asks for evidence; nothing when uploads are unknown.
    func uploadLines(_ row: LevelRow, indent: String) -> [String] {
        guard uploads != nil else { return [] }
        guard !row.uploads.isEmpty else { return row.asked.isEmpty ? [] : ["\(indent)\(words.notUploaded)"] }
        return row.uploads.map {
            "\(indent)\(words.uploaded): \($0.code) \($0.file)" + ($0.status.map { " (\($0))" } ?? "")
        }
    }

    /// The HTML cell of a row's uploads (linked codes, file names, statuses), empty when uploads are unknown.
    func uploadCell(_ row: LevelRow) -> String {
        guard uploads != nil else { return "" }
        guard !row.uploads.isEmpty else {
            return row.asked.isEmpty ? "<td></td>" : "<td><span class=\"missing\">\(e(words.notUploaded))</span></td>"
        }
        let items = row.uploads.map { item in
            let code = "<code>\(e(item.code))</code>"
            let linked = item.link.map { "<a href=\"\(e($0))\">\(code)</a>" } ?? code
            return "\(linked) \(e(item.file))" + (item.status.map { " (\(e($0)))" } ?? "")
        }
        return "<td class=\"uploaded\">\(items.joined(separator: "<br>"))</td>"
    }
}
