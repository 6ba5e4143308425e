import Foundation
import LeggioStore
import LeggioLayout

/// Everything the screen shows, as one value that `update` changes and the views draw.
public struct AppState: Sendable {
  /// A box over the screen that takes the keys until it closes.
  public enum Modal: Hashable, Sendable {
    /// The keys of a screen.
    case help(Screen)
    /// The open article's links; the selected row.
    case links(selected: Int)
    /// The library's tags ("all tags" first); the selected row.
    case tags(selected: Int)
    /// Asks before moving an article to the bin.
    case confirmRemove(ArticleSummary)
    /// The open article's bookmarks, highlights and notes; the selected row.
    case marks(selected: Int)
    /// The open book's table of contents; the selected row.
    case contents(selected: Int)
    /// A footnote or endnote shown in place; any key closes it.
    case note(String)
    /// Another device read the open article to another page (index `page`): go there?
    case continueReading(ReadingElsewhere, page: Int)
    /// One of the open article's pictures alone on the screen (`source`: its address).
    case picture(source: String)
  }

  /// A line of input in the status line.
  public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
      /// Filters the library as the user types.
      case filter
      /// Searches the open article on Enter.
      case search
      /// A note, saved on Enter.
      case note(AnnotationTarget)
      /// A bookmark's optional name, saved on Enter.
      case bookmarkName(offset: Int)
      /// Narrows the notebook as the user types.
      case notebookSearch
    }
    public var purpose: Purpose
    public var text: String
  }

  /// A message in the status line until the next key.
  public struct Status: Hashable, Sendable {
    public var text: String
    public var isError: Bool
  }

  /// Below this the screen shows a notice instead of the reader.
  public static let minimumSize = (width: 20, height: 6)

  public var width: Int
  public var height: Int
  public var library: LibraryState
  /// The screens open, bottom first (see `Layer`); `reader`, `notebook`, `feeds` and
  /// `modal` find theirs in it.
  public var stack: [Layer] = [.library]
  /// A feeds update runs in the background (the feeds screen may be closed meanwhile).
  public var feedUpdateRunning = false
  /// Pending articles' pages are being fetched in the background.
  public var pendingFetchRunning = false
  /// The header's sync state; nil when sync is not set up.
  public var sync: SyncIndicator?
  /// The library cannot be written here (its file or folder is read-only): the header
  /// says so, reading places are not kept, and changes fail with a message.
  public var libraryIsReadOnly = false
  /// Where the times on screen are shown (the last sync, another device's reading).
  public var timeZone = TimeZone.current
  /// The last bookmark, highlight or note deleted: the one `u` brings back.
  public var lastDeleted: String?
  public var prompt: Prompt?
  public var status: Status?
  public var keymap: Keymap
  public var settings: ReaderSettings
  /// How pictures are shown on this terminal (placeholders unless the terminal layer
  /// found a way).
  public var pictures: PictureDisplay = .off
  public var themeNames: [String]
  public var themeIndex: Int
  public var shouldQuit = false

  public init(
    width: Int, height: Int, keymap: Keymap = .default, settings: ReaderSettings = .init(),
    themeNames: [String] = [], themeIndex: Int = 0, guide: [StoredArticle] = []
  ) {
    self.width = width
    self.height = height
    self.library = LibraryState(guide: guide)
    self.keymap = keymap
    self.settings = settings
    self.themeNames = themeNames
    self.themeIndex = themeNames.isEmpty ? 0 : max(0, min(themeIndex, themeNames.count - 1))
  }

  /// Whether the terminal is too small to show anything but a notice.
  public var isTooSmall: Bool {
    width < Self.minimumSize.width || height < Self.minimumSize.height
  }

  /// The screen whose keys are in force.
  public var screen: Screen { Self.screen(of: stack[...]) }

  /// The screen of the top of `layers`; a help or confirmation box keeps the keys' screen
  /// of what is beneath it.
  static func screen(of layers: ArraySlice<Layer>) -> Screen {
    switch layers.last ?? .library {
    case .library: .library
    case .reader(let reader): reader.selection != nil ? .selection : .reader
    case .feeds: .feeds
    case .notebook: .notebook
    case .modal(.links): .links
    case .modal(.tags): .tags
    case .modal(.marks): .marks
    case .modal(.contents): .contents
    case .modal(.picture): .picture
    case .modal(.help), .modal(.confirmRemove), .modal(.note), .modal(.continueReading):
      screen(of: layers.dropLast())
    }
  }

  /// The rows of the library list on screen (between the header and the status line).
  public var listRows: Int { max(1, height - 2) }

  /// The reader's page size: everything but the status line.
  public var layoutOptions: LayoutOptions {
    settings.applied(to: LayoutOptions(width: max(1, width), height: max(1, height - 1)))
  }

  /// Whether `.tick` events have work to do.
  public var hasBackgroundWork: Bool {
    (reader?.hasBackgroundWork ?? false) || feedUpdateRunning || pendingFetchRunning
      || sync?.running == true
  }
}
