import Foundation
import LeggioModel

/// The pictures of a book, read from its own files when it is added (nothing is fetched).
///
/// A chapter names a picture relative to itself (`../images/map.jpg`); the entry is the
/// one of that path from the book's root, else the one whose path ends the same way
/// (`OEBPS/images/map.jpg`).
public enum EPUBImages {
  /// Fills `articles[k].images` (articles read from the book in `bookData`) and adds a
  /// warning for each picture skipped.
  public static func keep(
    in articles: inout [ImportedArticle], bookData: Data, name: String,
    limits: ImageLimits = ImageLimits()
  ) {
    let wanted = sources(of: articles)
    // Opening the archive again checks every entry: only when there is a picture to read.
    guard wanted.contains(where: { !$0.isEmpty }),
      let archive = try? EPUBArchive(data: bookData, name: name)
    else { return }
    keep(in: &articles, wanted: wanted, from: archive, limits: limits)
  }

  /// `keep`, from the archive the articles were just read from (`EPUBImporter`, asked for
  /// pictures): the book is not opened a second time.
  static func keep(
    in articles: inout [ImportedArticle], from archive: EPUBArchive, limits: ImageLimits
  ) {
    keep(in: &articles, wanted: sources(of: articles), from: archive, limits: limits)
  }

  /// The picture addresses of each article that could name a file of the book.
  private static func sources(of articles: [ImportedArticle]) -> [[String]] {
    articles.map { article in
      ImageCollector.sources(in: article.document).filter {
        EPUBPath.resolve($0, against: "") != nil
      }
    }
  }

  private static func keep(
    in articles: inout [ImportedArticle], wanted: [[String]], from archive: EPUBArchive,
    limits: ImageLimits
  ) {
    for (index, sources) in zip(articles.indices, wanted) where !sources.isEmpty {
      let results = sources.map { source in
        (source: source, result: read(source, from: archive, limits: limits))
      }
      let (images, skipped) = ImageVetting.budget(results, limits: limits)
      articles[index].images = images
      articles[index].notePictures(skipped: skipped)
    }
  }

  static func read(_ source: String, from archive: EPUBArchive, limits: ImageLimits)
    -> Result<KeptImage, ImageRefusal>
  {
    guard let path = entry(for: source, in: archive) else { return .failure(.missing) }
    do {
      guard let data = try archive.data(at: path) else { return .failure(.missing) }
      return ImageVetting.vet(data, source: source, limits: limits)
    } catch {
      return .failure(.failed(error.localizedDescription))
    }
  }

  static func entry(for source: String, in archive: EPUBArchive) -> String? {
    guard let target = EPUBPath.resolve(source, against: ""), !target.path.isEmpty else {
      return nil
    }
    if let exact = archive.resolve(target.path) { return exact }
    let tail = "/" + target.path
    return archive.paths.first { $0.hasSuffix(tail) }
  }
}
