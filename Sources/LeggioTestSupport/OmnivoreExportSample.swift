import Foundation

/// An Omnivore export zip as the service made them (`metadata_*.json`,
/// `content/<slug>.html`, `highlights/<slug>.md`; the corpus holds only the metadata file)
/// with one article's text and highlights (one of which the text
/// lacks) and one item without text, written with the `zip` tool.
public enum OmnivoreExportSample {
  /// Writes the zip in `directory` and returns its URL.
  public static func write(in directory: URL) throws -> URL {
    let tree = directory.appendingPathComponent("export")
    let fileManager = FileManager.default
    for folder in ["content", "highlights"] {
      try fileManager.createDirectory(
        at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let files = [
      "metadata_0_to_2.json": """
      [{"id":"1","slug":"premier","title":"Premier article","author":"Anna Rossi",
        "url":"https://example.org/premier","state":"Archived","labels":["lu"],
        "savedAt":"2024-10-29T16:30:11.000Z","publishedAt":"2024-10-28T08:00:00.000Z"},
       {"id":"2","slug":"sans-texte","title":"Sans texte","url":"https://example.org/sans-texte",
        "state":"Active","labels":[],"savedAt":"2024-10-30T10:00:00.000Z"}]
      """,
      "content/premier.html": """
      <div><h1>Premier article</h1>
      <p>Le premier paragraphe parle de tout et de rien, longuement.</p>
      <p>Le second paragraphe dit autre chose, avec une phrase lointaine à la fin.</p></div>
      """,
      "highlights/premier.md": """
      # Premier article

      > Le second paragraphe dit autre chose [⤴️](https://omnivore.app/me/premier#a1)

      > une phrase lointaine [⤴️](https://omnivore.app/me/premier#a2)

      Une note
      sur deux lignes

      > a passage the text does not have [⤴️](https://omnivore.app/me/premier#a3)
      """,
    ]
    for (name, text) in files {
      try text.write(to: tree.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let zip = directory.appendingPathComponent("omnivore-export.zip")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
    process.arguments = ["-qr", zip.path, "."]
    process.currentDirectoryURL = tree
    try process.run()
    process.waitUntilExit()
    return zip
  }
}
