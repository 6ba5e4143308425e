import GRDB
import Synchronization

/// How adding a book ends without folding the log into the file at close.
///
/// A book writes about 15 MB to the write-ahead log. Closing the library used to fold it
/// into the file (`PRAGMA wal_checkpoint(TRUNCATE)`: the log synced, its pages copied,
/// the file synced), about 60 ms of `leggio add` for a 3 MB book on an idle machine. A
/// book's transaction is committed with `synchronous = FULL` instead, the log synced once
/// at the commit, so the book is on disk when the add returns, as the checkpoint made it
/// before (the library's other writes keep `NORMAL`); and the log stays as it is when this
/// library closes (`SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE`). Nothing is lost or unread
/// meanwhile: SQLite reads the book from the log, in this process and the next, until the
/// next close of a library that did not add a book (any other command, the reader
/// quitting) folds it in, or SQLite's own checkpoint does past 1,000 pages of log.
extension Library {
  /// Commits the next transactions synced and leaves the log unfolded at close.
  func beginDurableWrite() throws {
    guard path != nil, !isReadOnly else { return }
    try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    checkpointsOnClose.withLock { $0 = false }
  }

  /// Back to `synchronous = NORMAL` after `beginDurableWrite`.
  func endDurableWrite() {
    guard path != nil, !isReadOnly else { return }
    _ = try? writer.writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA synchronous = NORMAL")
    }
  }
}
