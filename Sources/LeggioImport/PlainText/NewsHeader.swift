import Foundation

/// The header of a plain-text news article, as newspapers' "save as text" and
/// copy-and-paste produce it:
///
/// ```
/// Relazioni strategiche                      kicker (a short first line, optional)
///
/// Quell'amicizia tra Putin e Kim Jong-un …   headline
///
/// I rapporti tra Mosca e Pyongyang …         standfirst (optional)
/// © AP Photo/Alexander Zemlianichenko, Pool  credit, byline, dateline in any order
/// Red. Online
/// 16.08.2023 20:24
/// ```
///
/// A header is recognised only when credit, byline or dateline lines follow one to four
/// lines of headline material at the top; otherwise there is no header, and nothing is
/// invented.
struct NewsHeader: Equatable {
  var kicker: String?
  var title: String
  var standfirst: String?
  var imageCredit: String?
  var byline: String?
  var dateline: String?
  var published: Date?
  /// The index of the first line after the header.
  var bodyStart: Int

  /// The most lines of headline material (kicker, headline, standfirst) before the
  /// credit, byline or dateline.
  static let maximumLeadLines = 4

  /// The header of the text whose lines are `lines` (read from the first, as far as the
  /// header goes), or nil.
  static func parse<Lines: RandomAccessCollection<Substring>>(
    _ lines: Lines, timeZone: TimeZone
  ) -> NewsHeader? where Lines.Index == Int {
    var lead: [String] = []
    var index = 0
    var header: NewsHeader?
    while index < lines.count {
      let line = lines[index].trimmingSpaces()
      index += 1
      if line.isEmpty { continue }
      if !lead.isEmpty, let meta = HeaderLine.classify(line, timeZone: timeZone) {
        header = header ?? NewsHeader(lead: lead)
        header!.apply(meta)
        header!.bodyStart = index
        continue
      }
      if header != nil { break }
      guard lead.count < maximumLeadLines, line.count <= 400 else { return nil }
      lead.append(line)
    }
    return header
  }

  /// Splits the headline material into kicker, headline and standfirst.
  private init(lead: [String]) {
    bodyStart = 0
    switch lead.count {
    case 1:
      title = lead[0]
    case 2:
      let (first, second) = (lead[0], lead[1])
      if Self.isKicker(first) && !Self.isStandfirst(second, after: first) {
        kicker = first
        title = second
      } else {
        title = first
        standfirst = second
      }
    default:
      var rest = lead[...]
      if Self.isKicker(lead[0]) {
        kicker = lead[0]
        rest = rest.dropFirst()
      }
      title = rest.first!
      let tail = rest.dropFirst()
      standfirst = tail.isEmpty ? nil : tail.joined(separator: " ")
    }
  }

  /// A section label: a few words, no sentence punctuation at the end.
  static func isKicker(_ line: String) -> Bool {
    let words = line.split(separator: " ").count
    guard words <= 5, line.count <= 40, let last = line.last else { return false }
    return !".;:!?,".contains(last)
  }

  /// Whether `line` reads as a standfirst under the headline `headline`: long prose,
  /// clearly longer than the line before it.
  static func isStandfirst(_ line: String, after headline: String) -> Bool {
    line.count >= 80 && line.count >= headline.count * 2
  }

  private mutating func apply(_ meta: HeaderLine) {
    switch meta {
    case .credit(let credit):
      imageCredit = imageCredit ?? credit
    case .byline(let name):
      byline = byline ?? name
    case .dateline(let text, let date):
      if published == nil {
        dateline = text
        published = date
      }
    case .bylineAndDateline(let name, let text, let date):
      apply(.byline(name))
      apply(.dateline(text, date))
    }
  }
}
