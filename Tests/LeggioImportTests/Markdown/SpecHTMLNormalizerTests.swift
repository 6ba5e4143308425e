import Testing

import LeggioTestSupport

/// The port of the spec's `normalize.py` gives what the script gives: its own doctests,
/// then markup that exercises Python's tokeniser (references with and without `;`, tags
/// split by the script's chunking, broken attributes, comments, declarations, raw text of
/// `script` and `style`), each expected value printed by the script on Python 3.11.
@Suite struct SpecHTMLNormalizerTests {
  static let cases: [(String, String)] = [
    ("<p>a  \t b</p>", "<p>a b</p>"),
    ("<p>a  \t\nb</p>", "<p>a b</p>"),
    (" <p>a  b</p>", "<p>a b</p>"),
    ("<p>a  b</p> ", "<p>a b</p>"),
    ("\n\t<p>\n\t\ta  b\t\t</p>\n\t", "<p>a b</p>"),
    ("<i>a  b</i> ", "<i>a b</i> "),
    ("<br />", "<br>"),
    ("<a title=\"bar\" HREF=\"foo\">x</a>", "<a href=\"foo\" title=\"bar\">x</a>"),
    ("&forall;&amp;&gt;&lt;&quot;", "\u{2200}&amp;&gt;&lt;&quot;"),
    (
      "&#X41; &#x41; &#65 &#65;x &#; &#x; &#123456789; &#1114112; &#55296; &copy &copy; &apos; &foo-.; &foo. &a",
      "&X41; A A Ax &#; &#x; &#123456789; &#1114112; &#55296; &copy &copy; &apos; &foo-.; &foo. &a"
    ),
    ("<a href=\"foo>bar\">x</a>", "<a href=\"foo&gt;bar\">x</a>"),
    (
      "<a href=\"&ouml;&ouml;.html&amp&copy &notit; &notin; &#128; &#x81; &#0; &#11;\">",
      "<a href=\"\u{F6}\u{F6}.html&amp;\u{A9} \u{AC}it; \u{2209} \u{20AC} \u{81} \u{FFFD} \">"
    ),
    ("<a b=\"x\nc='y' d=e f g=>z</a>", "<a b=\"x c='y' d=e f g=>z</a>"),
    (
      "<script>a < b && c</script><style>p{}</ STYLE >",
      "<script>a < b && c</script><style>p{}</style>"
    ),
    ("a < b", "a  b"),
    ("<!-- c > d -->x<!--y--  >", "<!-- c > d -->x<!--y-->"),
    (
      "<!DOCTYPE html><!x><?php 1 ?><![CDATA[a]]><![CDATA[\nb]]>",
      "<!DOCTYPE html><!--x--><?php 1 ?><![CDATA[a]]><![CDATA[\nb]]>"
    ),
    ("<a b= \"x>y", "<a \"x b=\"\">y"),
    ("<a b==\"x>y", "<a b=\"=&quot;x\">y"),
    ("</ a>q</>r</ 1>", "</a>qr<!-- 1-->"),
    ("<p>x<br>\n\ny</p><pre>\n a  b\n</pre>", "<p>x<br>y</p><pre>\n a  b\n</pre>"),
    ("<a title='it&#39;s' data=x>", "<a data=\"x\" title=\"it&#x27;s\">"),
    ("<img src=a alt=''/>", "<img alt=\"\" src=\"a\">"),
    ("<a =x>", "<a =x>"),
    ("<A HREF=x TITLE=y>", "<a href=\"x\" title=\"y\">"),
    ("x &amp y &#x26 z", "x &amp; y &amp; z"),
    ("<p>\u{A0}a\u{2003}b\u{1C}c</p>", "<p>a b c</p>"),
    ("<a\nhref='x'\n>y</a>", "<a href=\"x\">y</a>"),
    ("<td>a</td> <td>b</td>", "<td>a</td><td>b</td>"),
    ("<![if !supportLists]>z<![endif]>", "<!if !supportLists>z<!endif>"),
  ]

  @Test func normalisesAsTheSpecHarnessDoes() {
    for (html, expected) in Self.cases {
      #expect(SpecHTMLNormalizer.normalize(html) == expected, "\(html.debugDescription)")
    }
  }
}
