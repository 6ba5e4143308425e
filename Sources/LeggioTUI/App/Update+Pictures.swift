import LeggioModel
import LeggioStore

extension ReaderState {
  /// The article's pictures that are kept and shown, in reading order, each once: the
  /// blocks the page draws as pictures, with their offsets in the text.
  var shownPictures: [(source: String, offset: Int)] {
    var seen = Set<String>()
    var pictures: [(String, Int)] = []
    for (index, block) in article.document.blocks.enumerated() {
      guard case .image = block.kind, let source = block.source, article.images[source] != nil,
        seen.insert(source).inserted
      else { continue }
      pictures.append((source, offset(ofBlock: index)))
    }
    return pictures
  }

  /// The picture `i` shows from the page on screen: the first one the page draws, else the
  /// first after the page's start; nil when none is left.
  var pictureFromHere: String? {
    if let shown = page?.lines.lazy.compactMap(\.picture).first { return shown.source }
    return shownPictures.first { $0.offset >= anchor }?.source
  }
}

/// `i` and `I` in the reader: the next picture alone on the screen, or opened in the
/// system's viewer (never waited for).
func showPicture(_ reader: ReaderState, open: Bool, _ state: inout AppState) -> [Effect] {
  guard state.pictures.isShown else {
    state.status = AppState.Status(
      text: "Pictures are not shown here (images = \"off\", NO_COLOR or no libchafa)",
      isError: false)
    return []
  }
  guard let source = reader.pictureFromHere, let image = reader.article.images[source] else {
    let none = reader.shownPictures.isEmpty
    state.status = AppState.Status(
      text: none ? "This article has no pictures" : "No more pictures after this page",
      isError: false)
    return []
  }
  if open { return openPicture(image, &state) }
  state.modal = .picture(source: source)
  return []
}

/// The keys of the picture screen: the next or previous picture (round the article), the
/// picture in the viewer, back to the page.
func handlePictureScreen(_ action: Action?, source: String, _ state: inout AppState)
  -> [Effect]
{
  if let effects = handleGlobal(action, &state) { return effects }
  guard let reader = state.reader else {
    state.modal = nil
    return []
  }
  let sources = reader.shownPictures.map(\.source)
  let index = sources.firstIndex(of: source) ?? 0
  switch action {
  case .viewPicture, .previousPicture:
    guard !sources.isEmpty else { break }
    let step = action == .viewPicture ? 1 : sources.count - 1
    state.modal = .picture(source: sources[(index + step) % sources.count])
  case .openPicture:
    if let image = reader.article.images[source] { return openPicture(image, &state) }
  case .back:
    state.modal = nil
  default:
    break
  }
  return []
}

private func openPicture(_ image: KeptImage, _ state: inout AppState) -> [Effect] {
  state.status = AppState.Status(text: "Opening the picture in the image viewer", isError: false)
  return [.openPicture(image)]
}
