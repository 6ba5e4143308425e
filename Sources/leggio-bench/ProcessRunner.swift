import Foundation

/// Runs the release `leggio` binary on one benchmark library and times it.
final class ProcessRunner {
  let binary: String
  let directory: URL
  var library: String { directory.appendingPathComponent("library.sqlite").path }

  init(binary: String, directory: URL) {
    self.binary = binary
    self.directory = directory
  }

  /// Deletes the benchmark library and its state.
  func reset() {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: library + suffix)
    }
  }

  /// The CPU time (user + system) of the fastest run `best(of:)` timed, in seconds: on a
  /// busy machine the wall time mostly measures waiting for a core.
  private(set) var lastCPU = 0.0

  /// The best wall time of `runs` runs of `leggio ARGS --library L`, output discarded;
  /// with `fresh`, each run starts from an empty library.
  func best(of runs: Int, fresh: Bool = false, _ arguments: () -> [String]) -> Double {
    var best = Double.infinity
    lastCPU = .infinity
    for _ in 0..<runs {
      if fresh { reset() }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments() + ["--library", library]
      var environment = ProcessInfo.processInfo.environment
      environment["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      let before = Self.childrenCPU()
      let (_, seconds) = Stopwatch.time {
        try? process.run()
        process.waitUntilExit()
      }
      lastCPU = min(lastCPU, Self.childrenCPU() - before)
      if process.terminationStatus != 0 {
        print(
          "  (leggio \(arguments().joined(separator: " ")) exited \(process.terminationStatus))")
      }
      best = min(best, seconds)
    }
    return best
  }

  /// User + system seconds of all finished child processes so far.
  private static func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// "123.45 ms (cpu 40.00 ms)" for the last `best(of:)`.
  func format(_ wall: Double) -> String {
    Stopwatch.format(wall) + "  (cpu " + Stopwatch.format(lastCPU) + ")"
  }
}
