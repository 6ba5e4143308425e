import Foundation

/// A timeline of one command on standard error, for finding which of its phases run
/// one after another and which side by side: with `LEGGIO_TRACE` set in the environment,
/// each `mark` prints the milliseconds since the first mark, the thread, the CPU time that
/// thread has used so far, the whole process's, and a label (`leggio-trace   12.40 ms  t3
/// cpu 4.10  all 20.31  chapters: done`): on a loaded machine the wall times stretch, the CPU times between two marks of
/// one thread say what the stretch itself costs. Without it a mark costs one load of a
/// flag. `leggio add` marks its phases (opening the library, reading the book, its digest,
/// the store), `leggio show FILE --width W` its import's and its layout's (each slice),
/// `leggio feeds update` each feed's (fetched, reading, each batch parsed, built and
/// prepared, each group waiting for the writer and written);
/// `leggio-bench` does not need them: they are for a person profiling.
public enum PhaseTrace {
  /// Read with `getenv`: `ProcessInfo`'s environment builds a dictionary of every
  /// variable, a few hundred microseconds at the start of every `leggio show`.
  public static let isEnabled = getenv("LEGGIO_TRACE") != nil

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
    var cpu = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
    let used = Double(cpu.tv_sec) * 1e3 + Double(cpu.tv_nsec) / 1e6
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
    let all = Double(cpu.tv_sec) * 1e3 + Double(cpu.tv_nsec) / 1e6
    let line =
      "leggio-trace "
      + String(format: "%8.2f ms  t%-2d cpu %7.2f  all %7.2f  ", elapsed, number, used, all)
      + label + "\n"
    FileHandle.standardError.write(Data(line.utf8))
  }
}
