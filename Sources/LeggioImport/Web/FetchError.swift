import Foundation

/// Why a page could not be fetched; each message names the URL and what went wrong.
public enum FetchError: LocalizedError, Equatable {
  case unsupportedScheme(URL)
  case cannotConnect(URL, reason: String)
  case timedOut(URL, seconds: Double)
  case httpStatus(URL, code: Int)
  case redirectLoop(URL)
  case tooManyRedirects(URL, limit: Int)
  case notHTML(URL, kind: String)
  case tooLarge(URL, limit: Int)
  case failed(URL, reason: String)

  public var errorDescription: String? {
    switch self {
    case .unsupportedScheme(let url):
      "\(url.absoluteString): Leggio fetches only http and https pages"
    case .cannotConnect(let url, let reason):
      "cannot reach \(url.host ?? url.absoluteString) for \(url.absoluteString): \(reason)"
    case .timedOut(let url, let seconds):
      "\(url.absoluteString) did not answer within \(Self.format(seconds)) seconds"
    case .httpStatus(let url, let code):
      "\(url.absoluteString) answered HTTP \(code) \(Self.reason(code))"
    case .redirectLoop(let url):
      "\(url.absoluteString) redirects in a loop; the site is misconfigured or needs cookies"
    case .tooManyRedirects(let url, let limit):
      "\(url.absoluteString) redirected more than \(limit) times"
    case .notHTML(let url, let kind):
      "\(url.absoluteString) is \(kind), not a web page; Leggio reads HTML pages"
    case .tooLarge(let url, let limit):
      "\(url.absoluteString) is larger than \(limit / 1_048_576) MiB, the most Leggio downloads for one page"
    case .failed(let url, let reason):
      "could not fetch \(url.absoluteString): \(reason)"
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
  }

  private static func reason(_ code: Int) -> String {
    switch code {
    case 401: "(Unauthorized: the page needs a login)"
    case 403: "(Forbidden)"
    case 404: "(Not Found)"
    case 410: "(Gone)"
    case 429: "(Too Many Requests: try again later)"
    case 500: "(Internal Server Error)"
    case 502: "(Bad Gateway)"
    case 503: "(Service Unavailable)"
    case 504: "(Gateway Timeout)"
    default: code >= 500 ? "(server error)" : "(client error)"
    }
  }
}
