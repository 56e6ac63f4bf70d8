import DataModel

/// The guide to one field written next to its column in templates and exports, in Indonesian for the OPD staff
/// who fill them in: its label, whether it is required, how to write it and what it may hold, and its description.
enum ColumnGuide {
    /// `Jenis aplikasi (wajib): salah satu dari umum, khusus. umum: aplikasi …`.
    static func text(for field: FieldSchema) -> String {
        var text = (field.label ?? field.name) + (field.required ? " (wajib)" : "") + ": " + hint(field.type)
        if let description = field.description?.text(in: "id"), !description.isEmpty { text += ". " + description }
        return text
    }

    /// How to write a value of `type` in a cell.
    static func hint(_ type: ValueType) -> String {
        switch type {
        case .string: "teks"
        case .int: "bilangan bulat"
        case .number: "angka (desimal dengan titik, misalnya 81.5)"
        case .bool: "ya atau tidak"
        case .date: "tanggal YYYY-MM-DD (atau DD/MM/YYYY)"
        case .enumeration(let values): "salah satu dari " + values.joined(separator: ", ")
        case .list(.enumeration(let values)): "daftar dipisah titik koma (;), dari " + values.joined(separator: ", ")
        case .list(let element): "daftar dipisah titik koma (;), masing-masing " + hint(element)
        case .record, .null, .unknown: type.description
        }
    }
}
