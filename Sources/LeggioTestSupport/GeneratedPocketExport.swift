import Foundation

/// A Pocket CSV export that looks like a real one, the same on every run: thousands of
/// distinct addresses on a few hundred sites (news, blogs, newsletters, repositories,
/// Wikipedia), slugs and ids in their paths, some tracking parameters, titles of varied
/// words (some quoted for their commas and quotes, some with accents, a few empty),
/// zero to three tags from a few dozen, mostly archived, in the 2025 layout with its
/// `cursor` column. A few addresses are saved twice, as people do.
public struct GeneratedPocketExport {
  private static let words = """
    attention battery bridge browser budget cache camera carbon city climate cloud code \
    coffee compiler conference council culture database debate design desert diet \
    distance doctor economy editor election energy engine error evidence factory family \
    farmer festival fiction forest freedom friend future garden glacier government \
    grammar habit harbour health history holiday housing ideas income internet island \
    journal justice kernel kitchen language lawyer library license market memory metro \
    migration minister mountain museum music network newsletter ocean office opera \
    painter parliament patent people philosophy physics pilot planet poetry policy \
    privacy protocol quantum queue railway reader recipe refugee research river robot \
    satellite school science season security server shipping silence sleep software \
    solar stadium startup storage strategy students subway supply teacher telescope \
    theatre theory traffic translation travel trust typeface union universe valley \
    village vision voice volcano water weather window winter wisdom workers writing
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  private static let adjectives = """
    quiet hidden strange small forgotten new old broken simple hard slow fast open \
    secret modern ancient digital local public private better unlikely surprising
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  private static let accented = [
    "Café", "Zürich", "São Paulo", "Kraków", "Málaga", "Ærø", "Göteborg", "Niño", "Reykjavík",
    "Provençal", "naïve", "Dvořák",
  ]

  private static let tags = """
    tech programming swift rust python design science climate politics economics \
    history longread to-read cooking health travel books music film photography \
    security privacy linux apple android ai startups culture education math physics \
    space cities transport energy writing productivity newsletter interview
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  private static let newsSites = [
    "www.theguardian.com", "www.nytimes.com", "arstechnica.com", "www.bbc.co.uk",
    "www.theatlantic.com", "www.newyorker.com", "www.wired.com", "www.economist.com",
    "www.lemonde.fr", "www.spiegel.de", "www.repubblica.it", "elpais.com", "www.vox.com",
    "www.theverge.com", "www.washingtonpost.com", "apnews.com", "www.reuters.com",
    "www.npr.org", "www.latimes.com", "www.ft.com", "lwn.net", "www.quantamagazine.org",
    "aeon.co", "www.nature.com", "www.scientificamerican.com", "hbr.org", "www.axios.com",
  ]

  private var state: UInt64

  public init(seed: UInt64 = 0x9_0C4E7) { state = seed }

  private mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }

  private mutating func pick(_ list: [String]) -> String { list[next(list.count)] }

  private mutating func slug(_ count: Int) -> [String] {
    (0..<count).map { _ in pick(Self.words) }
  }

  /// A title of four to eleven words in one of a few shapes.
  private mutating func title() -> String {
    let subject = slug(1 + next(3)).joined(separator: " ")
    let other = slug(1 + next(2)).joined(separator: " ")
    var title: String
    switch next(8) {
    case 0: title = "How the \(pick(Self.adjectives)) \(subject) changed \(other)"
    case 1: title = "\(3 + next(40)) things I learned about \(subject)"
    case 2: title = "The \(pick(Self.adjectives)) \(subject), explained"
    case 3: title = "Why \(subject) is \(pick(Self.adjectives)) again: notes on \(other)"
    case 4: title = "\(pick(Self.accented)) and the \(subject) of \(other)"
    case 5: title = "“\(subject.capitalized)” — a \"\(pick(Self.adjectives))\" \(other)"
    case 6: title = "What \(other) can teach us about \(subject)"
    default: title = "\(subject.capitalized) in \(2010 + next(16)): \(other), \(pick(Self.words))"
    }
    return title.prefix(1).uppercased() + title.dropFirst()
  }

  /// The address of item `n`, on a site and in the shape such sites use.
  private mutating func url(_ n: Int, words: [String]) -> String {
    let slug = words.joined(separator: "-")
    let year = 2012 + next(13)
    let month = String(format: "%02d", 1 + next(12))
    var url: String
    switch next(10) {
    case 0, 1, 2:
      url = "https://\(pick(Self.newsSites))/\(pick(Self.words))/\(year)/\(month)/\(slug)"
    case 3: url = "https://\(pick(Self.words))\(pick(Self.words)).substack.com/p/\(slug)"
    case 4:
      url =
        "https://medium.com/@\(pick(Self.words))_\(next(999))/\(slug)-\(String(n * 7919, radix: 16))"
    case 5: url = "https://github.com/\(pick(Self.words))\(next(99))/\(words[0])-\(words.last!)"
    case 6: url = "https://en.wikipedia.org/wiki/\(words.map(\.capitalized).joined(separator: "_"))"
    case 7: url = "https://www.youtube.com/watch?v=\(String(n * 104_729 + 1_000_000, radix: 36))"
    case 8: url = "http://blog.\(pick(Self.words))-\(pick(Self.words)).net/posts/\(slug).html"
    default: url = "https://news.ycombinator.com/item?id=\(20_000_000 + n * 31)"
    }
    if next(10) == 0 { url += (url.contains("?") ? "&" : "?") + "utm_source=pocket_saves" }
    return url
  }

  /// A CSV field, quoted when it must be.
  private static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The export of `rows` saved items.
  public mutating func csv(rows: Int) -> String {
    var lines = ["title,url,time_added,cursor,tags,status"]
    lines.reserveCapacity(rows + 1)
    var time = 1_420_000_000
    var urls: [String] = []
    for n in 0..<rows {
      time += 60 + next(30_000)
      let words = slug(3 + next(6))
      let address: String
      if n > 100, next(100) == 0 {
        address = urls[next(urls.count)]
      } else {
        address = url(n, words: words)
        urls.append(address)
      }
      let title = next(40) == 0 ? "" : title()
      let tags = (0..<[0, 0, 1, 1, 1, 2, 3][next(7)]).map { _ in pick(Self.tags) }
      let status = next(10) < 7 ? "archive" : "unread"
      lines.append(
        [
          Self.field(title), address, String(time), String(n * 3 + 17),
          tags.joined(separator: "|"), status,
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
