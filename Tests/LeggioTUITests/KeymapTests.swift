import Testing

@testable import LeggioTUI

@Suite struct KeymapTests {
  @Test func defaultsFollowLessAndVim() {
    let keymap = Keymap.default
    for key in [Key.character(" "), .pageDown, .character("l"), .right, .character("j")] {
      #expect(keymap.action(for: key, on: .reader) == .nextPage)
    }
    for key in [Key.character("b"), .pageUp, .character("h"), .left, .character("k")] {
      #expect(keymap.action(for: key, on: .reader) == .previousPage)
    }
    #expect(keymap.action(for: .character("j"), on: .library) == .down)
    #expect(keymap.action(for: .character("q"), on: .reader) == .back)
    #expect(keymap.action(for: .character("q"), on: .library) == .quit)
  }

  @Test func overridesReplaceAnActionsKeysOnEveryScreen() {
    let keymap = Keymap.default.applying([.nextPage: [.character("f")], .help: [.function(1)]])
    #expect(keymap.action(for: .character("f"), on: .reader) == .nextPage)
    #expect(keymap.action(for: .character(" "), on: .reader) == nil)
    #expect(keymap.keys(for: .nextPage, on: .reader) == [.character("f")])
    #expect(keymap.action(for: .function(1), on: .library) == .help)
    #expect(keymap.action(for: .character("?"), on: .tags) == nil)
    // The library's own f (star) stays: nextPage is not a library action.
    #expect(keymap.action(for: .character("f"), on: .library) == .star)
  }

  @Test func anOverrideTakesTheKeyFromAnotherAction() {
    let keymap = Keymap.default.applying([.quit: [.character("j")]])
    #expect(keymap.action(for: .character("j"), on: .library) == .quit)
    #expect(keymap.action(for: .character("j"), on: .reader) == .quit)
    #expect(keymap.keys(for: .down, on: .library) == [.down])
  }

  @Test func reboundKeysDriveTheApp() throws {
    let store = try makeLibrary([ReaderScreenTests.numbered(100)])
    let app = Application(
      library: store, width: 40, height: 10,
      keymap: Keymap.default.applying([.nextPage: [.character("f")], .back: [.character("x")]]))
    app.start()
    app.press("<Enter>f<Space>f")
    #expect(app.state.reader?.pageIndex == 2)
    app.press("x")
    #expect(app.state.reader == nil)
  }
}
