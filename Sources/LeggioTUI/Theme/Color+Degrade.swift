/// Bringing a theme's colours down to what the terminal can show.
extension Color {
  /// The colour a terminal of `depth` shows for this one: the nearest of the 256 or 16
  /// indexed colours, or the terminal's default when colour is off (`NO_COLOR`).
  public func degraded(to depth: ColorDepth) -> Color {
    switch (depth, self) {
    case (.none, _): return .terminalDefault
    case (_, .terminalDefault), (.trueColor, _): return self
    case (.indexed256, .indexed): return self
    case (.indexed256, .rgb(let r, let g, let b)): return .indexed(Color.nearest256(r, g, b))
    case (.sixteen, .indexed(let i)) where i < 16: return self
    case (.sixteen, .indexed(let i)):
      let (r, g, b) = Color.rgbOf256(i)
      return .indexed(Color.nearest16(r, g, b))
    case (.sixteen, .rgb(let r, let g, let b)): return .indexed(Color.nearest16(r, g, b))
    }
  }

  /// The xterm palette entry closest to an RGB colour (6x6x6 cube or grey ramp).
  static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    let levels: [Int] = [0, 95, 135, 175, 215, 255]
    func cubeIndex(_ v: UInt8) -> Int {
      levels.indices.min { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) }!
    }
    let (ri, gi, bi) = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
    let cube = (levels[ri], levels[gi], levels[bi])
    let average = (Int(r) + Int(g) + Int(b)) / 3
    let greyIndex = min(23, max(0, (average - 8 + 5) / 10))
    let grey = 8 + greyIndex * 10
    let cubeDistance = distance((Int(r), Int(g), Int(b)), cube)
    let greyDistance = distance((Int(r), Int(g), Int(b)), (grey, grey, grey))
    return greyDistance < cubeDistance
      ? UInt8(232 + greyIndex) : UInt8(16 + 36 * ri + 6 * gi + bi)
  }

  /// The nearest of the 16 standard colours (xterm's defaults).
  static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    let target = (Int(r), Int(g), Int(b))
    return UInt8(
      sixteen.indices.min { distance(target, sixteen[$0]) < distance(target, sixteen[$1]) }!)
  }

  /// The RGB value of an xterm 256-colour index.
  public static func rgbOf256(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
    let i = Int(index)
    if i < 16 {
      let c = sixteen[i]
      return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
    }
    if i >= 232 {
      let v = UInt8(8 + (i - 232) * 10)
      return (v, v, v)
    }
    let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
    let n = i - 16
    return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
  }

  private static let sixteen: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    // Weighted for the eye's sensitivity to green.
    let dr = a.0 - b.0
    let dg = a.1 - b.1
    let db = a.2 - b.2
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }
}
