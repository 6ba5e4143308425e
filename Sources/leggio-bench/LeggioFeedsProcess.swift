import Foundation

/// Times `leggio feeds update` as a whole process, the way newsboat is timed: a fresh
/// library in `directory` subscribed to `url`, then one update.
enum LeggioFeedsProcess {
  /// The `leggio` built beside this bench, if any.
  static var executable: URL? {
    let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let leggio = bench.deletingLastPathComponent().appendingPathComponent("leggio")
    return FileManager.default.isExecutableFile(atPath: leggio.path) ? leggio : nil
  }

  static func update(url: URL, directory: URL) -> (wall: Double, cpu: Double, output: String)? {
    guard let executable else { return nil }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var environment = ProcessInfo.processInfo.environment
    environment["LEGGIO_LIBRARY"] = directory.appendingPathComponent("library.sqlite").path
    guard run(executable, ["feeds", "add", url.absoluteString], environment)?.status == 0 else {
      return nil
    }
    let cpuBefore = CPUTime.ofChildren()
    let start = DispatchTime.now().uptimeNanoseconds
    guard let update = run(executable, ["feeds", "update"], environment), update.status == 0
    else { return nil }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds, CPUTime.ofChildren() - cpuBefore, update.output)
  }

  private static func run(_ executable: URL, _ arguments: [String], _ environment: [String: String])
    -> (status: Int32, output: String)?
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }
}
