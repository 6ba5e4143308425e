import GRDB
import GRDBSQLite

/// A statement run many times in one transaction with its parameters bound straight
/// through SQLite's C API. Storing a large feed runs five statements per item, and
/// GRDB's `StatementArguments` (an existential and a conversion per value) cost more
/// than SQLite's own work. Made fresh for each batch, so no cached GRDB statement is
/// ever left half-stepped.
struct BulkStatement {
  private let statement: Statement
  private var handle: OpaquePointer { statement.sqliteStatement }

  init(_ db: Database, sql: String) throws {
    statement = try db.makeStatement(sql: sql)
  }

  /// Binds the parameters in order with `bind`, then runs the statement to its end.
  func execute(_ bind: (inout Binder) -> Void) throws {
    _ = try step(bind) { _ in }
  }

  /// Binds, runs, and hands the first row (if any) to `read`.
  @discardableResult
  func step<Result>(_ bind: (inout Binder) -> Void, read: (Reader) -> Result) throws -> Result? {
    sqlite3_reset(handle)
    var binder = Binder(handle: handle)
    bind(&binder)
    defer { sqlite3_reset(handle) }
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return read(Reader(handle: handle))
    case SQLITE_DONE: return nil
    default:
      let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) }
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
  }

  /// Sets parameters 1, 2, 3... in the order of the calls.
  struct Binder {
    fileprivate let handle: OpaquePointer
    private var index: Int32 = 1

    fileprivate init(handle: OpaquePointer) { self.handle = handle }

    mutating func text(_ value: String?) {
      defer { index += 1 }
      guard var value else {
        sqlite3_bind_null(handle, index)
        return
      }
      value.withUTF8 { bytes in
        // An empty buffer may have no address; SQLite would read that as NULL.
        let start =
          bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(emptyText.utf8Start)
        sqlite3_bind_text(
          handle, index, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
          sqliteTransient)
      }
    }

    mutating func integer(_ value: Int64?) {
      defer { index += 1 }
      guard let value else {
        sqlite3_bind_null(handle, index)
        return
      }
      sqlite3_bind_int64(handle, index, value)
    }

    mutating func integer(_ value: Int) { integer(Int64(value)) }

    /// A value GRDB has already converted (dates, optional columns).
    mutating func value(_ value: DatabaseValue) {
      switch value.storage {
      case .null: text(nil)
      case .int64(let number): integer(number)
      case .double(let number):
        sqlite3_bind_double(handle, index, number)
        index += 1
      case .string(let string): text(string)
      case .blob(let data):
        defer { index += 1 }
        data.withUnsafeBytes {
          _ = sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient)
        }
      }
    }
  }

  /// Reads the columns of the current row.
  struct Reader {
    fileprivate let handle: OpaquePointer
    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func text(_ column: Int32) -> String {
      sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
    }
  }
}

/// SQLite copies the bytes before `bind` returns.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
private let emptyText: StaticString = ""
