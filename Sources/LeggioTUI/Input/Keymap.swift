/// Which action each key does on each screen: the defaults people know from less,
/// vim and newsboat, with the user's `[keys]` overrides from `config.toml` on top.
public struct Keymap: Hashable, Sendable {
  public private(set) var bindings: [Screen: [Key: Action]]
  /// The order keys are listed in help and hints: overrides, then the defaults' order.
  private var rank: [Screen: [Key: Int]]

  public init(bindings: [Screen: [Key: Action]], rank: [Screen: [Key: Int]] = [:]) {
    self.bindings = bindings
    self.rank = rank
  }

  /// The action `key` does on `screen`, if any.
  public func action(for key: Key, on screen: Screen) -> Action? {
    bindings[screen]?[key]
  }

  /// The keys bound to `action` on `screen`, in a stable order (for help and hints).
  public func keys(for action: Action, on screen: Screen) -> [Key] {
    (bindings[screen] ?? [:]).filter { $0.value == action }.keys.sorted {
      let order = rank[screen] ?? [:]
      let (a, b) = (order[$0] ?? .max, order[$1] ?? .max)
      return a != b ? a < b : $0.sortRank < $1.sortRank
    }
  }

  /// This keymap with `overrides` applied: on every screen where an action is
  /// available, its old keys are unbound and the new ones bound (taking them away from
  /// whatever they did there).
  public func applying(_ overrides: [Action: [Key]]) -> Keymap {
    var result = self
    for action in overrides.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      let keys = overrides[action] ?? []
      for screen in Screen.allCases where Keymap.actions(on: screen).contains(action) {
        var map = result.bindings[screen] ?? [:]
        map = map.filter { $0.value != action }
        for key in keys { map[key] = action }
        result.bindings[screen] = map
        for (index, key) in keys.enumerated() {
          result.rank[screen, default: [:]][key] = -1_000 + index
        }
      }
    }
    return result
  }

  /// The actions that mean something on `screen`.
  public static func actions(on screen: Screen) -> Set<Action> {
    Set(Keymap.default.bindings[screen]?.values.map { $0 } ?? [])
  }

  public static let `default` = Keymap(bindings: defaultTables.mapValues(bind), rank: defaultRank)

  private static let defaultRank: [Screen: [Key: Int]] = defaultTables.mapValues { table in
    var rank: [Key: Int] = [:]
    for (_, keys) in table {
      for key in keys where rank[key] == nil { rank[key] = rank.count }
    }
    return rank
  }

  private static let defaultTables: [Screen: [(Action, [Key])]] = [
    .library: [
      (.up, [.character("k"), .up]), (.down, [.character("j"), .down]),
      (.pageUp, [.pageUp, .control("b")]),
      (.pageDown, [.pageDown, .character(" "), .control("f")]),
      (.top, [.character("g"), .home]), (.bottom, [.character("G"), .end]),
      (.open, [.enter, .character("l"), .right]),
      (.sort, [.character("s")]), (.filterTag, [.character("T")]),
      (.toggleUnread, [.character("u")]), (.toggleStarred, [.character("*")]),
      (.star, [.character("f")]), (.fetchPending, [.character("P")]),
      (.remove, [.character("D")]),
      (.feeds, [.character("F")]), (.sync, [.character("S")]),
      (.search, [.character("/")]), (.notebook, [.character("N")]), (.back, [.escape]),
    ] + everywhere + [(.quit, [.character("q"), .character("Q"), .control("c")])],
    .reader: [
      (
        .nextPage,
        [
          .character(" "), .pageDown, .character("l"), .right, .character("j"), .down,
          .control("f"),
        ]
      ),
      (
        .previousPage,
        [.character("b"), .pageUp, .character("h"), .left, .character("k"), .up, .control("b")]
      ),
      (.firstPage, [.character("g"), .home]), (.lastPage, [.character("G"), .end]),
      (.search, [.character("/")]), (.nextMatch, [.character("n")]),
      (.previousMatch, [.character("N")]),
      (.links, [.enter]), (.select, [.character("v")]), (.bookmark, [.character("m")]),
      (.marks, [.character("'")]), (.notebook, [.control("n")]),
      (.contents, [.character("o")]), (.jumpBack, [.backspace, .control("o")]),
      (.star, [.character("f")]),
      (.viewPicture, [.character("i")]), (.openPicture, [.character("I")]),
      (.back, [.character("q"), .escape]), (.quit, [.character("Q"), .control("c")]),
    ] + everywhere,
    .picture: [
      (.viewPicture, [.character("i"), .character(" "), .character("n"), .right, .down]),
      (.previousPicture, [.character("p"), .character("b"), .left, .up]),
      (.openPicture, [.character("o"), .character("I"), .enter]),
      (.back, [.character("q"), .escape, .backspace]),
      (.quit, [.character("Q"), .control("c")]),
    ] + everywhere,
    .selection: [
      (.wordForward, [.character("w"), .right]),
      (.wordBack, [.character("b"), .left]),
      (.sentenceForward, [.character(")")]), (.sentenceBack, [.character("(")]),
      (.paragraphForward, [.character("}"), .down, .character("j")]),
      (.paragraphBack, [.character("{"), .up, .character("k")]),
      (.highlight, [.character("h")]), (.note, [.character("a")]),
      (.noteInEditor, [.character("A")]), (.back, [.escape, .character("v")]),
      (.quit, [.control("c")]), (.help, [.character("?")]),
    ],
    .feeds: [
      (.up, [.character("k"), .up]), (.down, [.character("j"), .down]),
      (.pageUp, [.pageUp, .control("b")]),
      (.pageDown, [.pageDown, .character(" "), .control("f")]),
      (.top, [.character("g"), .home]), (.bottom, [.character("G"), .end]),
      (.open, [.enter, .character("l"), .right]), (.updateFeeds, [.character("u")]),
      (.back, [.character("q"), .escape, .character("h"), .left]),
      (.quit, [.character("Q"), .control("c")]),
    ] + everywhere,
    .marks: annotationList,
    .notebook: annotationList + [(.search, [.character("/")]), (.filterTag, [.character("T")])],
    .links: pickList + [(.saveLink, [.character("s")]), (.openLink, [.character("o")])],
    .tags: pickList,
    .contents: pickList,
  ]

  /// The keys of a short list to pick one entry from (the links, the tags).
  private static let pickList: [(Action, [Key])] =
    [
      (.up, [.character("k"), .up]), (.down, [.character("j"), .down]),
      (.top, [.character("g"), .home]), (.bottom, [.character("G"), .end]),
      (.open, [.enter, .character("l"), .right]),
      (.back, [.character("q"), .escape, .character("h"), .left]),
      (.quit, [.character("Q"), .control("c")]),
    ] + everywhere

  /// The keys of a list of bookmarks, highlights and notes.
  private static let annotationList: [(Action, [Key])] =
    [
      (.up, [.character("k"), .up]), (.down, [.character("j"), .down]),
      (.pageUp, [.pageUp, .control("b")]), (.pageDown, [.pageDown, .control("f")]),
      (.top, [.character("g"), .home]), (.bottom, [.character("G"), .end]),
      (.open, [.enter, .character("l"), .right]),
      (.editNote, [.character("a"), .character("e")]),
      (.deleteAnnotation, [.character("d"), .character("D"), .delete]),
      (.undo, [.character("u")]),
      (.back, [.character("q"), .escape, .character("h"), .left]),
      (.quit, [.character("Q"), .control("c")]),
    ] + everywhere

  private static let everywhere: [(Action, [Key])] = [
    (.help, [.character("?")]), (.cycleTheme, [.character("t")]),
  ]

  private static func bind(_ pairs: [(Action, [Key])]) -> [Key: Action] {
    var map: [Key: Action] = [:]
    for (action, keys) in pairs {
      for key in keys { map[key] = action }
    }
    return map
  }
}

extension Key {
  /// How people write the key in help: `j`, `Space`, `PgDn`, `→`, `Ctrl-C`.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let c): String(c)
    case .control(let c): "Ctrl-\(c.uppercased())"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Backspace"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .delete: "Del"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .function(let n): "F\(n)"
    }
  }

  /// Letters first, then named keys, so help lists `j` before `↓`.
  var sortRank: String {
    switch self {
    case .character(" "): "1"
    case .character(let c): "0" + String(c)
    case .control(let c): "3" + String(c)
    default: "2" + label
    }
  }
}
