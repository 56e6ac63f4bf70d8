import Foundation

/// A stage of an evaluation period, in the order the evaluation runs them: the pemda prepares, its OPDs assess
/// themselves and upload, the Tim Asesor Internal verifies, the instansi sends, then the external assessors review
/// documents, interview, sometimes visit, and publish results.
public enum Stage: String, Sendable, Codable, CaseIterable {
    /// Persiapan: the period, the accounts and the responsibilities are set up.
    case persiapan
    /// Penilaian mandiri: the OPDs upload inventories and evidence. Uploads close when it ends.
    case penilaianMandiri = "penilaian-mandiri"
    /// Verifikasi internal: the Tim Asesor Internal checks what the OPDs sent.
    case verifikasiInternal = "verifikasi-internal"
    /// Pengiriman: the instansi sends its answers to the national evaluation application.
    case pengiriman
    /// Penilaian dokumen: the external assessors review the evidence.
    case penilaianDokumen = "penilaian-dokumen"
    /// Interviu: the external assessors' interview.
    case interviu
    /// Visitasi: a site visit, when the assessors hold one.
    case visitasi
    /// Hasil: the results are published.
    case hasil
}

/// One stage's dates in a period: from `startsOn` to `endsOn`, both days included, written `YYYY-MM-DD` in the
/// pemda's time zone.
public struct StageDates: Sendable, Equatable, Codable {
    /// The stage.
    public var stage: Stage
    /// Its first day.
    public var startsOn: String
    /// Its last day (the stage closes at the end of it).
    public var endsOn: String

    /// A stage's dates.
    public init(stage: Stage, startsOn: String, endsOn: String) {
        self.stage = stage
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// An admin's reopening of the closed submission stage for one OPD, until a day, with its reason. Never changed
/// once stored; a later reopening supersedes it.
public struct Reopening: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period.
    public var periodID: Int64
    /// The OPD it reopens for.
    public var opdID: Int64
    /// The last day uploads are open again (`YYYY-MM-DD`, included).
    public var untilOn: String
    /// Why, in the admin's words.
    public var reason: String
    /// The admin who reopened.
    public var accountID: Int64
    /// When, in seconds since 1970.
    public var createdAt: Int64

    /// A reopening as stored.
    public init(
        id: Int64, periodID: Int64, opdID: Int64, untilOn: String, reason: String, accountID: Int64, createdAt: Int64
    ) {
        self.id = id
        self.periodID = periodID
        self.opdID = opdID
        self.untilOn = untilOn
        self.reason = reason
        self.accountID = accountID
        self.createdAt = createdAt
    }
}

/// Who answers for one indicator in a period: the lead OPD, the contributing OPDs, and the person in charge (PJ).
public struct Responsibility: Sendable, Equatable, Codable {
    /// The indicator's id in the period's pack (`I13`).
    public var indicator: String
    /// The OPD that leads it, nil while unassigned.
    public var leadOPDID: Int64?
    /// The OPDs that contribute evidence to it, by id (ascending), never the lead.
    public var contributorIDs: [Int64]
    /// The person in charge, by name (empty while unnamed).
    public var pj: String

    /// A row of the matrix.
    public init(indicator: String, leadOPDID: Int64?, contributorIDs: [Int64], pj: String) {
        self.indicator = indicator
        self.leadOPDID = leadOPDID
        self.contributorIDs = contributorIDs
        self.pj = pj
    }
}

/// An evidence file about to be stored: everything but its id, code, version and time.
public struct NewEvidence: Sendable {
    /// The period.
    public var periodID: Int64
    /// The OPD it is evidence of.
    public var opdID: Int64
    /// The indicator it supports (`I05`).
    public var indicator: String
    /// The level it supports, 1 to 5.
    public var level: Int
    /// What it is, in the operator's words.
    public var title: String
    /// The inventory record it documents (`perbup-12-2024`), empty when none.
    public var record: String
    /// The uploaded name, cleaned for display (never a path).
    public var fileName: String
    /// The blob holding the bytes.
    public var contentHash: String
    /// The size in bytes.
    public var size: Int64
    /// The type found in the content (`pdf`, `png`, `jpeg`, `docx`, `xlsx`, `odt`).
    public var kind: String
    /// The uploader.
    public var accountID: Int64

    /// An evidence file to store.
    public init(
        periodID: Int64, opdID: Int64, indicator: String, level: Int, title: String, record: String, fileName: String,
        contentHash: String, size: Int64, kind: String, accountID: Int64
    ) {
        self.periodID = periodID
        self.opdID = opdID
        self.indicator = indicator
        self.level = level
        self.title = title
        self.record = record
        self.fileName = fileName
        self.contentHash = contentHash
        self.size = size
        self.kind = kind
        self.accountID = accountID
    }
}

/// One version of an evidence item (data dukung), as stored. Never changed: a revision is a new version.
public struct Evidence: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period.
    public var periodID: Int64
    /// The OPD.
    public var opdID: Int64
    /// The indicator it supports.
    public var indicator: String
    /// The level it supports.
    public var level: Int
    /// The item's stable display code in its OPD and period (`I05-L3-01`), the same for every version.
    public var code: String
    /// The version, from 1.
    public var version: Int
    /// What it is, in the operator's words.
    public var title: String
    /// The inventory record it documents, empty when none.
    public var record: String
    /// The uploaded name, cleaned, for display only.
    public var fileName: String
    /// The blob holding the bytes.
    public var contentHash: String
    /// The size in bytes.
    public var size: Int64
    /// The type found in the content.
    public var kind: String
    /// The uploader.
    public var accountID: Int64
    /// When, in seconds since 1970.
    public var createdAt: Int64

    /// An evidence version as stored.
    public init(
        id: Int64, periodID: Int64, opdID: Int64, indicator: String, level: Int, code: String, version: Int,
        title: String, record: String, fileName: String, contentHash: String, size: Int64, kind: String,
        accountID: Int64, createdAt: Int64
    ) {
        self.id = id
        self.periodID = periodID
        self.opdID = opdID
        self.indicator = indicator
        self.level = level
        self.code = code
        self.version = version
        self.title = title
        self.record = record
        self.fileName = fileName
        self.contentHash = contentHash
        self.size = size
        self.kind = kind
        self.accountID = accountID
        self.createdAt = createdAt
    }
}

/// A self-assessment answer about to be stored.
public struct NewClaim: Sendable {
    /// The period.
    public var periodID: Int64
    /// The indicator (`I05`).
    public var indicator: String
    /// The lead OPD that answers for it.
    public var opdID: Int64
    /// The level claimed, 1 to 5.
    public var level: Int
    /// The penjelasan's fact: what exists (documents, systems, figures).
    public var fact: String
    /// The penjelasan's analysis: why the fact meets the level's criteria.
    public var analysis: String
    /// The display codes of the evidence it cites (`I05-L3-01`).
    public var evidenceCodes: [String]
    /// Who answered.
    public var accountID: Int64

    /// A claim to store.
    public init(
        periodID: Int64, indicator: String, opdID: Int64, level: Int, fact: String, analysis: String,
        evidenceCodes: [String], accountID: Int64
    ) {
        self.periodID = periodID
        self.indicator = indicator
        self.opdID = opdID
        self.level = level
        self.fact = fact
        self.analysis = analysis
        self.evidenceCodes = evidenceCodes
        self.accountID = accountID
    }
}

/// A self-assessment answer for one indicator, as stored: the level claimed, the penjelasan (fact, then analysis)
/// and the evidence cited. Never changed: a new answer is a new row, the latest one current.
public struct Claim: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period.
    public var periodID: Int64
    /// The indicator.
    public var indicator: String
    /// The OPD that answered (the lead OPD).
    public var opdID: Int64
    /// The level claimed.
    public var level: Int
    /// The fact.
    public var fact: String
    /// The analysis.
    public var analysis: String
    /// The evidence cited, by display code.
    public var evidenceCodes: [String]
    /// Who answered.
    public var accountID: Int64
    /// When, in seconds since 1970.
    public var createdAt: Int64

    /// A claim as stored.
    public init(
        id: Int64, periodID: Int64, indicator: String, opdID: Int64, level: Int, fact: String, analysis: String,
        evidenceCodes: [String], accountID: Int64, createdAt: Int64
    ) {
        self.id = id
        self.periodID = periodID
        self.indicator = indicator
        self.opdID = opdID
        self.level = level
        self.fact = fact
        self.analysis = analysis
        self.evidenceCodes = evidenceCodes
        self.accountID = accountID
        self.createdAt = createdAt
    }
}
