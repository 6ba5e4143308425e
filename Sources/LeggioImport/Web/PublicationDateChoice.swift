import Foundation

/// One publication date a page declares (JSON-LD, a `<meta>`, a `<time datetime>`), as
/// written and as read.
struct DeclaredDate {
  var text: String
  var date: Date
  /// Declared under a bare `date`/`dc:date` key, which content systems fill with the
  /// record's creation or change as often as with the article's publication.
  var isGeneric = false

  /// The hour of a time declared in UTC ("…T00:25:56Z", "+00:00", "… 00:25:56 GMT"), nil
  /// for a local time or a bare day: converted to UTC, a time may have left the page's own
  /// calendar day.
  var utcHour: Int? {
    let range = NSRange(text.startIndex..., in: text)
    guard let match = Self.utcTime.firstMatch(in: text, range: range),
      let hour = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) })
    else { return nil }
    return hour
  }

  private static let utcTime = try! NSRegularExpression(
    pattern: #"[T ](\d\d):\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\s*$"#,
    options: [.caseInsensitive])
}

/// The days a page shows its readers (see `VisibleDate`), each looked for only when asked.
struct ShownDates {
  private let document: HTMLNode
  private let body: HTMLNode
  private let title: String
  let url: Date?

  init(_ document: HTMLNode, url: URL?, title: String) {
    self.document = document
    body = document.firstElement(named: "body") ?? document
    self.title = title
    self.url = url.flatMap(WrittenDate.inURL)
  }

  /// The dateline by the headline.
  lazy var dateline: Date? = VisibleDate.afterHeadline(body, title: title)
  /// The first short element marked as a date: more often found than the dateline, and
  /// more often another post's.
  lazy var marked: Date? = VisibleDate.marked(in: body)
}

/// Which of the dates a page declares is the day it was published, weighed against the
/// days it shows. The declaration wins unless the page says otherwise:
/// - declarations that disagree (a JSON-LD date two days before `article:published_time`)
///   are settled by the one the URL or the dateline repeats;
/// - a time declared in UTC that the dateline puts on the day before or after (a page in
///   Buenos Aires publishing at 21:25 declares 00:25Z) keeps the page's own day;
/// - a bare `date` meta the dateline contradicts yields to the dateline.
enum PublicationDateChoice {
  static func choose(_ declared: [DeclaredDate], shown: inout ShownDates) -> Date? {
    guard let primary = declared.first else { return nil }
    let days = Set(declared.map { day($0.date) })
    let utcHour = primary.utcHour
    guard days.count > 1 || utcHour != nil || primary.isGeneric else { return primary.date }

    let primaryDay = day(primary.date)
    let dateline = shown.dateline
    let repeated = [shown.url, dateline].compactMap { $0.map(day) }
    if repeated.contains(primaryDay) { return primary.date }
    if days.count > 1 {
      if shown.marked.map(day) == primaryDay { return primary.date }
      if let confirmed = declared.first(where: { repeated.contains(day($0.date)) }) {
        return confirmed.date
      }
    }
    if let utcHour, let local = dateline ?? shown.url {
      // Offsets run from -12 to +14 hours: only so many UTC hours can fall on another day.
      switch day(local) - primaryDay {
      case -1 where utcHour < 12, 1 where utcHour >= 10: return local
      default: break
      }
    }
    if declared.allSatisfy(\.isGeneric), let dateline { return dateline }
    return primary.date
  }

  /// Days since 1970 of a date read as UTC (as `PublishedDate` and `WrittenDate` give them).
  private static func day(_ date: Date) -> Int {
    Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }
}
