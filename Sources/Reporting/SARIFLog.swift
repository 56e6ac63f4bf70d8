/// The subset of SARIF 2.1.0 that `spbe` writes, as Codable structs (OASIS SARIF 2.1.0, §3).
struct SARIFLog: Encodable {
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Encodable {
        let tool: Tool
        /// The run's identity (§3.17): code-scanning servers keep the results of different ids apart.
        let automationDetails: AutomationDetails
        /// Where relative URIs start (§3.14.14).
        let originalUriBaseIds: [String: BaseLocation]
        let invocations: [Invocation]?
        let results: [Result]
        let columnKind = "unicodeCodePoints"
        let properties: [String: String]
    }

    struct AutomationDetails: Encodable {
        let id: String
        let description: Text
    }

    struct BaseLocation: Encodable {
        let description: Text
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Text
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text?
        let help: Help
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct Text: Encodable {
        let text: String
    }

    struct Help: Encodable {
        let text: String
        let markdown: String
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct RuleProperties: Encodable {
        let tags: [String]
        let severity: String
        let indicator: String?
        let references: [String]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let kind: String
        let level: String
        let message: Text
        let locations: [Location]
        let relatedLocations: [Location]?
        let partialFingerprints: [String: String]
        let baselineState: String?
        let suppressions: [Suppression]?
        let properties: ResultProperties
    }

    struct Location: Encodable {
        let id: Int?
        let physicalLocation: PhysicalLocation
        /// For a workbook: the cell, `aplikasi!C12` (§3.33).
        let logicalLocations: [LogicalLocation]?
        let message: Text?
        let properties: LocationProperties?
    }

    struct LogicalLocation: Encodable {
        let name: String
        let fullyQualifiedName: String
        let kind = "element"
    }

    struct LocationProperties: Encodable {
        let sheet: String
        let cell: String
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    struct Suppression: Encodable {
        let kind = "external"
        let status = "accepted"
        let justification: String
    }

    struct ResultProperties: Encodable {
        let subject: String
        let opd: String
        /// The OPD's pemda (name, else region code); nil when the inventory names none.
        let pemda: String?
        let outcome: String
    }
}
