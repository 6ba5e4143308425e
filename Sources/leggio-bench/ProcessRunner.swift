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

  /// The best wall time of `runs` runs of `leggio ARGS --library L`, output discarded;
  /// with `fresh`, each run starts from an empty library.
  func best(of runs: Int, fresh: Bool = false, _ arguments: () -> [String]) -> Double {
    var best = Double.infinity
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
      let (_, seconds) = Stopwatch.time {
        try? process.run()
        process.waitUntilExit()
      }
      if process.terminationStatus != 0 {
        print(
          "  (leggio \(arguments().joined(separator: " ")) exited \(process.terminationStatus))")
      }
      best = min(best, seconds)
    }
    return best
  }
}
