import LeggioModel
import Testing

@testable import LeggioLayout

/// Every page of `article`, laying out all of it.
func allPages(_ article: PagedArticle) -> [Page] {
  var pages: [Page] = []
  while let page = article.page(at: pages.count) { pages.append(page) }
  return pages
}

/// Documents with all the kinds of block, to paginate at many sizes.
enum SampleDocuments {
  static let verse = Document(blocks: Array(Fixtures.divinaCommedia.blocks.prefix(120)))
  static let prose = Document(blocks: Array(Fixtures.promessiSposi.blocks.prefix(150)))

  /// Headings, quotes, lists, code and images between paragraphs of the reference article.
  static let mixed: Document = {
    let body = Fixtures.referenceArticle.document.blocks
    var blocks: [Block] = []
    for (index, paragraph) in (body + body + body).enumerated() {
      blocks.append(Block(.heading(level: 2), text: "Capitolo \(index + 1)"))
      if index % 3 == 1 { blocks.append(Block(.heading(level: 3), text: "Sezione")) }
      blocks.append(paragraph)
      if index % 4 == 0 {
        blocks.append(
          Block(
            .blockQuote(depth: 1), text: "«Non rappresenta una minaccia per nessuno», ha detto."))
      }
      if index % 4 == 1 {
        blocks.append(
          Block(.listItem(depth: 1, ordinal: 1), text: "Mosca e Pyongyang continuano a negare."))
        blocks.append(Block(.listItem(depth: 2, ordinal: nil), text: "中文的文字，在这里。日本語のテキスト。"))
      }
      if index % 4 == 2 {
        blocks.append(
          Block(.preformatted, text: "curl https://www.cdt.ch/news/mondo\n\tkim --jong-un"))
      }
      if index % 4 == 3 { blocks.append(Block(.image(credit: "AP"), text: "Putin e Kim 👍🏽")) }
      blocks.append(Block(.paragraph, text: "Breve."))
    }
    blocks.append(Block(.rule, []))
    return Document(blocks: blocks)
  }()

  static let all: [(name: String, document: Document, metadata: ArticleMetadata?)] = [
    ("reference", Fixtures.referenceArticle.document, Fixtures.referenceArticle.metadata),
    ("verse", verse, ArticleMetadata(title: "La Divina Commedia", byline: "Dante Alighieri")),
    ("prose", prose, nil),
    ("mixed", mixed, ArticleMetadata(title: "Misto", kicker: "Prova")),
  ]
}
