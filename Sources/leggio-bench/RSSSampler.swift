import Foundation

/// Samples a running process's resident memory from `/proc/PID/status` every 10 ms and
/// keeps the sample of the largest total, split into file-backed pages (the executable,
/// its libraries, mapped files: shared with other processes and given back under memory
/// pressure) and anonymous ones (heap, stacks). `wait4`'s peak says how much, this says
/// of which kind; nil where there is no `/proc`.
final class RSSSampler: @unchecked Sendable {
  /// Resident bytes at the sampled peak.
  struct Split {
    var file = 0
    var anonymous = 0
    var total: Int { file + anonymous }

    /// "file 35 MB, anonymous 36 MB"
    var summary: String {
      "file " + MeasuredProcess.megabytes(file) + ", anonymous "
        + MeasuredProcess.megabytes(anonymous)
    }
  }

  private let path: String
  private let condition = NSCondition()
  private var running = true
  private var finished = false
  private var peak: Split?

  /// Starts sampling `pid` at once, on a thread of its own.
  init(pid: pid_t) {
    path = "/proc/\(pid)/status"
    let thread = Thread { [self] in sample() }
    thread.start()
  }

  /// Stops sampling (call once the process has exited) and returns the peak seen.
  func stop() -> Split? {
    condition.lock()
    defer { condition.unlock() }
    running = false
    condition.signal()
    while !finished { condition.wait() }
    return peak
  }

  private func sample() {
    condition.lock()
    while running {
      condition.unlock()
      let split = Self.read(path)
      condition.lock()
      if let split, split.total > (peak?.total ?? 0) { peak = split }
      _ = condition.wait(until: Date(timeIntervalSinceNow: 0.01))
    }
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// RssFile (with RssShmem) and RssAnon of a status file, in bytes; nil when absent.
  static func read(_ path: String) -> Split? {
    guard let status = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    var split = Split()
    var found = false
    for line in status.split(separator: "\n") {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
      switch fields[0] {
      case "RssAnon:":
        split.anonymous = kilobytes * 1024
        found = true
      case "RssFile:", "RssShmem:": split.file += kilobytes * 1024
      default: continue
      }
    }
    return found ? split : nil
  }
}
