import Foundation
import Testing

@testable import LeggioTUI
import LeggioTestSupport

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh directory under the system's temporary directory.
func makeTemporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("leggio-themes-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// WCAG 2 contrast ratio of two colours (1 to 21), nil when either is the terminal's
/// default, whose value only the terminal knows.
func contrast(_ a: Color, _ b: Color) -> Double? {
  guard let x = a.rgbValue, let y = b.rgbValue else { return nil }
  func luminance(_ c: (red: UInt8, green: UInt8, blue: UInt8)) -> Double {
    func channel(_ v: UInt8) -> Double {
      let s = Double(v) / 255
      return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)
  }
  let (l1, l2) = (luminance(x), luminance(y))
  return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
}

/// The theme of this name from the built-in catalog, failing the test when it is missing.
func builtInTheme(_ name: String) throws -> Theme {
  try #require(ThemeCatalog.builtIn.theme(named: name), "no built-in theme \(name)")
}
