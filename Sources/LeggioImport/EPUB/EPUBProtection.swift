import Foundation

/// Refuses books under DRM and lets obfuscated fonts pass.
///
/// `META-INF/encryption.xml` lists what is encrypted and how. Fonts obfuscated with the
/// IDPF or Adobe algorithm are only scrambled fonts (Leggio does not use fonts), so they
/// are ignored, even when the font is missing; anything else encrypted means the text
/// cannot be read. Adobe ADEPT also leaves `rights.xml`, Apple FairPlay `sinf.xml`.
enum EPUBProtection {
  static let fontObfuscation: Set<String> = [
    "http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC",
  ]

  static func check(_ archive: EPUBArchive) throws(EPUBError) {
    if archive.contains("META-INF/rights.xml") {
      throw .drm(name: archive.name, scheme: "Adobe ADEPT")
    }
    if archive.contains("META-INF/sinf.xml") {
      throw .drm(name: archive.name, scheme: "Apple FairPlay")
    }
    guard let data = try archive.data(at: "META-INF/encryption.xml"), !data.isEmpty else {
      return
    }
    guard let root = EPUBXML.parse(data) else {
      throw .drm(name: archive.name, scheme: "an unreadable encryption.xml")
    }
    for encrypted in root.descendants(named: "EncryptedData") {
      let algorithm =
        encrypted.firstChild(named: "EncryptionMethod")?.attribute("Algorithm") ?? ""
      if fontObfuscation.contains(algorithm) { continue }
      let uri =
        encrypted.descendants(named: "CipherReference").first?.attribute("URI") ?? "a file"
      throw .drm(
        name: archive.name,
        scheme: "\(EPUBError.printable(uri)) is encrypted with \(EPUBError.printable(algorithm))")
    }
  }
}
