import Foundation

/// One pass of the Readability scoring over a page body: removes unlikely and hidden
/// nodes, scores paragraphs into their ancestors, picks the top candidate, gathers its
/// siblings and cleans the result (see `ArticleGrabber+Cleaning`).
final class ArticleGrabber {
  typealias Patterns = ReadabilityPatterns
  let flags: ReadabilityExtractor.Flags
  let options: ReadabilityExtractor.Options
  let title: String
  /// A byline found in the page text (an element marked as the author), if any.
  private(set) var byline: String?
  /// Content scores, keyed by node identity; the node is kept alive with its score.
  private var scores: [ObjectIdentifier: (node: HTMLNode, score: Double)] = [:]
  var dataTables: Set<ObjectIdentifier> = []
  /// The title's words, for headings that repeat it.
  private lazy var titleWords = Set(TextSimilarity.words(title))

  init(flags: ReadabilityExtractor.Flags, options: ReadabilityExtractor.Options, title: String) {
    self.flags = flags
    self.options = options
    self.title = title
  }

  func score(of node: HTMLNode) -> Double? { scores[ObjectIdentifier(node)]?.score }

  func setScore(_ node: HTMLNode, _ value: Double) {
    scores[ObjectIdentifier(node)] = (node, value)
  }

  /// Returns a detached `div` holding the article.
  func grab(_ body: HTMLNode) -> HTMLNode {
    let elementsToScore = collectElementsToScore(body)
    let candidates = scoreParagraphs(elementsToScore, pageLength: body.innerTextLength)
    let content = HTMLNode(kind: .element, name: "div")
    guard let top = pickTopCandidate(candidates, body: body) else { return content }
    let lead = leadBefore(top, body: body)
    gatherSiblings(of: top, into: content)
    if let lead, !lead.isInside(content) {
      lead.removeFromParent()
      content.insert(lead, at: 0)
    }
    prepareArticle(content)
    return content
  }

  // MARK: Walking the page

  private func collectElementsToScore(_ body: HTMLNode) -> [HTMLNode] {
    var toScore: [HTMLNode] = []
    var queued: Set<ObjectIdentifier> = []
    // The blocks that hold the page's headline: one whose class reads as furniture
    // ("above-footer") but that holds the headline and much text is the page's body.
    var headlineHolders: Set<ObjectIdentifier> = []
    if var node = body.firstElement(named: "h1") {
      while let parent = node.parent, parent !== body {
        headlineHolders.insert(ObjectIdentifier(parent))
        node = parent
      }
    }
    func enqueue(_ node: HTMLNode) {
      if queued.insert(ObjectIdentifier(node)).inserted { toScore.append(node) }
    }
    for original in body.descendants(where: \.isElement) {
      var node = original
      guard node.isInside(body) else { continue }
      if !Visibility.isProbablyVisible(node) {
        node.removeFromParent()
        continue
      }
      if node.attribute("aria-modal") == "true" && node.attribute("role") == "dialog" {
        node.removeFromParent()
        continue
      }
      if byline == nil, isByline(node) {
        byline = node.bylineText
        node.removeFromParent()
        continue
      }
      if ["h1", "h2"].contains(node.name), duplicatesTitle(node) {
        node.removeFromParent()
        continue
      }
      if flags.contains(.stripUnlikelys) {
        if Patterns.classOrIDMatches(node, Patterns.unlikelyNeedles)
          && !Patterns.classOrIDMatches(node, Patterns.maybeNeedles)
          && !node.hasAncestor("table", maxDepth: 0) && !node.hasAncestor("code", maxDepth: 0)
          && node.name != "body" && node.name != "a" && !isSemanticArticle(node)
          && !(headlineHolders.contains(ObjectIdentifier(node)) && node.innerTextLength >= 1000)
          && !isProseUnderMenuName(node)
        {
          node.removeFromParent()
          continue
        }
        if let role = node.attribute("role"), Patterns.unlikelyRoles.contains(role) {
          node.removeFromParent()
          continue
        }
      }
      if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(node.name),
        isWithoutContent(node)
      {
        node.removeFromParent()
        continue
      }
      if Patterns.tagsToScore.contains(node.name) { enqueue(node) }
      if node.name == "div" {
        for paragraph in wrapPhrasingChildren(of: node) { enqueue(paragraph) }
        let elementChildren = node.elementChildren
        if elementChildren.count == 1, elementChildren[0].name == "p",
          !node.children.contains(where: { $0.kind == .text && !$0.isWhitespaceText }),
          linkDensity(node) < 0.25
        {
          let paragraph = elementChildren[0]
          node.parent?.replaceChild(node, with: paragraph)
          node = paragraph
          enqueue(node)
        } else if !hasChildBlockElement(node) {
          node = node.renamed(to: "p")
          enqueue(node)
        }
      }
    }
    return toScore
  }

  /// Runs of inline content directly inside a `div` become paragraphs; the children
  /// are rebuilt in one pass so a div of thousands of lines stays linear.
  private func wrapPhrasingChildren(of div: HTMLNode) -> [HTMLNode] {
    guard div.children.contains(where: { $0.isElement && !Phrasing.isPhrasing($0) }) else {
      return []
    }
    var made: [HTMLNode] = []
    var paragraph: HTMLNode?
    func closeParagraph() {
      while let last = paragraph?.children.last, last.isWhitespaceText {
        paragraph?.removeChild(last)
      }
      paragraph = nil
    }
    for child in div.removeAllChildren() {
      if Phrasing.isPhrasing(child) {
        if let current = paragraph {
          current.append(child)
        } else if child.isWhitespaceText || child.kind == .comment {
          div.append(child)
        } else {
          let wrapper = HTMLNode(kind: .element, name: "p")
          wrapper.append(child)
          div.append(wrapper)
          paragraph = wrapper
          made.append(wrapper)
        }
      } else {
        closeParagraph()
        div.append(child)
      }
    }
    closeParagraph()
    return made
  }

  private func isByline(_ node: HTMLNode) -> Bool {
    let marked =
      node.attribute("rel") == "author"
      || node.attribute("itemprop").map { Patterns.matches($0, [Self.authorNeedle]) } ?? false
      || Patterns.classOrIDMatches(node, Patterns.bylineNeedles)
    guard marked else { return false }
    let length = node.innerTextLength
    return length > 0 && length < 100
  }

  private func duplicatesTitle(_ heading: HTMLNode) -> Bool {
    guard !title.isEmpty else { return false }
    return TextSimilarity.similarity(words: titleWords, heading.innerText) > 0.75
  }

  private static let authorNeedle = ByteNeedle("author")

  func isSemanticArticle(_ node: HTMLNode) -> Bool {
    node.name == "article" || node.name == "main" || node.attribute("itemprop") == "articleBody"
  }

  func isWithoutContent(_ node: HTMLNode) -> Bool {
    guard !node.hasVisibleText else { return false }
    let elements = node.elementChildren
    return elements.isEmpty || elements.allSatisfy { $0.name == "br" || $0.name == "hr" }
  }

  private func hasChildBlockElement(_ node: HTMLNode) -> Bool {
    node.children.contains {
      $0.isElement
        && (Patterns.divToParagraphBlockers.contains($0.name) || hasChildBlockElement($0))
    }
  }

  // MARK: Scoring

  /// Readability's scoring. Text in a form (a sign-up's labels and promises) scores
  /// nothing, unless the form wraps most of the page, as ASP.NET pages' forms do.
  private func scoreParagraphs(_ elements: [HTMLNode], pageLength: Int) -> [HTMLNode] {
    var candidates: [HTMLNode] = []
    for element in elements {
      guard let parent = element.parent, parent.isElement else { continue }
      let length = element.innerTextLength
      if length < 25 { continue }
      let ancestors = ancestors(of: element, maxDepth: 5)
      if ancestors.isEmpty { continue }
      if ancestors.contains(where: { Self.isFormBesideArticle($0, pageLength: pageLength) }) {
        continue
      }
      var contentScore = 1.0
      let commas = element.commaCount()
      // Commas count sentences; in a list of short lines ("Jane Doe, Yale University"
      // under a letter, each line ended by `<br>`) they count entries, not prose.
      if commas < 10 || !Self.isListOfLines(element, length: length) {
        contentScore += Double(commas)
      }
      contentScore += Double(min(length / 100, 3))
      for (level, ancestor) in ancestors.enumerated() {
        guard ancestor.isElement, ancestor.parent != nil else { continue }
        if score(of: ancestor) == nil {
          setScore(ancestor, initialScore(of: ancestor))
          candidates.append(ancestor)
        }
        let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
        setScore(ancestor, score(of: ancestor)! + contentScore / divider)
      }
    }
    return candidates
  }

  /// A form holding less than half the page's text: a sign-up or a search, not the
  /// wrapper some pages put around everything.
  static func isFormBesideArticle(_ node: HTMLNode, pageLength: Int) -> Bool {
    node.name == "form" && node.innerTextLength * 2 < pageLength
  }

  /// Eight lines or more, split by `<br>`, of under 45 characters on average.
  static func isListOfLines(_ element: HTMLNode, length: Int) -> Bool {
    let lines = element.elements(named: "br").count + 1
    return lines >= 8 && length / lines < 45
  }

  func ancestors(of node: HTMLNode, maxDepth: Int) -> [HTMLNode] {
    var result: [HTMLNode] = []
    var current = node.parent
    while let ancestor = current, ancestor.kind == .element, result.count < maxDepth {
      result.append(ancestor)
      current = ancestor.parent
    }
    return result
  }

  /// A node's score before its paragraphs count: its tag, class/id and semantic hints.
  func initialScore(of node: HTMLNode) -> Double {
    var score: Double
    switch node.name {
    case "div": score = 5
    case "pre", "td", "blockquote": score = 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
    default: score = 0
    }
    score += Double(classWeight(node))
    if flags.contains(.weightClasses), isSemanticArticle(node) { score += 10 }
    return score
  }

  /// -25 per negative and +25 per positive class or id hint (when classes are weighted).
  func classWeight(_ node: HTMLNode) -> Int {
    guard flags.contains(.weightClasses) else { return 0 }
    var weight = 0
    for value in [node.attribute("class"), node.attribute("id")] {
      guard let value = value?.lowercased(), !value.isEmpty else { continue }
      if Patterns.isNegative(value) || Self.namesBox(value) { weight -= 25 }
      if Patterns.matches(value, Patterns.positiveNeedles) { weight += 25 }
    }
    return weight
  }

  /// The share of a node's text that sits in links; in-page (`#`) links count 30%.
  func linkDensity(_ node: HTMLNode) -> Double { node.linkDensity }
}
