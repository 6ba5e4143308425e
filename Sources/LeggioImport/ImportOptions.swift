import Foundation
import LeggioModel

/// Knobs of an import, with defaults that suit the command line and the TUI.
public struct ImportOptions: Sendable {
  /// The default largest file imported as one article: 64 MiB, far above any article
  /// or novel, well below what would stall the reader.
  public static let defaultMaximumSize = 64 * 1024 * 1024

  /// Files bigger than this many bytes are refused with `ImportError.tooLarge`.
  public var maximumSize: Int
  /// The time zone of datelines that do not name one ("16.08.2023 20:24"). The default
  /// follows the system's and is looked up only when a dateline needs it (finding the
  /// current zone through ICU cost a book's import a million instructions).
  public var timeZone: TimeZone
  /// Whether the file at a path may be read. Injected so tests, which run as root,
  /// can exercise the permission error; the default asks the file system.
  public var isReadable: @Sendable (String) -> Bool
  /// How an EPUB is read by `importArticles`: a book, a periodical's articles, or
  /// (nil) Leggio's guess.
  public var epubForm: EPUBForm? = nil
  /// Whether `importArticles` keeps an EPUB's pictures (`EPUBImages`), read from the
  /// archive it has open, within these limits; nil keeps none.
  public var epubPictures: ImageLimits? = nil
  /// Called with an EPUB's articles as soon as their text is read, before their pictures
  /// are kept (which leaves their documents as they are): `leggio add` begins a book's
  /// digest there, so that it runs beside the reading of the pictures.
  public var epubTextRead: (@Sendable ([ImportedArticle]) -> Void)? = nil
  /// Whether the process ends right after this import (`leggio show FILE`): then a long
  /// file is mapped rather than read into memory (`MappedFile`), and a long text's
  /// working memory (its lines and chunks) is left for the process's end instead of being
  /// freed on the way (a few milliseconds of a book's import). A long-lived process (the
  /// reader, `leggio add`) keeps the default.
  public var endsWithProcess = false

  public init(
    maximumSize: Int = ImportOptions.defaultMaximumSize,
    timeZone: TimeZone = .autoupdatingCurrent,
    isReadable: @escaping @Sendable (String) -> Bool = {
      FileManager.default.isReadableFile(atPath: $0)
    }
  ) {
    self.maximumSize = maximumSize
    self.timeZone = timeZone
    self.isReadable = isReadable
  }
}
