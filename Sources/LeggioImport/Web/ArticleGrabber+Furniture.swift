import Foundation

/// Boxes inside the article's container that are not the article (author bios,
/// newsletter sign-ups), and the lead that sits just before the container.
extension ArticleGrabber {
  /// Class/id fragments of author-bio and sign-up boxes.
  static let boxNeedles = NeedleSet([
    "author-bio", "authorbio", "author-box", "authorbox", "about-author", "about-the-author",
    "author-info", "author-description", "author-card", "autorenbox", "autorbox", "autor-box",
    "bio-box", "biobox", "newsletter", "subscribe-", "-subscribe", "subscription-box",
    "signup", "sign-up", "abonnieren", "disclosure", "disclaimer", "post-author",
    "author-profile",
  ])

  /// Above this many characters a box is more than a bio or a sign-up form.
  static let boxLength = 800

  /// Removes author-bio and newsletter boxes that survived into the article.
  func removeBoxes(_ content: HTMLNode) {
    let boxes = content.descendants { node in
      node.isElement
        && (ReadabilityPatterns.classOrIDMatches(node, Self.boxNeedles) || Self.isSignUpBox(node))
    }
    var remove: [HTMLNode] = []
    for box in boxes where box.innerTextLength <= Self.boxLength {
      if remove.contains(where: { box.isInside($0) }) { continue }
      remove.append(box)
    }
    HTMLNode.detach(remove)
  }

  /// Class/id/itemprop fragments of a lead (standfirst, teaser, chapô, entradilla).
  static let leadNeedles = NeedleSet([
    "lead", "intro", "teaser", "chapo", "chapeau", "standfirst", "summary", "excerpt",
    "description", "subtitle", "subheadline", "sub-headline", "sapo", "entradilla",
    "abstract", "vorspann", "dek",
  ])

  /// A lead beside the top candidate or one of its three nearest ancestors (the closest
  /// two element siblings before each): a short, link-free block marked as a lead.
  func leadBefore(_ top: HTMLNode, body: HTMLNode) -> HTMLNode? {
    var node = top
    for _ in 0..<4 {
      guard let parent = node.parent, node !== body, let index = node.indexInParent else {
        return nil
      }
      var looked = 0
      for sibling in parent.children[..<index].reversed() where sibling.isElement {
        guard sibling.hasVisibleText else { continue }
        if let lead = lead(in: sibling) { return lead }
        looked += 1
        if looked == 2 { break }
      }
      if parent === body { return nil }
      node = parent
    }
    return nil
  }

  private func lead(in block: HTMLNode) -> HTMLNode? {
    guard block.innerTextLength <= 2000 else { return nil }
    return markedLead(in: block)
  }

  private static let notLeads: Set<String> = ["a", "nav", "li", "ul", "ol", "form", "h1"]

  /// The deepest marked lead at or below `node` ("div.intro > div.teaser-text > p").
  private func markedLead(in node: HTMLNode) -> HTMLNode? {
    guard node.isElement, !Self.notLeads.contains(node.name) else { return nil }
    let marked =
      (ReadabilityPatterns.classOrIDMatches(node, Self.leadNeedles)
        || ReadabilityPatterns.attributeMatches(node, "itemprop", Self.leadNeedles))
      && isLeadText(node)
    for child in node.children where child.isElement {
      if let inner = markedLead(in: child) { return inner }
    }
    return marked ? node : nil
  }

  private func isLeadText(_ node: HTMLNode) -> Bool {
    let length = node.innerTextLength
    return length >= 40 && length <= 1000 && linkDensity(node) < 0.3
      && Self.endsSentence(node.innerText)
  }
}
