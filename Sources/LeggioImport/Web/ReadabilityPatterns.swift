import LeggioModel
/// The class/id and tag vocabularies of Mozilla Readability.js, as substring lists.
///
/// Readability writes these as regular expressions that are mostly alternations of
/// substrings; matching lower-cased `class id` strings with `contains` gives the same
/// answers and is far faster than a regex engine.
enum ReadabilityPatterns {
  static let unlikelyCandidates = [
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "newsletter", "cookie",
  ]
  static let maybeCandidate = [
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
  ]
  static let positive = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story",
  ]
  static let negative = [
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
  ]
  static let bylineHints = ["byline", "author", "dateline", "writtenby", "p-author"]
  static let unlikelyRoles: Set<String> = [
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
  ]

  /// Tags whose text is scored.
  static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
  /// Block elements that keep a `div` from being turned into a paragraph.
  static let divToParagraphBlockers: Set<String> = [
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
  ]
  static let phrasingElements: Set<String> = [
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
  ]
  /// Siblings kept under their own tag; any other joins the article as a `div`.
  static let keepTagOnSiblings: Set<String> = ["div", "article", "section", "p"]
  static let videoHosts = [
    "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "dailymotion.com",
    "youtu.be", "bilibili.com", "live.bilibili.com", "v.qq.com", "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
  ]
  static let commas: Set<Unicode.Scalar> = [
    "\u{002C}", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}", "\u{2E32}",
    "\u{FF0C}",
  ]
  static let adWords: Set<String> = [
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама",
    "anuncio",
  ]
  static let loadingWords: Set<String> = [
    "loading", "正在加载", "загрузка", "chargement", "cargando",
  ]

  static func matches(_ string: String, _ words: [String]) -> Bool {
    let needles = words.map(ByteNeedle.init)
    return matches(string, needles)
  }

  static func matches(_ string: String, _ needles: [ByteNeedle]) -> Bool {
    var string = string
    return string.withUTF8 { haystack in needles.contains { $0.occurs(in: haystack) } }
  }

  /// Whether any needle occurs in the node's `class` or `id`, lower-cased: what
  /// matching `(class + " " + id).lowercased()` answers, without building that string.
  static func classOrIDMatches(_ node: HTMLNode, _ needles: [ByteNeedle]) -> Bool {
    attributeMatches(node, "class", needles) || attributeMatches(node, "id", needles)
  }

  static func classOrIDMatches(_ node: HTMLNode, _ needles: NeedleSet) -> Bool {
    attributeMatches(node, "class", needles) || attributeMatches(node, "id", needles)
  }

  static func attributeMatches(_ node: HTMLNode, _ name: String, _ needles: NeedleSet) -> Bool {
    guard var value = node.attribute(name), !value.isEmpty else { return false }
    return value.withUTF8 { needles.occurs(inLowercased: $0) }
  }

  /// Whether any needle occurs in the attribute's value, lower-cased.
  static func attributeMatches(_ node: HTMLNode, _ name: String, _ needles: [ByteNeedle]) -> Bool {
    guard var value = node.attribute(name), !value.isEmpty else { return false }
    return value.withUTF8 { bytes in needles.contains { $0.occurs(inLowercased: bytes) } }
  }

  static let unlikelyNeedles = NeedleSet(unlikelyCandidates)
  static let maybeNeedles = NeedleSet(maybeCandidate)
  static let positiveNeedles = positive.map(ByteNeedle.init)
  static let negativeNeedles = negative.map(ByteNeedle.init)
  static let bylineNeedles = NeedleSet(bylineHints)

  /// Readability's `negative` also matches the whole word "hid".
  static func isNegative(_ string: String) -> Bool {
    matches(string, negativeNeedles) || string.split(separator: " ").contains("hid")
  }

  /// `share` or `sharedaddy` as a word (or between underscores).
  static func isShare(_ string: String) -> Bool {
    string.split { !$0.isLetter && !$0.isNumber }.contains { $0 == "share" || $0 == "sharedaddy" }
  }

  /// `isShare` of the node's class and id, read as bytes: words are runs of ASCII
  /// letters and digits and of non-ASCII characters (letters, in the pages that matter).
  static func isShare(_ node: HTMLNode) -> Bool {
    for name in ["class", "id"] {
      guard var value = node.attribute(name), value.utf8.count >= 5 else { continue }
      let found = value.withUTF8 { bytes -> Bool in
        var start = 0
        for end in 0...bytes.count {
          let isWordByte =
            end < bytes.count
            && (bytes[end] >= 0x80 || (bytes[end] | 0x20 >= 0x61 && bytes[end] | 0x20 <= 0x7A)
              || (bytes[end] >= 0x30 && bytes[end] <= 0x39))
          if isWordByte { continue }
          let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
          if (word.count == 5 || word.count == 10) && shareNeedle.occurs(inLowercased: word)
            && (word.count == 5 || sharedaddyNeedle.occurs(inLowercased: word))
          {
            return true
          }
          start = end + 1
        }
        return false
      }
      if found { return true }
    }
    return false
  }

  private static let shareNeedle = ByteNeedle("share")
  private static let sharedaddyNeedle = ByteNeedle("sharedaddy")
}
