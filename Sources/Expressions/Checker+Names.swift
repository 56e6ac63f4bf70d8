import DataModel
import Diagnostics

extension TypeChecker {
    /// Resolves a bare name: `as` variables (innermost first), `it`, fields of the innermost unnamed record
    /// element, fields of the subject, `self`, then the globals `opd`, the collections and `as_of`.
    mutating func resolve(_ name: String, _ node: SyntaxNode) -> ValueType {
        if let scope = scopes.last(where: { $0.binding == name }) {
            resolutions[node.id] = .variable(slot: scope.slot)
            return scope.element
        }
        if name == "it", let scope = scopes.last {
            resolutions[node.id] = .variable(slot: scope.slot)
            return scope.element
        }
        if let scope = scopes.last, scope.binding == nil, case .record(let recordName) = scope.element,
            let record = environment.recordSchema(named: recordName), let slot = record.slot(of: name)
        {
            resolutions[node.id] = .elementField(slot: scope.slot, field: slot)
            return fieldType(record, slot: slot, node: node)
        }
        if let subject = environment.subject {
            if let slot = subject.slot(of: name) {
                resolutions[node.id] = .subjectField(field: slot)
                return fieldType(subject, slot: slot, node: node)
            }
            if name == "self" {
                resolutions[node.id] = .subject
                return .record(subject.name)
            }
        }
        if let global = resolveGlobal(name) {
            resolutions[node.id] = global.resolution
            return global.type
        }
        // A misspelt field of the subject reads best as such: "unknown field 'hostng' on applications".
        if name != "it", let subject = environment.subject, scopes.isEmpty,
            Suggestion.closest(to: name, among: subject.fieldNames) != nil
        {
            diagnostics.report(.unknownField(name, on: subject, at: node.location))
            return .unknown
        }
        // Inside a quantifier over what did not check (an error already), a name may well be a field of its
        // elements: reporting it would only repeat that error.
        if let scope = scopes.last, scope.binding == nil, scope.element == .unknown { return .unknown }
        diagnostics.report(.unknownName(name, at: node.location, suggestion: suggestion(for: name)))
        return .unknown
    }

    private func resolveGlobal(_ name: String) -> (resolution: Resolution, type: ValueType)? {
        let schema = environment.schema
        if name == "opd" { return (.header, .record(schema.header.name)) }
        if name == "as_of" { return (.asOf, .date) }
        if let slot = schema.collectionSlot(of: name) {
            return (.collection(slot: slot), .list(.record(schema.collections[slot].name)))
        }
        return nil
    }

    /// The type of a field read, noting the read for lints and the field's name for enum messages.
    mutating func fieldType(_ record: RecordSchema, slot: Int, node: SyntaxNode) -> ValueType {
        let field = record.fields[slot]
        fields.insert(FieldReference(record: record.name, field: field.name))
        enumOrigins[node.id] = "\(record.name).\(field.name)"
        // Inventory fields hold values; a schema declaring a record-typed field cannot be read.
        guard !field.type.isRecordLike else {
            diagnostics.report(.notAValueField(field.name, on: record.name, at: node.location))
            return .unknown
        }
        return field.type
    }

    /// `did you mean` over every name in scope; a field reachable only through a path gets that path.
    private func suggestion(for name: String) -> String? {
        if name == "it" { return "'it' is the element inside all(), any(), none() and count()" }
        var candidates: [String] = []
        for scope in scopes.reversed() {
            if let binding = scope.binding { candidates.append(binding) }
        }
        if let scope = scopes.last {
            candidates.append("it")
            if scope.binding == nil, case .record(let recordName) = scope.element,
                let record = environment.recordSchema(named: recordName)
            {
                candidates += record.fieldNames
            }
        }
        if let subject = environment.subject { candidates += subject.fieldNames + ["self"] }
        candidates += ["opd", "as_of"] + environment.schema.collections.map(\.name)
        if let suggestion = Suggestion.didYouMean(name, among: candidates) { return suggestion }
        // The exact name of a field reachable only through a path: an `as` variable, or the OPD header.
        for scope in scopes.reversed() {
            if let binding = scope.binding, case .record(let recordName) = scope.element,
                environment.recordSchema(named: recordName)?.slot(of: name) != nil
            {
                return "did you mean '\(binding).\(name)'?"
            }
        }
        if environment.schema.header.slot(of: name) != nil { return "did you mean 'opd.\(name)'?" }
        return nil
    }

    /// `base.field`: a field of a record, or the projection of a field over a list of records.
    mutating func checkMember(_ node: SyntaxNode, base: SyntaxNode, field: Name) -> ValueType {
        let baseType = check(base)
        switch baseType {
        case .unknown:
            return .unknown
        case .record(let recordName):
            guard let record = lookup(recordName, field: field), let slot = record.slot(of: field.text) else {
                return .unknown
            }
            resolutions[node.id] = .field(slot: slot)
            return fieldType(record, slot: slot, node: node)
        case .list(.record(let recordName)):
            guard let record = lookup(recordName, field: field), let slot = record.slot(of: field.text) else {
                return .unknown
            }
            let type = fieldType(record, slot: slot, node: node)
            if case .list = type {
                resolutions[node.id] = .projection(slot: slot, flattens: true)
                return type
            }
            resolutions[node.id] = .projection(slot: slot, flattens: false)
            return .list(type)
        default:
            diagnostics.report(.notARecord(field: field.text, type: baseType, at: field.location))
            return .unknown
        }
    }

    /// The schema of `recordName` when it has `field`; reports an unknown field otherwise.
    private mutating func lookup(_ recordName: String, field: Name) -> RecordSchema? {
        guard let record = environment.recordSchema(named: recordName) else { return nil }
        guard record.slot(of: field.text) != nil else {
            diagnostics.report(.unknownField(field.text, on: record, at: field.location))
            return nil
        }
        return record
    }
}
