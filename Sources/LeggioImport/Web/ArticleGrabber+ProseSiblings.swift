/// A sibling of the chosen block that scored nothing because its paragraphs sit deeper
/// than Readability's five levels (a story split into rows by an advert, its opening
/// paragraphs in the row with the photo credit): it joins the article when it reads as
/// prose — paragraphs of eighty characters and more, with few links, make most of its
/// text — its class is not negative, and it holds no form and no "read more" link.
extension ArticleGrabber {
  func readsAsProse(_ block: HTMLNode) -> Bool {
    guard block.name != "p", block.isElement else { return false }
    let length = block.innerTextLength
    guard length >= 400, linkDensity(block) < 0.2, classWeight(block) >= 0 else { return false }
    var proseLength = 0
    var paragraphs = 0
    for paragraph in block.elements(named: "p") {
      let own = paragraph.innerTextLength
      guard own >= 80, linkDensity(paragraph) < 0.25 else { continue }
      proseLength += own
      paragraphs += 1
    }
    guard paragraphs >= 2 && proseLength * 5 >= length * 3 else { return false }
    // A contact form's notes and a list of teasers read as prose too.
    if !block.elements(namedAnyOf: Self.formControls).isEmpty { return false }
    return !block.elements(named: "a").contains { TeaserLine.endsInReadMore($0.innerText) }
  }

  private static let formControls: Set<String> = ["form", "input", "textarea", "select"]
}
