import Foundation

/// Why a request failed below the level of HTTP statuses, in terms the fetchers turn
/// into messages for people.
public enum HTTPTransferError: Error, Equatable {
  /// libcurl could not be loaded; the reason says what to install.
  case unavailable(URL, reason: String)
  case unsupportedScheme(URL)
  case cannotResolveHost(URL)
  case cannotConnect(URL)
  case connectionLost(URL)
  case certificate(URL)
  case timedOut(URL)
  case redirectLoop(URL)
  case tooManyRedirects(URL)
  /// The body is larger than the request allows; the URL is the hop that was refused.
  case tooLarge(URL)
  case failed(URL, reason: String)
}
