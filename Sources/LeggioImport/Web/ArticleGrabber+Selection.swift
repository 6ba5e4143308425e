import Foundation

/// Choosing the article (Readability's top candidate): the best-scoring node after link
/// density, lifted to a shared ancestor or a better-scoring parent, plus related siblings.
extension ArticleGrabber {
  func pickTopCandidate(_ candidates: [HTMLNode], body: HTMLNode) -> HTMLNode? {
    var top: [HTMLNode] = []
    for candidate in candidates where candidate.isInside(body) {
      let adjusted = (score(of: candidate) ?? 0) * (1 - linkDensity(candidate))
      setScore(candidate, adjusted)
      if let index = top.firstIndex(where: { adjusted > score(of: $0)! }) {
        top.insert(candidate, at: index)
      } else {
        top.append(candidate)
      }
      if top.count > options.topCandidates { top.removeLast() }
    }
    guard var best = top.first, best !== body, best.name != "body" else {
      // Nothing stood out: the whole body is the article.
      let wrapper = HTMLNode(kind: .element, name: "div")
      for child in body.removeAllChildren() { wrapper.append(child) }
      body.append(wrapper)
      setScore(wrapper, initialScore(of: wrapper))
      return body.children.isEmpty ? nil : wrapper
    }
    best = commonAncestorOfAlternatives(best, top: top, body: body)
    // Climb while the parent scores better than the best so far.
    var lastScore = score(of: best) ?? 0
    let threshold = lastScore / 3
    var parent = best.parent
    while let current = parent, current !== body, current.kind == .element {
      guard let parentScore = score(of: current) else {
        parent = current.parent
        continue
      }
      if parentScore < threshold { break }
      if parentScore > lastScore {
        best = current
        break
      }
      lastScore = parentScore
      parent = current.parent
    }
    // An only child says little: its parent is the real container.
    while let current = best.parent, current !== body, current.kind == .element,
      current.elementChildren.count == 1
    {
      best = current
    }
    if score(of: best) == nil { setScore(best, initialScore(of: best)) }
    return best
  }

  /// When several near-best candidates share an ancestor, that ancestor is the article.
  private func commonAncestorOfAlternatives(
    _ best: HTMLNode, top: [HTMLNode], body: HTMLNode
  ) -> HTMLNode {
    let bestScore = score(of: best) ?? 0
    let alternatives = top.dropFirst().filter { (score(of: $0) ?? 0) / bestScore >= 0.75 }
      .map { Set(ancestors(of: $0, maxDepth: 1000).map(ObjectIdentifier.init)) }
    guard alternatives.count >= 3 else { return best }
    var parent = best.parent
    while let current = parent, current !== body {
      let id = ObjectIdentifier(current)
      if alternatives.filter({ $0.contains(id) }).count >= 3 {
        if score(of: current) == nil { setScore(current, initialScore(of: current)) }
        return current
      }
      parent = current.parent
    }
    return best
  }

  func gatherSiblings(of top: HTMLNode, into content: HTMLNode) {
    let topScore = score(of: top) ?? 0
    let threshold = max(10, topScore * 0.2)
    guard let parent = top.parent else {
      content.append(top)
      return
    }
    let topClass = top.attribute("class") ?? ""
    var kept: [HTMLNode] = []
    for sibling in parent.children where sibling.isElement {
      var append = sibling === top
      if !append {
        var bonus = 0.0
        if !topClass.isEmpty && sibling.attribute("class") == topClass { bonus += topScore * 0.2 }
        // An element marked as the article is the whole of it: other scored blocks
        // beside it are comments, teasers or other articles unless marked too.
        let scoredSiblingsCount = !isSemanticArticle(top) || isSemanticArticle(sibling)
        if scoredSiblingsCount, let siblingScore = score(of: sibling),
          siblingScore + bonus >= threshold
        {
          append = true
        } else if sibling.name == "p" {
          let density = linkDensity(sibling)
          let text = sibling.innerText
          if text.utf16.count > 80 && density < 0.25 {
            append = true
          } else if text.utf16.count < 80 && !text.isEmpty && density == 0
            && (text.hasSuffix(".") || text.contains(". "))
          {
            append = true
          }
        } else if scoredSiblingsCount, readsAsProse(sibling) {
          append = true
        }
      }
      guard append else { continue }
      if !Patterns.keepTagOnSiblings.contains(sibling.name) { sibling.rename(to: "div") }
      kept.append(sibling)
    }
    HTMLNode.detach(kept)
    for node in kept { content.append(node) }
  }
}
