import Testing

@testable import LeggioTUI

@Suite struct CellGridTextTests {
  @Test func wideCharactersTakeTwoCellsAndNeverSplitAtTheEdge() {
    var grid = CellGrid(width: 7, height: 1)
    let end = grid.put("日本語です", column: 0, row: 0, style: CellStyle())
    #expect(end == 7)
    #expect(grid.rows == ["日本語"])
    #expect(grid[1, 0].width == 0)
    #expect(grid[6, 0].character == " ")
  }

  @Test func controlCharactersBecomeAVisibleReplacement() {
    var grid = CellGrid(width: 20, height: 1)
    grid.put("a\u{1B}[31mb\u{9B}c\u{202E}d", column: 0, row: 0, style: CellStyle())
    #expect(grid.rows == ["a␛[31mb\u{FFFD}c\u{FFFD}d"])
  }

  @Test func combiningMarksStayWithTheirLetter() {
    var grid = CellGrid(width: 10, height: 1)
    let end = grid.put("caffe\u{301}!", column: 0, row: 0, style: CellStyle())
    #expect(end == 6)
    #expect(grid.rows == ["caffe\u{301}!"])
  }

  @Test func truncateEndsWithAnEllipsisWithinTheCells() {
    #expect(TextWidth.truncate("Lugano d'inverno", to: 8) == "Lugano …")
    #expect(TextWidth.truncate("東京の朝", to: 5) == "東京…")
    #expect(TextWidth.truncate("short", to: 5) == "short")
    #expect(TextWidth.cells("東京 ok") == 7)
  }
}

@Suite struct CellGridEdgeTests {
  @Test func markingAndFillingPastTheEdgeIsIgnored() {
    var grid = CellGrid(width: 5, height: 1)
    grid.put("hello", column: 0, row: 0, style: CellStyle())
    grid.mark(row: 0, columns: 7..<9, overlay: .searchMatch)
    grid.fill(row: 0, columns: 6..<8, style: CellStyle(.statusBar))
    grid.mark(row: 0, columns: 3..<9, overlay: .searchMatch)
    #expect(overlaid(grid, row: 0, .searchMatch) == "lo")
    #expect(grid.rows == ["hello"])
  }
}

@Suite struct WideCharacterOverwriteTests {
  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = CellGrid(width: 6, height: 2)
    grid.put("日本語", column: 0, row: 0, style: CellStyle())
    grid.put("│", column: 1, row: 0, style: CellStyle(.help))
    grid.put("日本語", column: 0, row: 1, style: CellStyle())
    grid.put("x", column: 2, row: 1, style: CellStyle())
    #expect(grid.rows == [" │本語", "日x 語"])
    for row in 0..<2 {
      for column in 0..<6 where grid[column, row].width == 0 {
        #expect(column > 0 && grid[column - 1, row].width == 2)
      }
    }
  }
}
