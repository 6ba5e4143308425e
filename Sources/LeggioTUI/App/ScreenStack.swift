import LeggioStore

/// The screens open on top of one another, the library always at the bottom: `update`
/// gives the keys to the top one, `Esc`/`q` pops it, and the renderer draws it (over what
/// shows through beneath, for a modal box). A new screen is one more case here.
public enum Layer: Sendable {
  /// The list of articles: always the bottom of the stack.
  case library
  /// An article, page by page.
  case reader(ReaderState)
  /// The subscriptions (`F`).
  case feeds(FeedsScreenState)
  /// Every bookmark, highlight and note (`N`).
  case notebook(NotebookState)
  /// A box over the screen beneath that takes the keys until it closes.
  case modal(AppState.Modal)

  var isModal: Bool {
    if case .modal = self { true } else { false }
  }
}

extension AppState {
  /// The screen on top: the one whose keys are in force.
  public var top: Layer { stack.last ?? .library }

  /// The open article, wherever it is in the stack.
  public var reader: ReaderState? {
    get { stack.lazy.compactMap { if case .reader(let r) = $0 { r } else { nil } }.first }
    _modify {
      let index = stack.firstIndex { if case .reader = $0 { true } else { false } }
      var value: ReaderState? = nil
      if let index, case .reader(let current) = stack[index] { value = current }
      if let index { stack[index] = .library }  // the yielded value is then the only copy
      yield &value
      store(value.map(Layer.reader), at: index)
    }
  }

  /// The feeds screen while it is open.
  public var feeds: FeedsScreenState? {
    get { stack.lazy.compactMap { if case .feeds(let f) = $0 { f } else { nil } }.first }
    set {
      let index = stack.firstIndex { if case .feeds = $0 { true } else { false } }
      store(newValue.map(Layer.feeds), at: index)
    }
  }

  /// The notebook while it is open.
  public var notebook: NotebookState? {
    get { stack.lazy.compactMap { if case .notebook(let n) = $0 { n } else { nil } }.first }
    set {
      let index = stack.firstIndex { if case .notebook = $0 { true } else { false } }
      store(newValue.map(Layer.notebook), at: index)
    }
  }

  /// The box on top of the stack, if the top is one.
  public var modal: Modal? {
    get { if case .modal(let modal) = top { modal } else { nil } }
    set {
      let index = top.isModal ? stack.count - 1 : nil
      store(newValue.map(Layer.modal), at: index)
    }
  }

  /// Puts `layer` at `index` (a layer already open keeps its place), pushes it when it was
  /// not open, or removes what was at `index` when `layer` is nil. A new screen closes the
  /// box that was on top.
  private mutating func store(_ layer: Layer?, at index: Int?) {
    switch (layer, index) {
    case (let layer?, let index?):
      stack[index] = layer
    case (let layer?, nil):
      if !layer.isModal && top.isModal { stack.removeLast() }
      stack.append(layer)
    case (nil, let index?):
      if index > 0 { stack.remove(at: index) }
    case (nil, nil):
      break
    }
  }
}
