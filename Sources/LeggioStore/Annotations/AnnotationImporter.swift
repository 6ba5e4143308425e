import Foundation

/// What an import file held: the annotations it could read and why others were skipped.
public struct ImportedAnnotations: Sendable {
  public enum Format: String, Sendable {
    case leggioJSON = "Leggio JSON"
    case w3c = "W3C Web Annotation"
  }

  public var format: Format
  public var annotations: [Annotation]
  /// One sentence per annotation that could not be read.
  public var skipped: [String]
}

/// Reads Leggio's JSON (an export, or the array `leggio annotations --json` prints) and
/// W3C Web Annotation JSON-LD back into the model. `AnnotationStore.merge` saves them.
public struct AnnotationImporter: Sendable {
  /// The article UUID for a W3C target that names a web page, from the library; nil
  /// when the library does not have it.
  public var resolveArticle: @Sendable (String) -> String?
  /// Finds the article an annotation belongs to in this library from what the file says
  /// of it (`Library.locateArticle`); when set, it decides for every annotation, so a file
  /// exported from another library lands on the same articles here.
  public var locate: (@Sendable (ArticleClue) -> String?)?

  public init(resolveArticle: @escaping @Sendable (String) -> String? = { _ in nil }) {
    self.resolveArticle = resolveArticle
  }

  public init(locate: @escaping @Sendable (ArticleClue) -> String?) {
    self.resolveArticle = { _ in nil }
    self.locate = locate
  }

  /// Reads the file at `url`.
  public func read(contentsOf url: URL) throws -> ImportedAnnotations {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw AnnotationError.unreadableImport(
        source: url.path, reason: "it cannot be read (\(error.localizedDescription))")
    }
    return try read(data, source: url.lastPathComponent)
  }

  /// Reads `data`; `source` names it in errors.
  public func read(_ data: Data, source: String) throws -> ImportedAnnotations {
    let json: Any
    do {
      json = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw AnnotationError.unreadableImport(source: source, reason: "it is not valid JSON")
    }
    if isLeggioJSON(json) { return try readLeggio(data, source: source) }
    if let items = W3CAnnotationReader.items(in: json) {
      let reader = W3CAnnotationReader(
        source: source, resolveArticle: resolveArticle, locate: locate)
      var result = ImportedAnnotations(format: .w3c, annotations: [], skipped: [])
      for item in items {
        switch reader.annotation(item) {
        case .success(let annotation): result.annotations.append(annotation)
        case .failure(let error): result.skipped.append(error.localizedDescription)
        }
      }
      return result
    }
    throw AnnotationError.unreadableImport(
      source: source,
      reason: "it holds neither \"format\": \"leggio-annotations\" nor W3C annotations")
  }

  private func isLeggioJSON(_ json: Any) -> Bool {
    if let object = json as? [String: Any] {
      return object["format"] as? String == AnnotationJSONDocument.formatName
    }
    guard let array = json as? [Any] else { return false }
    return array.allSatisfy { ($0 as? [String: Any])?["articleId"] != nil } && !array.isEmpty
  }

  private func readLeggio(_ data: Data, source: String) throws -> ImportedAnnotations {
    var rows: [(AnnotationJSON, AnnotationJSONDocument.Article?)]
    do {
      if let document = try? JSONDecoder().decode(AnnotationJSONDocument.self, from: data) {
        rows = document.articles.flatMap { article in article.annotations.map { ($0, article) } }
      } else {
        rows = try JSONDecoder().decode([AnnotationJSON].self, from: data).map { ($0, nil) }
      }
    } catch {
      throw AnnotationError.unreadableImport(
        source: source, reason: "a field is missing or has the wrong type (\(error))")
    }
    var result = ImportedAnnotations(format: .leggioJSON, annotations: [], skipped: [])
    for (row, article) in rows {
      do {
        var annotation = try row.annotation(source: source)
        if let locate {
          let clue = ArticleClue(
            uuid: row.articleId, identity: article?.identity, source: article?.source,
            textHash: row.textHash, quote: row.quote)
          guard let uuid = locate(clue) else {
            result.skipped.append(
              "annotation \(row.id) skipped: its article (\(article?.title ?? clue.description)) "
                + "is not in the library")
            continue
          }
          annotation.articleUUID = uuid
        }
        result.annotations.append(annotation)
      } catch {
        result.skipped.append(error.localizedDescription)
      }
    }
    return result
  }
}
