import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One sync at a time per mirror: an exclusive `flock` on a file beside it. A second
/// sync waits its turn; a sync killed at any point leaves no lock behind (the kernel
/// drops it with the process).
package final class SyncLock {
  private let descriptor: Int32

  /// Waits for the lock on `url` (created if missing).
  package init(_ url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw SyncError.git(
        command: "lock", reason: "cannot open \(url.path): \(String(cString: strerror(errno)))")
    }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        close(descriptor)
        throw SyncError.git(
          command: "lock", reason: "cannot lock \(url.path): \(String(cString: strerror(errno)))")
      }
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
