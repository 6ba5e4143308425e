import Foundation
import LeggioModel

/// Opens a kept picture in the system's image viewer without leaving Leggio or waiting
/// for it: `$LEGGIO_IMAGE_VIEWER` (a command; the picture's file is its last argument, or
/// stands for `%s`), else `xdg-open` (see `DetachedCommand`). The picture is written once
/// to a file named by its hash in a private temporary folder.
enum PictureViewerLauncher {
  static func open(
    _ image: KeptImage, environment: [String: String],
    ended: @escaping @Sendable (String) -> Void
  ) throws {
    let file = try write(image)
    try DetachedCommand.start(
      environment["LEGGIO_IMAGE_VIEWER"]?.trimmingCharacters(in: .whitespaces),
      argument: file.path, variable: "$LEGGIO_IMAGE_VIEWER", purpose: "viewer",
      environment: environment, ended: ended)
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
