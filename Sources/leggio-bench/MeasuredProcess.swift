import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A whole child process timed the way `/usr/bin/time` does: wall time from spawn to exit,
/// and the kernel's own account of it from `wait4` (CPU time and peak resident memory of
/// that one child, which `getrusage(RUSAGE_CHILDREN)` cannot give apart from the others).
struct MeasuredProcess {
  var status: Int32
  var wall: Double
  var cpu: Double
  /// Peak resident set size in bytes.
  var peakRSS: Int
  /// What the peak was made of, sampled (`RSSSampler`); nil unless asked for.
  var peakSplit: RSSSampler.Split?

  /// Runs `executable` with `arguments` and `environment`, standard output to `output`
  /// (nil: /dev/null) and standard error to /dev/null. Nil when it could not start.
  /// `splitsPeak`: also samples what its resident memory is made of (`peakSplit`).
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String],
    output: String? = nil, splitsPeak: Bool = false
  ) -> MeasuredProcess? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(
      &actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { return nil }
    let sampler = splitsPeak ? RSSSampler(pid: pid) : nil
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let split = sampler?.stop()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    // WEXITSTATUS, spelled out: Glibc's macro is not imported into Swift.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return MeasuredProcess(
      status: exitStatus, wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
      peakRSS: usage.ru_maxrss * 1024, peakSplit: split)
  }

  /// "1.23 s, peak 45 MB  (cpu 1.10 s)", with "; at the sampled peak: file 30 MB,
  /// anonymous 15 MB" when split.
  var summary: String {
    Stopwatch.format(wall) + ", peak " + Self.megabytes(peakRSS) + "  (cpu "
      + Stopwatch.format(cpu) + (peakSplit.map { "; at the sampled peak " + $0.summary } ?? "")
      + ")"
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.0f MB", Double(bytes) / 1_000_000)
  }
}
