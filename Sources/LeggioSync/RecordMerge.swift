import Foundation

/// How two copies of one mirror record become one, for git's merge driver and for
/// Syncthing's conflict copies alike: the newer (`updatedAt`, `device`) wins whole, except
/// an article's text versions, which are united (a text read on either side is kept).
package enum RecordMerge {
  /// The merged record; nil when neither copy is a JSON record.
  package static func merge(_ ours: Data, _ theirs: Data) -> Data? {
    let decoder = JSONDecoder()
    let mine = try? decoder.decode(JSONValue.self, from: ours)
    let other = try? decoder.decode(JSONValue.self, from: theirs)
    guard let mine else { return other == nil ? nil : theirs }
    guard let other else { return ours }
    guard case .object(var winner) = isNewer(other, than: mine) ? other : mine,
      case .array(let left)? = mine["versions"], case .array(let right)? = other["versions"]
    else {
      return try? CanonicalJSON.encode(isNewer(other, than: mine) ? other : mine)
    }
    var seen = Set<String>()
    let united = (left + right).filter { seen.insert($0["body"]?.string ?? "").inserted }
      .sorted { a, b in
        let (x, y) = (a["createdAt"]?.integer ?? 0, b["createdAt"]?.integer ?? 0)
        return x != y ? x < y : (a["body"]?.string ?? "") < (b["body"]?.string ?? "")
      }
    winner["versions"] = .array(united)
    return try? CanonicalJSON.encode(JSONValue.object(winner))
  }

  /// Whether `a` is newer than `b`: later `updatedAt`, ties broken by the device id.
  static func isNewer(_ a: JSONValue, than b: JSONValue) -> Bool {
    let (timeA, timeB) = (a["updatedAt"]?.integer ?? 0, b["updatedAt"]?.integer ?? 0)
    if timeA != timeB { return timeA > timeB }
    return (a["device"]?.string ?? "") > (b["device"]?.string ?? "")
  }
}
