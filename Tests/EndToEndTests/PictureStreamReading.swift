import Foundation

/// A kitty graphics stream read back: the first command's keys (`a=T,f=32,s=…`) and the
/// pixels its base64 payload carries across the chunks (`m=1` … `m=0`).
struct KittyPicture {
  var first: [String: String] = [:]
  var payload = Data()

  init(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    for command in text.components(separatedBy: "\u{1B}_G").dropFirst() {
      let body = command.components(separatedBy: "\u{1B}\\")[0]
      let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
      if first.isEmpty {
        for pair in parts[0].split(separator: ",") {
          let kv = pair.split(separator: "=", maxSplits: 1)
          if kv.count == 2 { first[String(kv[0])] = String(kv[1]) }
        }
      }
      // Each chunk is base64 of its own (padded) bytes.
      if parts.count == 2, !parts[1].isEmpty {
        payload += Data(base64Encoded: String(parts[1])) ?? Data()
      }
    }
  }

  /// The pixels, when the payload is uncompressed RGB or RGBA of the declared size.
  var pixels: Pixels? {
    guard first["o"] == nil, let width = first["s"].flatMap({ Int($0) }),
      let height = first["v"].flatMap({ Int($0) })
    else { return nil }
    let channels = first["f"] == "24" ? 3 : 4
    guard payload.count == width * height * channels else { return nil }
    return Pixels(width: width, height: height, channels: channels, bytes: [UInt8](payload))
  }
}

/// Pixels of a picture, to compare regions' mean colours.
struct Pixels {
  var width: Int
  var height: Int
  var channels: Int
  var bytes: [UInt8]

  struct Mean: CustomStringConvertible {
    var red: Int
    var green: Int
    var blue: Int
    var description: String { "rgb(\(red), \(green), \(blue))" }
  }

  func mean(x: Range<Int>? = nil, y: Range<Int>? = nil) -> Mean {
    var sums = [0, 0, 0]
    var count = 0
    for row in y ?? 0..<height {
      for column in x ?? 0..<width {
        let at = (row * width + column) * channels
        for channel in 0..<3 { sums[channel] += Int(bytes[at + channel]) }
        count += 1
      }
    }
    let n = max(1, count)
    return Mean(red: sums[0] / n, green: sums[1] / n, blue: sums[2] / n)
  }
}

/// A sixel stream's header read back: the raster attributes (`"Pan;Pad;Ph;Pv`) and the
/// palette's RGB colours (`#n;2;r;g;b`, in percent).
struct SixelHeader: CustomStringConvertible {
  var aspect: [Int]
  var width: Int
  var height: Int
  var palette: [(red: Int, green: Int, blue: Int)]

  init?(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let start = text.range(of: "\u{1B}P"),
      let q = text.range(of: "q", range: start.upperBound..<text.endIndex)
    else { return nil }
    let raster = text[q.upperBound...].prefix { $0 != "#" }
    let fields = raster.dropFirst().split(separator: ";").compactMap { Int($0) }
    guard raster.first == "\"", fields.count == 4 else { return nil }
    aspect = Array(fields[0..<2])
    width = fields[2]
    height = fields[3]
    palette = []
    let expression = try! NSRegularExpression(pattern: "#\\d+;2;(\\d+);(\\d+);(\\d+)")
    for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      let values = (1...3).compactMap {
        Range(match.range(at: $0), in: text).flatMap { Int(text[$0]) }
      }
      if values.count == 3 { palette.append((values[0], values[1], values[2])) }
    }
  }

  var description: String { "sixel \(width)x\(height), aspect \(aspect), \(palette.count) colours" }
}
