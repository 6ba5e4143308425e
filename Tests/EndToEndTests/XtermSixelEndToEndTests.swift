import FlyingFox
import Foundation
import LeggioTestSupport
import Testing

/// Once in a real terminal that shows sixel: Debian's xterm as a VT340 (`-ti vt340`) on an
/// Xvfb screen. A page with a red-and-blue photo is added from a server on 127.0.0.1, the
/// server is stopped, and leggio (with `images = "auto"`: it finds sixel from xterm's
/// device attributes) opens it; a screenshot of the screen (`xwd`) holds the photo's own
/// colours — exactly, as only sixel's pixels can give them (a 256-colour cell would be
/// the palette's nearest red) — red on the left, blue on the right.
@Suite(
  .serialized,
  .enabled(
    if: ["/usr/bin/xterm", "/usr/bin/Xvfb", "/usr/bin/xwd", "/usr/bin/xdotool"].allSatisfy {
      FileManager.default.isExecutableFile(atPath: $0)
    }, "xterm, Xvfb, xwd or xdotool is not installed"))
struct XtermSixelEndToEndTests {
  static let page = """
    <html lang="en"><head><meta charset="utf-8"><title>The summit</title></head><body>
    <article><h1>The summit</h1>
    <figure><img src="/photo.png" alt="The two leaders"><figcaption>The two leaders © AP Photo/Pool</figcaption></figure>
    <p>Paragraph one of the report, with enough words in it to be read as the article's text.</p>
    <p>Paragraph two of the report, with enough words in it to be read as the article's text.</p>
    </article></body></html>
    """

  /// Starts `program` with `arguments`; the caller ends it.
  static func start(_ program: String, _ arguments: [String], environment: [String: String])
    throws -> Process
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Ends `process`: SIGTERM, then SIGKILL if it is still there after two seconds (a
  /// child can inherit an ignored SIGTERM from the test runner; Xvfb and xterm then
  /// outlived the test).
  static func stop(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<20 where process.isRunning { usleep(100_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  /// A display number no X server uses here.
  static func freeDisplay() -> Int {
    (90..<140).first { !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\($0)") } ?? 139
  }

  @Test func xtermShowsTheSixelPhotoInItsOwnColours() async throws {
    let cli = try CLIHarness()
    let photo = TestPictures.png(width: 480, height: 300)
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    await server.appendRoute("GET /story.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(Self.page.utf8))
    }
    await server.appendRoute("GET /photo.png") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: photo)
    }
    var added: CLIHarness.Result?
    try await server.serving { base in
      added = try await cli.runAsync(
        ["add", base.appendingPathComponent("story.html").absoluteString, "--timeout", "60"])
    }
    #expect(added?.status == 0, "\(added?.stderr ?? "")")

    let config = cli.directory.appendingPathComponent("config")
    try FileManager.default.createDirectory(
      at: config.appendingPathComponent("leggio"), withIntermediateDirectories: true)
    try "[reader]\nimages = \"auto\"\n".write(
      to: config.appendingPathComponent("leggio/config.toml"), atomically: true, encoding: .utf8)
    let display = Self.freeDisplay()
    let xvfb = try Self.start(
      "/usr/bin/Xvfb", [":\(display)", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
      environment: [:])
    defer { Self.stop(xvfb) }
    let socket = "/tmp/.X11-unix/X\(display)"
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) {
      try await Task.sleep(for: .milliseconds(100))
    }
    let x = ["DISPLAY": ":\(display)"]
    let xterm = try Self.start(
      "/usr/bin/xterm",
      [
        "-ti", "vt340", "-geometry", "80x24+0+0", "-xrm", "XTerm*numColorRegisters: 256", "-e",
        "/usr/bin/env", "LEGGIO_LIBRARY=\(cli.libraryPath)", "XDG_CONFIG_HOME=\(config.path)",
        "XDG_STATE_HOME=\(cli.directory.path)/state", "XDG_DATA_HOME=\(cli.directory.path)/data",
        "HOME=\(cli.directory.path)", "NO_COLOR=", "TERM=xterm-256color", TUITmux.binary.path,
      ], environment: x)
    defer { Self.stop(xterm) }
    var window = ""
    for _ in 0..<100 where window.isEmpty {
      try await Task.sleep(for: .milliseconds(100))
      window =
        (try? TUITmux.run("/usr/bin/xdotool", ["search", "--class", "xterm"], environment: x))?
        .output.split(separator: "\n").first.map(String.init) ?? ""
    }
    try #require(!window.isEmpty, "no xterm window appeared")
    // The library is drawn once leggio has asked its questions; then open the article.
    try await Task.sleep(for: .seconds(2))
    try TUITmux.run("/usr/bin/xdotool", ["windowfocus", "--sync", window], environment: x)
    try TUITmux.run("/usr/bin/xdotool", ["key", "Return"], environment: x)
    var counts = ColourCounts()
    for _ in 0..<20 where counts.red < 5_000 {
      try await Task.sleep(for: .milliseconds(500))
      let shot = try TUITmux.run(
        "/bin/sh", ["-c", "/usr/bin/xwd -root -silent > '\(cli.directory.path)/screen.xwd'"],
        environment: x)
      #expect(shot.status == 0, "\(shot.output)")
      let data = try Data(contentsOf: cli.directory.appendingPathComponent("screen.xwd"))
      counts = try #require(ColourCounts(xwd: data), "not a 32-bit XWD screenshot")
    }
    // The photo's (200, 30, 30) and (30, 30, 200) within sixel's percent rounding.
    #expect(counts.red > 5_000 && counts.blue > 5_000, "\(counts)")
    #expect(counts.redMeanX < counts.blueMeanX, "\(counts)")
    // Both halves alike in size: the picture is whole, not cut.
    #expect(abs(counts.red - counts.blue) < counts.red / 10, "\(counts)")
  }
}

/// How many pixels of a screenshot are the test photo's red and blue, and where.
struct ColourCounts: CustomStringConvertible {
  var red = 0
  var blue = 0
  var redMeanX = 0.0
  var blueMeanX = 0.0

  init() {}

  /// Reads an XWD file of a 24-bit TrueColor screen (32 bits a pixel, as Xvfb's).
  init?(xwd data: Data) {
    let bytes = [UInt8](data)
    guard bytes.count > 100 else { return nil }
    func field(_ index: Int) -> Int {
      (0..<4).reduce(0) { $0 << 8 | Int(bytes[index * 4 + $1]) }
    }
    let (headerSize, width, height) = (field(0), field(4), field(5))
    let (byteOrder, bitsPerPixel, bytesPerLine, colours) = (
      field(7), field(11), field(12), field(19)
    )
    guard bitsPerPixel == 32 else { return nil }
    let start = headerSize + colours * 12
    guard bytes.count >= start + height * bytesPerLine else { return nil }
    func near(_ value: UInt8, _ target: Int) -> Bool { abs(Int(value) - target) <= 6 }
    var (redX, blueX) = (0, 0)
    for y in 0..<height {
      for x in 0..<width {
        let at = start + y * bytesPerLine + x * 4
        let (r, g, b) =
          byteOrder == 0
          ? (bytes[at + 2], bytes[at + 1], bytes[at])
          : (bytes[at + 1], bytes[at + 2], bytes[at + 3])
        if near(r, 200) && near(g, 30) && near(b, 30) {
          red += 1
          redX += x
        } else if near(r, 30) && near(g, 30) && near(b, 200) {
          blue += 1
          blueX += x
        }
      }
    }
    redMeanX = Double(redX) / Double(max(1, red))
    blueMeanX = Double(blueX) / Double(max(1, blue))
  }

  var description: String {
    "red \(red) pixels (mean x \(Int(redMeanX))), blue \(blue) (mean x \(Int(blueMeanX)))"
  }
}
