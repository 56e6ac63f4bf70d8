/// The JSON report, version 1: the documented shape of `spbe check --format json`.
///
/// Field names are snake_case; keys are written sorted; arrays keep the report's order (inventories in input
/// order, indicators and rules in pack order, findings in rule order then inventory order).
struct JSONReport: Encodable {
    static let schemaVersion = 1

    let schemaVersion: Int
    let tool: Tool
    let pack: Pack
    let asOf: String
    let failOn: String?
    let inventories: [Inventory]
    let summary: Summary
    let waivers: [WaiverEntry]?
    let regencies: [Regency]?

    struct Regency: Encodable {
        let folder: String
        let name: String
        let pemda: Inventory
        let opds: [RegencyOPD]
        /// The indicators each OPD's simulated index takes at the pemda's level.
        let pemdaLevelIndicators: [PemdaLevelIndicator]
        let crossFindings: [CrossFinding]
    }

    struct PemdaLevelIndicator: Encodable {
        let id: String
        let level: Int
        let reason: String
    }

    struct RegencyOPD: Encodable {
        let source: String
        let name: String
        /// The OPD's simulated index within its pemda (pemda-level indicators at the pemda's level).
        let index: Double?
        let indexDisplay: String?
        let predicate: String?
        let passRate: Double?
        let weakest: [String]
        let aspects: [Part]
    }

    struct CrossFinding: Encodable {
        let kind: String
        let topic: String
        let subjects: [CrossSubject]
    }

    struct CrossSubject: Encodable {
        let opd: String
        let record: String
        let name: String
        let location: Location
    }

    struct WaiverEntry: Encodable {
        let rule: String
        let subject: String
        let opd: String?
        let reason: String
        let approvedBy: String
        let until: String
        let status: String
        let location: Location
    }

    struct Tool: Encodable {
        let name: String
        let version: String
    }

    struct Pack: Encodable {
        let id: String
        let version: String
        let framework: String
        let title: String
        let provisional: Bool
    }

    struct Inventory: Encodable {
        let source: String
        let opd: OPD
        let simulation: Bool
        let score: Score
        let scoreWithWaivers: Score?
        let indicators: [Indicator]
        let rules: [Rule]
        let findings: [Finding]
        let recommendations: [Step]
        let plan: Plan?
        let baseline: BaselineComparison?
    }

    struct Step: Encodable {
        let indicator: String
        let fromLevel: Int
        let toLevel: Int
        let gain: Double
        let effort: Double
        let needs: String?
    }

    struct Plan: Encodable {
        let predicate: String
        let minimum: Double
        let steps: [Step]
        let effort: Double
        let index: Double
    }

    struct OPD: Encodable {
        let id: String
        let name: String
    }

    struct Score: Encodable {
        let index: Double?
        let indexDisplay: String?
        let predicate: String?
        /// Whether the full-precision index lies within 0.005 of a band edge, and the note saying so.
        let borderline: Bool
        let borderlineNote: String?
        let domains: [Part]
        let aspects: [Part]
    }

    struct Part: Encodable {
        let id: String
        let name: String
        let weight: Double
        let index: Double?
    }

    struct Indicator: Encodable {
        let id: String
        let number: Int?
        let name: String
        let domain: String
        let aspect: String
        let weight: Double
        let level: Int
        let levelName: String?
        let target: Int?
        let meetsTarget: Bool?
        let levelStates: [String]
    }

    struct Rule: Encodable {
        let id: String
        let severity: String
        let indicator: String?
        let outcome: String
        let passed: Int
        let failed: Int
        let notEvidenced: Int
        let notApplicable: Int
    }

    struct Finding: Encodable {
        let rule: String
        let severity: String
        let indicator: String?
        let outcome: String
        let subject: String
        let location: Location
        let message: String?
        let missingFields: [String]
        let recommendation: String?
        let references: [String]
        let waived: Bool?
        let waiver: Int?
        let fingerprint: String
        let baselineState: String?
    }

    struct BaselineComparison: Encodable {
        let indexChange: Double?
        let new: Int
        let unchanged: Int
        let fixed: [FixedFinding]
    }

    struct FixedFinding: Encodable {
        let rule: String
        let subject: String
        let fingerprint: String
        let location: Location
    }

    struct Location: Encodable {
        let file: String
        let line: Int
        let column: Int
        /// The workbook sheet, for inventories read from XLSX (then line and column are the cell's row and column).
        let sheet: String?
    }

    struct Summary: Encodable {
        let inventories: Int
        let failed: Int
        let notEvidenced: Int
        let passed: Int
        let blocking: Int
    }
}
