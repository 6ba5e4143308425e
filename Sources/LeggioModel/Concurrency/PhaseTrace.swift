import Foundation

/// A timeline of one command on standard error, for finding which of its phases run
/// one after another and which side by side: with `LEGGIO_TRACE` set in the environment,
/// each `mark` prints the milliseconds since the first mark, the thread and a label
/// (`leggio-trace   12.40 ms  t3  chapters: done`). Without it a mark costs one load of a
/// flag. `leggio add` marks its phases (opening the library, reading the book, its digest,
/// the store), which `leggio-bench epub` does not need: it is for a person profiling.
public enum PhaseTrace {
  public static let isEnabled = ProcessInfo.processInfo.environment["LEGGIO_TRACE"] != nil

  private static let origin = DispatchTime.now().uptimeNanoseconds
  private static let lock = NSLock()
  nonisolated(unsafe) private static var threads: [UInt: Int] = [:]

  /// Prints `label` with the time since the first mark and the thread it is on.
  @inline(__always)
  public static func mark(_ label: @autoclosure () -> String) {
    guard isEnabled else { return }
    write(label())
  }

  private static func write(_ label: String) {
    let start = origin
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    let id = UInt(pthread_self())
    lock.lock()
    let number = threads[id] ?? threads.count
    threads[id] = number
    lock.unlock()
    let line = "leggio-trace " + String(format: "%8.2f ms  t%-2d ", elapsed, number) + label + "\n"
    FileHandle.standardError.write(Data(line.utf8))
  }
}
