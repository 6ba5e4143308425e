import Foundation
import Testing

@testable import LeggioTUI

@Suite struct ThemeEmbeddingTests {
  @Test func embeddedThemesMatchThemeFiles() throws {
    let directory = packageRoot.appendingPathComponent("Themes")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".toml") }.sorted()
    let hint = "Themes/ and EmbeddedThemes.swift differ: run scripts/embed-themes"
    #expect(EmbeddedThemes.files.map(\.name) == names, "\(hint)")
    for name in names {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      let embedded = EmbeddedThemes.files.first { $0.name == name }?.text
      #expect(embedded == text, "\(name): \(hint)")
    }
  }
}
