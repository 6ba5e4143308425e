import GRDB

extension Library {
  /// What a database error means for a person, in words, never the SQL statement that
  /// failed; nil for errors that are not the database's.
  public static func describe(_ error: any Error) -> String? {
    guard let error = error as? DatabaseError else { return nil }
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return "the library is damaged (\(error.message ?? "unreadable pages")); "
        + "`leggio check` says where and `leggio recover` saves what can be read"
    case .SQLITE_FULL:
      return "the disk is full, so the library was not changed; free some space and try again"
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return "another program kept the library busy for 10 seconds; nothing was changed, "
        + "try again when it has finished"
    case .SQLITE_READONLY:
      return "the library cannot be written (a read-only file, folder or disk); "
        + "reading, listing and searching still work"
    case .SQLITE_IOERR:
      return "reading or writing the library failed with a disk error; nothing was changed"
    case .SQLITE_CANTOPEN:
      return "the library file cannot be opened; check the path and its folder's permissions"
    default:
      return "the library refused the change (\(error.message ?? "\(error.resultCode)"))"
    }
  }
}
