import Foundation

/// Page furniture that survives Readability's cleaning because it sits inside the
/// article's container: captions and photo credits in the text stream, headings that open
/// a related-articles, share, tags or comments section (with the link list after them),
/// and short label lines ("Kategorie: News", "Bild: dpa", "Tags: …"), in the languages
/// of the pages Leggio reads (the approach of trafilatura and jusText).
extension ArticleGrabber {
  func removeBoilerplate(_ content: HTMLNode) {
    gatherCaptions(content)
    removeSectionHeadings(content)
    removeLabelLines(content)
    removeTeaserLinks(content)
  }

  // MARK: Captions

  static let captionHints = [
    "caption", "credit", "copyright", "bildunterschrift", "bildtext", "bildnachweis",
    "fotonachweis", "legende", "photo-source", "image-source", "img-source", "media-source",
    "imagedesc", "image-desc", "img-desc", "photo-desc", "foto-desc", "bildbeschreibung",
  ].map(ByteNeedle.init)

  /// A caption or credit beside one image becomes that image's `figcaption` (the image
  /// block keeps it as metadata); one with no image near it is dropped.
  private func gatherCaptions(_ content: HTMLNode) {
    let captions = content.descendants { node in
      node.isElement && !["figcaption", "figure", "caption", "table", "img"].contains(node.name)
        && ReadabilityPatterns.classOrIDMatches(node, Self.captionHints)
    }
    for caption in captions where caption.isInside(content) {
      if caption.hasAncestor("figcaption", maxDepth: 0) { continue }
      let length = caption.innerTextLength
      guard length > 0, length <= 400 else { continue }
      if caption.hasAncestor("figure", maxDepth: 0) {
        caption.rename(to: "figcaption")
        continue
      }
      if let frame = imageFrame(around: caption, captionLength: length) {
        frame.rename(to: "figure")
        caption.rename(to: "figcaption")
      } else if caption.elements(named: "img").isEmpty {
        caption.removeFromParent()
      }
    }
  }

  /// The nearest ancestor (three levels at most) holding exactly one image and little
  /// text besides the caption.
  private func imageFrame(around caption: HTMLNode, captionLength: Int) -> HTMLNode? {
    var node = caption.parent
    var depth = 0
    while let current = node, current.isElement, depth < 3 {
      let images = current.elements(named: "img")
      if images.count > 1 { return nil }
      if images.count == 1 {
        return current.innerTextLength - captionLength < 40 ? current : nil
      }
      node = current.parent
      depth += 1
    }
    return nil
  }

  // MARK: Section headings

  /// Whole texts of headings that open furniture, lower-cased.
  static let sectionNames: Set<String> = [
    "related", "related articles", "related posts", "related stories", "related content",
    "read more", "read also", "see also", "more stories", "you may also like",
    "you might also like", "recommended", "recommended for you", "most read", "most popular",
    "trending", "latest news", "latest articles", "latest posts", "share", "share this",
    "share this article", "share this post", "comments", "leave a reply", "leave a comment",
    "newsletter", "subscribe", "tags", "categories", "auch interessant",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "lesen sie auch", "lies auch", "mehr zum thema", "beiträge zum thema", "neueste artikel",
    "neueste beiträge", "ähnliche artikel", "ähnliche beiträge", "weitere artikel",
    "weitere beiträge", "weitere informationen", "weitere nachrichten", "teilen",
    "diesen artikel teilen", "beitrag teilen", "kommentare", "keine kommentare",
    "schreibe einen kommentar", "kommentar schreiben", "abonniere unseren newsletter",
    "newsletter abonnieren", "schlagwörter", "schlagworte", "themen", "kategorien",
    "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "dans la même rubrique",
    "partager", "commentaires", "articles similaires", "leggi anche", "articoli correlati",
    "potrebbe interessarti", "condividi", "commenti", "te puede interesar",
    "noticias relacionadas", "artículos relacionados", "compartir", "comentarios",
    "zobacz także", "zobacz też", "czytaj także", "czytaj też", "podobne artykuły",
    "udostępnij", "komentarze", "anzeige", "werbung", "advertisement", "sponsored",
    "publicité", "pubblicità", "publicidad", "reklama",
    // Labels of the advert slots news sites set between paragraphs.
    "continue reading below", "story continues below", "article continues below",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below advertisement",
  ]

  /// Prefixes of such headings ("Weitere Tourentipps", "More from the BBC").
  static let sectionPrefixes = [
    "related ", "more from ", "more on ", "other ", "weitere ", "mehr aus ", "mehr von ",
    "ähnliche ", "andere ", "autres ", "altri ", "otros ", "więcej ",
  ]

  private static let furnitureEnds: Set<Unicode.Scalar> = [
    " ", ":", ".", "!", "?", "…", "»", "«", "›", "‹",
  ]

  static func namesFurniture(_ text: String, byPrefix: Bool = true) -> Bool {
    let key = text.lowercased().trimming(furnitureEnds)
    if sectionNames.contains(key) { return true }
    let words = key.split(separator: " ").count
    return byPrefix && words <= 4 && sectionPrefixes.contains { key.hasPrefix($0) }
  }

  /// A heading that names furniture goes, with the link-heavy blocks after it.
  private func removeSectionHeadings(_ content: HTMLNode) {
    let headings = content.elements(namedAnyOf: ["h2", "h3", "h4", "h5", "h6"])
    for heading in headings where heading.isInside(content) {
      let length = heading.innerTextLength
      guard length > 0, length < 60, Self.namesFurniture(heading.innerText) else { continue }
      var next = heading.nextElementSibling
      heading.removeFromParent()
      while let block = next, block.name != heading.name, !block.name.hasPrefix("h"),
        isLinkList(block)
      {
        next = block.nextElementSibling
        block.removeFromParent()
      }
    }
  }

  /// A block that is mostly links (teasers, tag clouds, share buttons).
  private func isLinkList(_ node: HTMLNode) -> Bool {
    let length = node.innerTextLength
    return length == 0 || linkDensity(node) > 0.5
  }

  // MARK: Label lines

  /// Starts of short lines that label rather than tell.
  static let labelPrefixes = [
    "kategorie:", "kategorien:", "category:", "categories:", "filed under", "posted in",
    "tags:", "schlagwörter:", "schlagworte:", "themen:", "bild:", "bilder:", "foto:", "fotos:",
    "photo:", "photos:", "crédits photos", "crédit photo", "credit:", "credits:",
    "bildquelle:", "bildnachweis", "fotonachweis", "©", "zurück zu", "zurück zur",
    "hier können sie", "entdecken sie", "warning:", "notice:", "last modified:",
    "abonniere", "newsletter abonnieren", "jetzt abonnieren", "beitragsbild",
    "quellen ausblenden", "keine kommentare", "kommentare (", "anzeige,", "anzeige:",
    "anzeige |", "werbung:", "advertisement:", "sponsored:",
  ]

  /// Paragraphs and list-free blocks of a few words that are labels ("Kategorie: News").
  private func removeLabelLines(_ content: HTMLNode) {
    let lines = content.elements(namedAnyOf: ["p", "div", "li", "h5", "h6"])
    var remove: [HTMLNode] = []
    for line in lines {
      let length = line.innerTextLength
      guard length > 0, length <= 80 else { continue }
      let text = line.innerText.lowercased()
      if Self.labelPrefixes.contains(where: text.hasPrefix)
        || Self.namesFurniture(text, byPrefix: false)
      {
        remove.append(line)
      }
    }
    HTMLNode.detach(remove)
  }
}
