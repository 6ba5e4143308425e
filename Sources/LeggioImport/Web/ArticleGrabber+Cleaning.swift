import Foundation

/// Cleaning the gathered article (Readability's `_prepArticle`): forms, embeds, share
/// bars, negative headings, and tables, lists and divs that look like chrome.
extension ArticleGrabber {
  func prepareArticle(_ content: HTMLNode) {
    markDataTables(content)
    cleanConditionally(content, tag: "form")
    cleanConditionally(content, tag: "fieldset")
    for tag in ["object", "embed", "footer", "link", "aside", "nav"] { clean(content, tag: tag) }
    for child in content.elementChildren {
      HTMLNode.detach(
        child.descendants { node in
          node.isElement && ReadabilityPatterns.isShare(node)
            && node.innerTextLength < options.charThreshold
        })
    }
    for tag in ["iframe", "input", "textarea", "select", "button"] { clean(content, tag: tag) }
    HTMLNode.detach(content.elements(namedAnyOf: ["h1", "h2"]).filter { classWeight($0) < 0 })
    cleanConditionally(content, tag: "table")
    cleanConditionally(content, tag: "ul")
    cleanConditionally(content, tag: "div")
    for heading in content.elements(named: "h1") { heading.renamed(to: "h2") }
    let media: Set<String> = ["img", "embed", "object", "iframe"]
    HTMLNode.detach(
      content.elements(named: "p").filter {
        !$0.hasVisibleText && $0.elements(namedAnyOf: media).isEmpty
      })
    unwrapSingleCellTables(content)
    if flags.contains(.cleanConditionally) {
      removeBoilerplate(content)
      removeBoxes(content)
      trimEdges(content)
    }
  }

  /// Removes every `tag` element except embedded videos from known hosts.
  private func clean(_ root: HTMLNode, tag: String) {
    let isEmbed = ["object", "embed", "iframe"].contains(tag)
    HTMLNode.detach(root.elements(named: tag).filter { !(isEmbed && isAllowedVideo($0)) })
  }

  private func isAllowedVideo(_ node: HTMLNode) -> Bool {
    node.attributes.contains { attribute in
      ReadabilityPatterns.videoHosts.contains { attribute.value.contains($0) }
    }
  }

  /// Removes `tag` elements whose text, links, images and inputs look like chrome.
  private func cleanConditionally(_ root: HTMLNode, tag: String) {
    guard flags.contains(.cleanConditionally) else { return }
    for node in root.elements(named: tag).reversed() where node.isInside(root) {
      if shouldRemove(node, tag: tag) { node.removeFromParent() }
    }
  }

  /// What `shouldRemove` counts below a node, gathered in one walk.
  private struct Inventory {
    var paragraphs = 0
    var images = 0
    var items = 0
    var inputs = 0
    var embeds: [HTMLNode] = []
    var listLength = 0
    var headingLength = 0
    var textishLength = 0
    var hasDataTable = false

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let textish = ReadabilityPatterns.divToParagraphBlockers.union(["span", "li", "td"])

    init(_ node: HTMLNode, dataTables: Set<ObjectIdentifier>) {
      node.visitDescendants { child in
        guard child.kind == .element else { return true }
        switch child.name {
        case "p": paragraphs += 1
        case "img": images += 1
        case "li": items += 1
        case "input": inputs += 1
        case "object", "embed", "iframe": embeds.append(child)
        case "ul", "ol": listLength += child.innerTextLength
        case "table": if dataTables.contains(ObjectIdentifier(child)) { hasDataTable = true }
        default: break
        }
        if Self.headings.contains(child.name) { headingLength += child.innerTextLength }
        if Self.textish.contains(child.name) { textishLength += child.innerTextLength }
        return true
      }
    }
  }

  private func shouldRemove(_ node: HTMLNode, tag: String) -> Bool {
    let contentLength = node.innerTextLength
    let inventory = Inventory(node, dataTables: dataTables)
    var isList = tag == "ul" || tag == "ol"
    if !isList, contentLength > 0 {
      isList = Double(inventory.listLength) / Double(contentLength) > 0.9
    }
    let isDataTable = { (table: HTMLNode) in self.dataTables.contains(ObjectIdentifier(table)) }
    if tag == "table" && isDataTable(node) { return false }
    if node.hasAncestor("table", maxDepth: 0, where: isDataTable) { return false }
    if node.hasAncestor("code", maxDepth: 0) { return false }
    if inventory.hasDataTable { return false }
    let weight = classWeight(node)
    if weight < 0 { return true }
    if node.commaCount(upTo: 10, asciiOnly: true) >= 10 { return false }

    let paragraphs = inventory.paragraphs
    let images = inventory.images
    let items = inventory.items - 100
    let inputs = inventory.inputs
    let headingDensity =
      contentLength > 0 ? Double(inventory.headingLength) / Double(contentLength) : 0
    var embeds = 0
    for embed in inventory.embeds {
      if isAllowedVideo(embed) { return false }
      embeds += 1
    }
    // The ad and loading words are short: only short texts are compared with them.
    if contentLength <= 20 {
      let lowered = node.innerText.lowercased()
      if ReadabilityPatterns.adWords.contains(lowered) { return true }
      let withoutEllipsis = lowered.replacingOccurrences(of: "…", with: "")
        .replacingOccurrences(of: "...", with: "")
      if ReadabilityPatterns.loadingWords.contains(withoutEllipsis) { return true }
    }
    let density = linkDensity(node)
    let textishDensity =
      contentLength > 0 ? Double(inventory.textishLength) / Double(contentLength) : 0
    let inFigure = node.hasAncestor("figure", maxDepth: 0)

    var remove = false
    if !inFigure && images > 1 && Double(paragraphs) / Double(images) < 0.5 { remove = true }
    if !isList && items > paragraphs { remove = true }
    if inputs > paragraphs / 3 { remove = true }
    if !isList && !inFigure && headingDensity < 0.9 && contentLength < 25
      && (images == 0 || images > 2) && density > 0
    {
      remove = true
    }
    if !isList && weight < 25 && density > 0.2 { remove = true }
    if weight >= 25 && density > 0.5 { remove = true }
    if (embeds == 1 && contentLength < 75) || embeds > 1 { remove = true }
    if images == 0 && textishDensity == 0 { remove = true }
    // A plain list of images stays.
    if isList && remove {
      if node.elementChildren.contains(where: { $0.elementChildren.count > 1 }) { return true }
      if images == inventory.items { return false }
    }
    return remove
  }

  /// Tables of data (headers, captions, many cells) are kept; layout tables may go.
  private func markDataTables(_ root: HTMLNode) {
    for table in root.elements(named: "table") {
      if isDataTable(table) { dataTables.insert(ObjectIdentifier(table)) }
    }
  }

  private func isDataTable(_ table: HTMLNode) -> Bool {
    if table.attribute("role") == "presentation" { return false }
    if table.attribute("datatable") == "0" { return false }
    if let summary = table.attribute("summary"), !summary.isEmpty { return true }
    if let caption = table.firstElement(named: "caption"), !caption.children.isEmpty {
      return true
    }
    if !table.elements(namedAnyOf: ["col", "colgroup", "tfoot", "thead", "th"]).isEmpty {
      return true
    }
    if table.firstElement(named: "table") != nil { return false }
    var rows = 0
    var columns = 0
    for row in table.elements(named: "tr") {
      rows += Int(row.attribute("rowspan") ?? "") ?? 1
      let cells = row.elementChildren.filter { $0.name == "td" }
      columns = max(columns, cells.reduce(0) { $0 + (Int($1.attribute("colspan") ?? "") ?? 1) })
    }
    return rows >= 10 || columns > 4 || rows * columns > 10
  }

  /// A table of one cell is layout: its cell takes its place.
  private func unwrapSingleCellTables(_ root: HTMLNode) {
    for table in root.elements(named: "table").reversed() {
      let body =
        table.elementChildren.count == 1 && table.elementChildren[0].name == "tbody"
        ? table.elementChildren[0] : table
      let rows = body.elementChildren
      guard rows.count == 1, rows[0].name == "tr" else { continue }
      let cells = rows[0].elementChildren
      guard cells.count == 1, cells[0].name == "td" else { continue }
      let cell = cells[0]
      cell.removeFromParent()
      table.parent?.replaceChild(table, with: cell)
      cell.renamed(to: cell.children.allSatisfy(Phrasing.isPhrasing) ? "p" : "div")
    }
  }
}
