import Foundation

/// Timing for the benchmarks: wall clock, and CPU time of the calling thread (`bestCPU`).
enum Stopwatch {
  /// Runs `body` and returns its result and the seconds it took.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let end = DispatchTime.now().uptimeNanoseconds
    return (result, Double(end - start) / 1e9)
  }

  /// The best of `runs` timings of `body`, in seconds.
  static func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs { best = min(best, try time(body).1) }
    return best
  }

  /// The best of `runs` timings of `body` in CPU seconds of the calling thread: what the
  /// work costs, unmoved by other processes sharing the machine (wall-clock time on a
  /// loaded machine measures the load as much as the code).
  static func bestCPU(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
      let start = threadCPUSeconds()
      try body()
      best = min(best, threadCPUSeconds() - start)
    }
    return best
  }

  static func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// Formats seconds for people: "12.3 ms", "1.24 s".
  static func format(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "%.2f ms", seconds * 1000) : String(format: "%.3f s", seconds)
  }
}

/// Peak resident memory of this process so far, in MiB (from /proc/self/status VmHWM).
func peakMemoryMiB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
    return kb / 1024
  }
  return 0
}
