import Foundation

/// Links to other stories set as paragraphs of their own inside the article: a headline in
/// capitals that is one link ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'", "GET
/// THE APP BY CLICKING HERE"). News sites drop them between the story's paragraphs; they
/// are furniture, not the story. (A link after a "Related:" label stays: Readability keeps
/// it, and its test pages expect it.)
extension ArticleGrabber {
  func removeTeaserLinks(_ content: HTMLNode) {
    var remove: [HTMLNode] = []
    for line in content.elements(named: "p") {
      let length = line.innerTextLength
      guard length >= 10, length <= 200, line.elements(named: "a").count == 1,
        linkDensity(line) >= 0.9, Self.isShouted(line.innerText)
      else { continue }
      remove.append(line)
    }
    HTMLNode.detach(remove)
  }

  /// Three words or more whose letters are all capitals (scripts without case never are).
  static func isShouted(_ text: String) -> Bool {
    var letters = 0
    for character in text where character.isLetter {
      guard character.isUppercase else { return false }
      letters += 1
    }
    return letters >= 8 && text.split(whereSeparator: \.isWhitespace).count >= 3
  }
}
