import Foundation
import LeggioImport

/// `python3 -m http.server` serving a directory on 127.0.0.1, so Leggio and newsboat
/// fetch the same bytes from the same kind of server.
final class PythonServer {
  let process = Process()
  let base: URL

  init?(directory: URL) {
    let port = Int.random(in: 20_000..<40_000)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory",
      directory.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    base = URL(string: "http://127.0.0.1:\(port)")!
    do { try process.run() } catch { return nil }
    // Wait until it answers (at most 5 s).
    for _ in 0..<50 {
      if (try? HTTPClient().get(HTTPGetRequest(url: base, idleTimeout: 1))) != nil { return }
      usleep(100_000)
    }
    stop()
    return nil
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}

/// Times `newsboat -x reload` with its own urls file, config and cache in `directory`.
enum Newsboat {
  static func reload(url: URL, directory: URL) -> (wall: Double, cpu: Double)? {
    let paths = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"]
    guard let executable = paths.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      return nil
    }
    let home = directory
    try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let cpuBefore = CPUTime.ofChildren()
    let urls = home.appendingPathComponent("urls")
    let config = home.appendingPathComponent("config")
    let cache = home.appendingPathComponent("cache.db")
    try? (url.absoluteString + "\n").write(to: urls, atomically: true, encoding: .utf8)
    try? "max-items 0\nreload-threads 1\n".write(to: config, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-u", urls.path, "-C", config.path, "-c", cache.path, "-x", "reload"]
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment["XDG_CONFIG_HOME"] = home.path
    environment["XDG_DATA_HOME"] = home.path
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard process.terminationStatus == 0 else {
      print("newsboat exited with status \(process.terminationStatus)")
      return nil
    }
    return (seconds, CPUTime.ofChildren() - cpuBefore)
  }
}

/// User + system CPU seconds, from getrusage.
enum CPUTime {
  static func ofSelf() -> Double { seconds(RUSAGE_SELF) }
  /// Of the children waited for so far (newsboat, once it has exited).
  static func ofChildren() -> Double { seconds(RUSAGE_CHILDREN) }

  private static func seconds(_ who: __rusage_who) -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(who.rawValue), &usage)
    func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return value(usage.ru_utime) + value(usage.ru_stime)
  }
}
