import Testing

@testable import LeggioImport

/// An article without a title of its own is named after its file: the last path
/// component without its extension, underscores read as spaces.
@Suite struct FallbackTitleTests {
  @Test(arguments: [
    ("/home/anna/articoli/la_nuova_via.txt", "la nuova via"),
    ("città_più_bella.md", "città più bella"),
    ("notes.tar.gz", "notes.tar"),
    ("_", " "),
    ("senza-estensione", "senza-estensione"),
    ("-", "Untitled"),
    ("", "Untitled"),
  ])
  func aFileNameBecomesATitle(name: String, title: String) {
    #expect(ArticleImporter.title(fromName: name) == title)
  }
}
