import Foundation

/// The kinds of record the sync mirror holds, one small file each.
package enum SyncRecordKind: String, CaseIterable, Sendable {
  case article, tag, annotation, position, feed
}

/// An article as the mirror holds it: metadata and the list of its text versions, whose
/// bodies are stored apart, by hash. Articles are known by `identity` (see
/// `SyncMigrations`), never by a UUID, so the same article saved on two machines is one.
package struct SyncArticle: Codable, Hashable, Sendable {
  package struct Version: Codable, Hashable, Sendable {
    /// The SHA-256 of the body file: the Document as JSON.
    package var body: String
    /// The hash of the canonical text, as the library stores it.
    package var textHash: String
    package var createdAt: Int64
    /// The SHA-256 of the original page's file, when there is one.
    package var original: String?
  }

  package var identity: String
  package var title: String
  package var kicker: String?
  package var standfirst: String?
  package var byline: String?
  package var published: Int64?
  package var dateline: String?
  package var imageCredit: String?
  package var language: String?
  package var source: String?
  package var siteName: String?
  package var versions: [Version]
  package var createdAt: Int64
  package var updatedAt: Int64
  package var deleted: Bool
  package var device: String
  /// Starred and archived (`leggio star`, a service's export); absent in older records,
  /// which leave them as they are.
  package var starred: Bool?
  package var archived: Bool?
  /// The article's pictures: the SHA-256 of each picture's file, by the address its
  /// document names it with. Absent when it has none (and in older records).
  package var images: [String: String]? = nil
}

/// One tag on one article; removing it makes it `deleted`.
package struct SyncTag: Codable, Hashable, Sendable {
  package var article: String
  package var tag: String
  package var createdAt: Int64
  package var updatedAt: Int64
  package var deleted: Bool
  package var device: String
}

/// A bookmark, highlight or note; the article is named by its identity.
package struct SyncAnnotation: Codable, Hashable, Sendable {
  package var uuid: String
  package var article: String
  package var kind: String
  package var start: Int
  package var end: Int
  package var quote: String
  package var prefix: String
  package var suffix: String
  package var textHash: String
  package var note: String
  package var color: Int?
  package var name: String?
  package var tags: [String]
  package var orphaned: Bool
  package var createdAt: Int64
  package var updatedAt: Int64
  package var deleted: Bool
  package var device: String
}

/// Where one device is in one article, and when it read there: one file per article per
/// device, so two devices reading at once never touch the same file.
package struct SyncPosition: Codable, Hashable, Sendable {
  package var article: String
  package var device: String
  package var offset: Int
  package var progress: Double
  package var updatedAt: Int64
  /// The device's name (its host name), for "read on NAME"; absent in older records.
  package var deviceName: String?
}

/// A feed subscription.
package struct SyncFeed: Codable, Hashable, Sendable {
  package var url: String
  package var title: String?
  package var siteURL: String?
  package var tags: [String]
  package var full: Bool
  package var createdAt: Int64
  package var updatedAt: Int64
  package var deleted: Bool
  package var device: String
}

/// Records changed since the last export, with the bodies their versions name.
package struct SyncChanges: Sendable {
  package var articles: [SyncArticle] = []
  package var tags: [SyncTag] = []
  package var annotations: [SyncAnnotation] = []
  package var positions: [SyncPosition] = []
  package var feeds: [SyncFeed] = []
  /// Body files by their SHA-256: documents as JSON and original pages.
  package var bodies: [String: Data] = [:]
  /// The pictures the articles name, by SHA-256; their bytes are read from the library
  /// one at a time as the mirror writes them (`Mirror.write(_:picture:)`).
  package var pictures: Set<String> = []
  /// Hand back to `markExported(through:)` once the records are written.
  package var watermark: Int64 = 0

  package var count: Int {
    articles.count + tags.count + annotations.count + positions.count + feeds.count
  }
}

/// Milliseconds since 1970, the mirror's time.
package enum SyncTime {
  package static func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
  }

  package static func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }
}
