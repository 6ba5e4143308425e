import Foundation

/// A temporary home for one end-to-end test of the reader: its library, configuration,
/// data and state all inside one fresh directory, so no test sees another's.
struct TUIHome {
  let directory: URL
  let environment: [String: String]

  init(_ name: String) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "LEGGIO_LIBRARY": directory.appendingPathComponent("library.sqlite").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
      "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
    ]
  }
}
