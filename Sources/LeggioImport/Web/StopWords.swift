/// The most frequent function words of the languages Leggio's pages come in, for
/// jusText's test of prose: running text is dense in stop words ("the", "und", "de"),
/// while menus, tag lists, credits and link labels are not. Each list is a small head of
/// jusText's list for the language (Pomikálek, 2011); a page's language is the one whose
/// words its text uses most.
struct StopWords: Sendable {
  let words: Set<String>
  /// The same words, looked up without making strings (see `LowercaseWords`); nil when
  /// one is too long for a `WordKey`.
  private let keys: WordKeySet?

  static let english = StopWords(
    "the of and to a in is it that for was on are as with be by at this have from or an but not they his her we you he she were been has had their which will would there can all so if one its also more who about when what our into than them then these some up out no"
  )
  static let german = StopWords(
    "der die das und in zu den von mit ist im nicht sich des auf ein eine für dem es auch als an wie bei aus nach sie er wird so oder aber noch hat sind um werden vor zum zur einen einem einer wir ich man nur über durch kann war wenn dass daß sein ihre ihr wurde diese dieser schon noch mehr"
  )
  static let french = StopWords(
    "de la le et les des à du un une en est que pour dans qui pas au sur par il elle ne ce se plus sont avec a ont son sa ses aux ou mais nous vous ils leur été être cette comme tout y on lui même"
  )
  static let italian = StopWords(
    "di e il la che a in un per è non una i del della le si da con sono al dei delle gli lo alla anche ha come più ma nel nella su questo questa ci ne essere era dopo tra o se loro sua suo"
  )
  static let spanish = StopWords(
    "de la que el en y a los del se las por un para con no una su al es lo como más pero sus le ha me si sin sobre este ya entre cuando todo esta ser son dos también fue había muy hasta desde está o"
  )
  static let polish = StopWords(
    "i w na z do nie się że to jest o jak a po przez od za co ale są dla by tak już jego jej ich tym był była było może także oraz czy tylko który która które przy lub aby gdy"
  )
  static let portuguese = StopWords(
    "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também pelo pela"
  )
  static let dutch = StopWords(
    "de en van het een in is dat op te zijn met voor niet aan er die om ook als bij of door maar over naar dan nog wel uit tot wordt werd heeft hebben deze zo kan"
  )

  static let all = [english, german, french, italian, spanish, polish, portuguese, dutch]

  init(_ list: String) {
    words = Set(list.split(separator: " ").map(String.init))
    keys = words.allSatisfy { $0.utf8.count <= 16 } ? WordKeySet(Array(words)) : nil
  }

  /// The language whose stop words `text` uses most; nil when no list reads it (a
  /// language without a list, or too little text to tell).
  static func detect(_ text: String) -> StopWords? {
    var hits = [Int](repeating: 0, count: all.count)
    var count = 0
    let read =
      all.allSatisfy { $0.keys != nil }
      && LowercaseWords.forEach(in: text[...], limit: 3000) { word in
        count += 1
        for (index, list) in all.enumerated() where list.keys!.contains(word) {
          hits[index] += 1
        }
      }
    if !read {
      let words = lowercasedWords(text.prefix(3000))
      count = words.count
      for (index, list) in all.enumerated() {
        hits[index] = words.reduce(0) { $0 + (list.words.contains($1) ? 1 : 0) }
      }
    }
    var best: (list: StopWords, hits: Int)?
    for (index, list) in all.enumerated() where hits[index] > (best?.hits ?? 0) {
      best = (list, hits[index])
    }
    guard let best, best.hits >= 10, best.hits * 10 >= count else { return nil }
    return best.list
  }

  /// Stop words per word in `text`, and how many words it has.
  func density(_ text: String) -> (density: Double, words: Int) {
    var hits = 0
    var count = 0
    let read =
      keys.map { keys in
        LowercaseWords.forEach(in: text[...]) { word in
          count += 1
          if keys.contains(word) { hits += 1 }
        }
      } ?? false
    if !read {
      let words = Self.lowercasedWords(text[...])
      count = words.count
      hits = words.reduce(0) { $0 + (self.words.contains($1) ? 1 : 0) }
    }
    guard count > 0 else { return (0, 0) }
    return (Double(hits) / Double(count), count)
  }

  static func lowercasedWords(_ text: Substring) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init)
  }
}
