#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes bytes to text with the C library's iconv, which knows every legacy encoding
/// the web still uses (glibc loads its converters on demand).
///
/// Decoding goes on past bad bytes as browsers do: a byte that cannot start a character
/// becomes U+FFFD and the next byte is tried; a character cut off at the end becomes
/// U+FFFD too.
enum IconvDecoder {
  /// The text, or nil when iconv does not know `encoding`.
  static func decode(_ bytes: [UInt8], from encoding: String) -> String? {
    let converter = iconv_open("UTF-8", encoding)
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    if bytes.isEmpty { return "" }

    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 2)
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var input = bytes
    input.withUnsafeMutableBufferPointer { inputBuffer in
      inputBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: inputBuffer.count) {
        start in
        var inPointer: UnsafeMutablePointer<CChar>? = start
        var inLeft = inputBuffer.count
        var finished = false
        while !finished {
          let flushing = inLeft == 0
          let (result, code, produced) = chunk.withUnsafeMutableBufferPointer { outBuffer in
            outBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: outBuffer.count) {
              outStart in
              var outPointer: UnsafeMutablePointer<CChar>? = outStart
              var outLeft = outBuffer.count
              // Once the input is used up, one call with no input writes out what a
              // stateful encoding (ISO-2022-JP) still holds.
              let result =
                flushing
                ? iconv(converter, nil, nil, &outPointer, &outLeft)
                : iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
              return (result, errno, outBuffer.count - outLeft)
            }
          }
          output.append(contentsOf: chunk[..<produced])
          if result != -1 {
            if flushing { finished = true }
            continue
          }
          switch code {
          case E2BIG: continue
          case EILSEQ:
            output.append(contentsOf: replacement)
            inPointer = inPointer.map { $0 + 1 }
            inLeft -= 1
          default:  // EINVAL: a character cut off at the end of the input.
            output.append(contentsOf: replacement)
            inLeft = 0
          }
        }
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
