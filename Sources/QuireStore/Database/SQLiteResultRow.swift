import SQLiteKit
import SQLiteNIO
import SQLKit

/// One row a statement returned, read through SQLKit's row interface. The common column
/// types are read directly; anything else goes through SQLiteKit's decoder.
struct SQLiteResultRow: SQLRow {
    let columns: SQLiteColumnNames
    let values: [SQLiteData]

    struct MissingColumn: Error { let column: String }

    var allColumns: [String] { columns.names }

    /// The value of a column, or nil when the row has no such column.
    func value(_ column: String) -> SQLiteData? {
        columns.index(of: column).map { values[$0] }
    }

    func contains(column: String) -> Bool { columns.index(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let i = columns.index(of: column) else { return true }
        return values[i] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let i = columns.index(of: column) else { throw MissingColumn(column: column) }
        let value = values[i]
        switch value {
        case .integer(let n):
            if let v = n as? D { return v }
            if let v = Optional(n) as? D { return v }
        case .text(let s):
            if let v = s as? D { return v }
            if let v = Optional(s) as? D { return v }
        case .null:
            if D.self == Int?.self { return Int?.none as! D }
            if D.self == String?.self { return String?.none as! D }
        default: break
        }
        return try SQLiteDataDecoder().decode(D.self, from: value)
    }
}
