import Foundation
import LeggioModel

/// Opens a kept picture in the system's image viewer without leaving Leggio:
/// `$LEGGIO_IMAGE_VIEWER` (a command; the picture's file is its last argument, or stands
/// for `%s`), else `xdg-open`. The picture is written once to a file named by its hash
/// in a private temporary folder; the file's name goes to the shell as an argument, never
/// as part of the command, and the viewer's output is discarded so it cannot draw over the
/// screen. Nothing waits for the viewer.
enum PictureViewerLauncher {
  static func open(
    _ image: KeptImage, environment: [String: String],
    ended: @escaping @Sendable (String) -> Void
  ) throws {
    let file = try write(image)
    let process = Process()
    let viewer = environment["LEGGIO_IMAGE_VIEWER"]?.trimmingCharacters(in: .whitespaces)
    let name: String
    if let viewer, !viewer.isEmpty {
      name = "$LEGGIO_IMAGE_VIEWER (\(viewer))"
      let command =
        viewer.contains("%s")
        ? viewer.replacingOccurrences(of: "%s", with: "\"$1\"") : viewer + " \"$1\""
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", command, "leggio-image-viewer", file.path]
    } else {
      name = "xdg-open (set $LEGGIO_IMAGE_VIEWER to choose a viewer)"
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["xdg-open", file.path]
    }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.terminationHandler = { process in
      guard process.terminationStatus != 0 else { return }
      ended("\(name) failed with status \(process.terminationStatus)")
    }
    try process.run()
  }

  /// The picture's file: `leggio-pictures-UID/HASH.EXT` in the temporary folder, made
  /// readable by this user only, written when it is not there yet.
  static func write(_ image: KeptImage) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-pictures-\(getuid())")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let kind = ImageFormat(sniffing: image.data)?.rawValue ?? "img"
    let file = folder.appendingPathComponent("\(image.hash).\(kind == "jpeg" ? "jpg" : kind)")
    if !FileManager.default.fileExists(atPath: file.path) {
      try image.data.write(to: file, options: .atomic)
    }
    return file
  }
}
