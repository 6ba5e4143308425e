import Foundation

/// The `cmark-gfm` program (Debian's `cmark-gfm`, the same 0.29 library Leggio links),
/// for telling what the library itself writes from what Leggio changes: an example that
/// Leggio writes as `cmark-gfm` does fails because of the library (its version, or a GFM
/// extension), not because of Leggio.
public enum CmarkGFMProgram {
  public static let path = "/usr/bin/cmark-gfm"

  public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// `markdown` as `cmark-gfm --unsafe` writes it with `extensions` (`-e autolink`...).
  public static func html(_ markdown: String, extensions: [String] = []) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--unsafe"] + extensions.flatMap { ["-e", $0] }
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(markdown.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
