/// A block quote or a list item that holds a block. A document stays a flat list of
/// blocks; each block names the containers around it, outermost first, so that a list
/// item's second paragraph, a heading inside a quote or a list inside a list item can be
/// written back as the tree they came from (`HTMLWriter`).
public struct BlockContainer: Codable, Hashable, Sendable {
  /// Unique among the document's containers: two blocks in the same quote or item carry
  /// the same id.
  public var id: Int
  /// The list when this container is a list item; nil for a block quote.
  public var list: ListPlace?

  public init(id: Int, list: ListPlace? = nil) {
    self.id = id
    self.list = list
  }

  public static func quote(_ id: Int) -> BlockContainer { BlockContainer(id: id) }

  public var isQuote: Bool { list == nil }
}

/// Where a list item stands in its list.
public struct ListPlace: Codable, Hashable, Sendable {
  /// Unique among the document's lists: items of one list carry the same id.
  public var id: Int
  /// The item's number in an ordered list; nil in a bulleted one.
  public var ordinal: Int?
  /// A loose list sets its items' paragraphs apart (a blank line between items in the
  /// source); a tight one does not.
  public var isLoose: Bool

  public init(id: Int, ordinal: Int?, isLoose: Bool) {
    self.id = id
    self.ordinal = ordinal
    self.isLoose = isLoose
  }
}

extension Document {
  /// Every block's containers: the ones the importer recorded, or, for documents made
  /// without them, the ones the kinds imply (a `listItem` of depth 2 sits in an item of an
  /// item; consecutive items and quote paragraphs share their lists and quotes).
  public var containerPaths: [[BlockContainer]] {
    var paths: [[BlockContainer]] = []
    paths.reserveCapacity(blocks.count)
    var derived: [BlockContainer] = []
    var nextID = 1_000_000
    for block in blocks {
      if let containers = block.containers {
        paths.append(containers)
        derived = []
        continue
      }
      switch block.kind {
      case .listItem(let depth, let ordinal):
        var path = Array(derived.prefix { $0.list != nil }.prefix(depth))
        if path.count == depth {
          // A new item in the innermost list, if it has the same kind of marker.
          let list = path[depth - 1].list!
          path.removeLast()
          let sameList = (list.ordinal == nil) == (ordinal == nil)
          if !sameList { nextID += 1 }
          nextID += 1
          path.append(
            BlockContainer(
              id: nextID,
              list: ListPlace(
                id: sameList ? list.id : nextID - 1, ordinal: ordinal, isLoose: false)))
        }
        while path.count < depth {
          nextID += 2
          path.append(
            BlockContainer(
              id: nextID, list: ListPlace(id: nextID - 1, ordinal: ordinal, isLoose: false)))
        }
        derived = path
      case .blockQuote(let depth):
        var path = Array(derived.prefix { $0.isQuote }.prefix(depth))
        while path.count < depth {
          nextID += 1
          path.append(.quote(nextID))
        }
        derived = path
      default:
        derived = []
      }
      paths.append(derived)
    }
    return paths
  }
}
