extension String {
  /// The text without the spaces at either end (other whitespace is kept).
  var trimmingSpaces: String {
    var slice = Substring(self)
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return String(slice)
  }
}
