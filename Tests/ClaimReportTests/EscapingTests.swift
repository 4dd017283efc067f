import ClaimReport
import Testing

@Suite("Escaping")
struct EscapingTests {
  @Test func controlAndBidiCharactersBecomeVisible() {
    #expect(ReportEscaping.visible("a\u{1B}[31mb") == "a\\u{1b}[31mb")
    #expect(ReportEscaping.visible("x\u{202E}y\u{2066}z") == "x\\u{202e}y\\u{2066}z")
    #expect(ReportEscaping.visible("c1\u{9B}31m") == "c1\\u{9b}31m")
    #expect(ReportEscaping.visible("del\u{7F}") == "del\\u{7f}")
    #expect(ReportEscaping.visible("line\u{2028}sep") == "line\\u{2028}sep")
    #expect(ReportEscaping.visible("a\nb\tc") == "a b c")
    #expect(ReportEscaping.visible("a\nb\r", keepingLineBreaks: true) == "a\nb\\u{d}")
    // Right-to-left text itself is fine; only the overrides are escaped.
    #expect(ReportEscaping.visible("שלום עולם") == "שלום עולם")
  }

  @Test func terminalTextIsOneSafeLine() {
    #expect(ReportEscaping.terminal("  two\n  lines\u{07} ") == "two lines\\u{7}")
  }

  @Test func htmlEscapesEveryMarkupCharacter() {
    #expect(
      ReportEscaping.html(#"<script>alert("x" & 'y')</script>"#)
        == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    #expect(ReportEscaping.html("\u{0}") == "\\u{0}")
  }

  @Test func markdownEscapesMarkupAndHTML() {
    #expect(ReportEscaping.markdown("*a* _b_ `c` [d](e) | f") == #"\*a\* \_b\_ \`c\` \[d\](e) \| f"#)
    #expect(ReportEscaping.markdown("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
    #expect(ReportEscaping.markdown("# not a heading") == ##"\# not a heading"##)
    #expect(ReportEscaping.markdown("1984. A year") == #"1984\. A year"#)
    #expect(ReportEscaping.markdown("2) second; 3.5 kept") == #"2\) second; 3.5 kept"#)
    #expect(ReportEscaping.markdown("ping @someone ~~x~~ $x$") == #"ping \@someone \~\~x\~\~ \$x\$"#)
    #expect(ReportEscaping.markdown("back\\slash") == #"back\\slash"#)
  }

  @Test func csvQuotesAndDefusesFormulas() {
    #expect(ReportEscaping.csv("plain") == "plain")
    #expect(ReportEscaping.csv("a,b") == "\"a,b\"")
    #expect(ReportEscaping.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(ReportEscaping.csv("two\nlines") == "\"two\nlines\"")
    #expect(ReportEscaping.csv("=1+1") == "'=1+1")
    #expect(ReportEscaping.csv("+1") == "'+1")
    #expect(ReportEscaping.csv("-1") == "'-1")
    #expect(ReportEscaping.csv("@SUM(A1)") == "'@SUM(A1)")
    #expect(ReportEscaping.csv("\tx") == "'\tx")
    #expect(ReportEscaping.csv("\rx") == "\"'\rx\"")
    #expect(ReportEscaping.csv("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
    #expect(ReportEscaping.csv("a=b") == "a=b")
  }

  @Test func onlyHTTPURLsAreLinks() {
    #expect(ReportEscaping.isWebLink("https://example.org/a?b#c"))
    #expect(ReportEscaping.isWebLink("HTTP://EXAMPLE.ORG"))
    #expect(!ReportEscaping.isWebLink("javascript:alert(1)"))
    #expect(!ReportEscaping.isWebLink("JavaScript:alert(1)"))
    #expect(!ReportEscaping.isWebLink(" javascript:alert(1)"))
    #expect(!ReportEscaping.isWebLink("data:text/html,<script>alert(1)</script>"))
    #expect(!ReportEscaping.isWebLink("doi:10.1000/182"))
    #expect(!ReportEscaping.isWebLink("seeds/report.pdf"))
    #expect(!ReportEscaping.isWebLink("https://"))
    #expect(!ReportEscaping.isWebLink("//evil.example/x"))
  }
}
