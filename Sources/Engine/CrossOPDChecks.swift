import DataModel
import Diagnostics

/// A finding that only shows across the OPDs of a pemda: a function built twice, applications outside the
/// integration layer, a service that depends on an application another OPD retired.
public struct CrossOPDFinding: Sendable {
    /// What kind of finding it is.
    public enum Kind: String, Sendable {
        /// Custom applications of several OPDs serve the same administration function.
        case duplicateFunction = "duplicate_function"
        /// Applications that exchange data outside SPLP.
        case notIntegrated = "not_integrated"
        /// A service depends on an application another OPD marked retired.
        case retiredDependency = "retired_dependency"
    }

    /// One record involved, with its OPD.
    public struct Subject: Sendable {
        /// The OPD's name.
        public let opd: String
        /// The record's key.
        public let record: String
        /// The record's name, when it has one.
        public let name: String
        /// Where the record is.
        public let location: SourceLocation
    }

    /// The kind.
    public let kind: Kind
    /// The function, service or application the finding is about (an area such as `kearsipan`).
    public let topic: String
    /// The records involved, in inventory order.
    public let subjects: [Subject]
}

/// Looks across the inventories of one pemda for the findings no single OPD can show.
///
/// The checks read the shared inventory schema's fields (`applications.type`, `status`, `via_splp`,
/// `point_to_point`; `services.category`, `area`, `applications`); a pack whose schema lacks them gets no
/// cross-OPD findings of that kind.
public struct CrossOPDChecks: Sendable {
    /// The schema the inventories were loaded with.
    public let schema: InventorySchema

    /// Creates the checks for `schema`.
    public init(schema: InventorySchema) { self.schema = schema }

    /// Every cross-OPD finding over `inventories` (one per OPD), in a stable order.
    public func findings(_ inventories: [InventoryData]) -> [CrossOPDFinding] {
        duplicateFunctions(inventories) + notIntegrated(inventories) + retiredDependencies(inventories)
    }

    private struct Fields {
        let applications: Int, services: Int
        let appType: Int, appStatus: Int, serviceCategory: Int, serviceArea: Int, serviceApplications: Int
    }

    private var fields: Fields? {
        guard let applications = schema.collectionSlot(of: "applications"),
            let services = schema.collectionSlot(of: "services"),
            let appType = schema.collections[applications].slot(of: "type"),
            let appStatus = schema.collections[applications].slot(of: "status"),
            let serviceCategory = schema.collections[services].slot(of: "category"),
            let serviceArea = schema.collections[services].slot(of: "area"),
            let serviceApplications = schema.collections[services].slot(of: "applications")
        else { return nil }
        return Fields(
            applications: applications, services: services, appType: appType, appStatus: appStatus,
            serviceCategory: serviceCategory, serviceArea: serviceArea, serviceApplications: serviceApplications
        )
    }

    /// Custom, active applications of two or more OPDs linked to administration services of the same area.
    private func duplicateFunctions(_ inventories: [InventoryData]) -> [CrossOPDFinding] {
        guard let fields else { return [] }
        var byArea: [String: [(opd: Int, record: Record)]] = [:]
        for (position, inventory) in inventories.enumerated() {
            let applications = Dictionary(
                inventory.collections[fields.applications].map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }
            )
            for service in inventory.collections[fields.services]
            where service.values[fields.serviceCategory] == .string("administrasi_pemerintahan") {
                guard case .string(let area) = service.values[fields.serviceArea],
                    case .list(let linked) = service.values[fields.serviceApplications]
                else { continue }
                for case .string(let id) in linked {
                    guard let application = applications[id], application.values[fields.appType] == .string("khusus"),
                        application.values[fields.appStatus] != .string("dihentikan"),
                        !(byArea[area] ?? []).contains(where: { $0.record === application })
                    else { continue }
                    byArea[area, default: []].append((position, application))
                }
            }
        }
        return byArea.keys.sorted().compactMap { area in
            let entries = byArea[area] ?? []
            guard Set(entries.map(\.opd)).count >= 2 else { return nil }
            return CrossOPDFinding(
                kind: .duplicateFunction, topic: area,
                subjects: entries.map { subject($0.record, in: fields.applications, of: inventories[$0.opd]) })
        }
    }

    /// Active applications with `via_splp: false` or point-to-point links, across every OPD.
    private func notIntegrated(_ inventories: [InventoryData]) -> [CrossOPDFinding] {
        guard let fields, let viaSPLP = schema.collections[fields.applications].slot(of: "via_splp") else { return [] }
        let pointToPoint = schema.collections[fields.applications].slot(of: "point_to_point")
        var subjects: [CrossOPDFinding.Subject] = []
        for inventory in inventories {
            for application in inventory.collections[fields.applications]
            where application.values[fields.appStatus] != .string("dihentikan") {
                let direct =
                    pointToPoint.map { application.values[$0] }.map { value -> Bool in
                        if case .list(let links) = value { return !links.isEmpty }
                        return false
                    } ?? false
                if application.values[viaSPLP] == .bool(false) || direct {
                    subjects.append(subject(application, in: fields.applications, of: inventory))
                }
            }
        }
        return subjects.isEmpty ? [] : [CrossOPDFinding(kind: .notIntegrated, topic: "splp", subjects: subjects)]
    }

    /// Services whose linked application another OPD marks `dihentikan`.
    private func retiredDependencies(_ inventories: [InventoryData]) -> [CrossOPDFinding] {
        guard let fields else { return [] }
        var retired: [String: (opd: Int, record: Record)] = [:]
        for (position, inventory) in inventories.enumerated() {
            for application in inventory.collections[fields.applications]
            where application.values[fields.appStatus] == .string("dihentikan") {
                retired[application.key] = (position, application)
            }
        }
        var findings: [CrossOPDFinding] = []
        for (position, inventory) in inventories.enumerated() {
            for service in inventory.collections[fields.services] {
                guard case .list(let linked) = service.values[fields.serviceApplications] else { continue }
                for case .string(let id) in linked {
                    guard let owner = retired[id], owner.opd != position else { continue }
                    findings.append(
                        CrossOPDFinding(
                            kind: .retiredDependency, topic: id,
                            subjects: [
                                subject(service, in: fields.services, of: inventory),
                                subject(owner.record, in: fields.applications, of: inventories[owner.opd]),
                            ]
                        ))
                }
            }
        }
        return findings
    }

    private func subject(_ record: Record, in collection: Int, of inventory: InventoryData) -> CrossOPDFinding.Subject {
        let opdName = schema.header.slot(of: "name").map { inventory.header.values[$0].description } ?? inventory.source
        let name =
            schema.collections[collection].slot(of: "name").map { record.values[$0] }
            .flatMap { $0.isNull ? nil : $0.description } ?? record.key
        return CrossOPDFinding.Subject(opd: opdName, record: record.key, name: name, location: record.location)
    }
}
