import Foundation
import LeggioModel
import LeggioPictures
import LeggioTUI
import LeggioTestSupport
import Testing

@testable import LeggioTerminal

/// How Leggio finds the terminal's own pictures and what it writes to show one.
@Suite struct TerminalGraphicsTests {
  @Test func kittysAnswerToTheQueryMeansKitty() {
    let reply = Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;22;52c".utf8)
    #expect(TerminalGraphics.isComplete(reply))
    #expect(TerminalGraphics.capabilities(reply) == .kitty)
  }

  @Test func aFourInTheDeviceAttributesMeansSixel() {
    // xterm -ti vt340 answers 63;1;2;4;6;9;15;16;22;28;29.
    let reply = Array("\u{1B}[?63;1;2;4;6;9;15;16;22;28;29c".utf8)
    #expect(TerminalGraphics.capabilities(reply) == .sixel)
    // A 4 inside another number is not one.
    #expect(TerminalGraphics.capabilities(Array("\u{1B}[?64;1;14;42c".utf8)) == nil)
  }

  @Test func noAnswerOrAPartOfOneMeansSymbols() {
    #expect(TerminalGraphics.capabilities([]) == nil)
    #expect(!TerminalGraphics.isComplete(Array("\u{1B}[?63;1".utf8)))
  }

  @Test func aNamedSettingIsTakenAsItIsAndTmuxGetsSymbols() {
    #expect(TerminalGraphics.detect(.sixel, environment: [:]) == .sixel)
    #expect(TerminalGraphics.detect(.kitty, environment: [:]) == .kitty)
    #expect(TerminalGraphics.detect(.symbols, environment: [:]) == nil)
    #expect(TerminalGraphics.detect(.auto, environment: ["TMUX": "/tmp/tmux-0/default,1,0"]) == nil)
    #expect(TerminalGraphics.detect(.auto, environment: ["TERM_PROGRAM": "iTerm.app"]) == .iterm)
  }

  @Test func aPictureIsWrittenAtItsCellWithTheCursorPutBack() throws {
    let data = TestPictures.png(width: 320, height: 200)
    let image = KeptImage(source: "p", data: data, info: try #require(ImageInfo(data)))
    let placement = PicturePlacement(image: image, row: 4, column: 10, columns: 20, rows: 6)
    let pixels = try #require(DecodedPicture(data))
    let stream = try #require(
      PictureStream.bytes(pixels, columns: 20, rows: 6, graphics: .sixel))
    let bytes = PictureWriter.bytes(placing: stream, at: placement)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("\u{1B}7\u{1B}[5;11H\u{1B}P"))
    #expect(text.hasSuffix("\u{1B}\\\u{1B}8"))
  }
}

@Suite struct TerminalCellSizeTests {
  @Test func theCellSizeIsReadFromTheReplyToCSI16t() {
    let reply = Array("\u{1B}[6;17;8t\u{1B}[?63;1;2;4c".utf8)
    #expect(TerminalGraphics.cellSize(reply)?.width == 8)
    #expect(TerminalGraphics.cellSize(reply)?.height == 17)
    #expect(TerminalGraphics.capabilities(reply) == .sixel)
    #expect(TerminalGraphics.cellSize(Array("\u{1B}[6;0;0t".utf8)) == nil)
    #expect(TerminalGraphics.cellSize([]) == nil)
  }
}

/// A terminal's late answer to the picture query is dropped, never read as keys.
@Suite struct TerminalReplyTests {
  static func classify(_ text: String) -> TerminalReply.Verdict {
    TerminalReply.classify(text.unicodeScalars.map(\.value))
  }

  @Test func theAnswersAfterAnEscAreRecognisedWhole() {
    #expect(Self.classify("[?63;1;2;4;6;9;15;16;22;28;29c") == .reply)
    #expect(Self.classify("[?62;22;52c") == .reply)
    #expect(Self.classify("[6;20;10t") == .reply)
    #expect(Self.classify("_Gi=31;OK\u{1B}\\") == .reply)
    #expect(Self.classify("_Gi=31;ENOENT:unsupported\u{1B}\\") == .reply)
    #expect(Self.classify("P1$r0m\u{1B}\\") == .reply)
  }

  @Test func theirBeginningsAreReadOn() {
    #expect(Self.classify("") == .partial)
    #expect(Self.classify("[") == .partial)
    #expect(Self.classify("[?63;1") == .partial)
    #expect(Self.classify("_Gi=31;O") == .partial)
    #expect(Self.classify("_Gi=31;OK\u{1B}") == .partial)
  }

  @Test func keysAreNotAnswers() {
    // Alt-j, Esc then q, a key sequence ncurses did not know.
    #expect(Self.classify("j") == .notAReply)
    #expect(Self.classify("q") == .notAReply)
    #expect(Self.classify("[1;5P") == .notAReply)
    #expect(Self.classify("[200~") == .notAReply)
    #expect(Self.classify("_x") == .notAReply)
    #expect(Self.classify("[?25h") == .notAReply)
    #expect(Self.classify("[6;20t") == .notAReply)
  }
}
