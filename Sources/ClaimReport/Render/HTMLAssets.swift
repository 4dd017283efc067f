import ClaimModel

/// The fixed style sheet and script of the HTML report, and the Content-Security-Policy that
/// allows exactly these two and nothing else: even if ledger text ever slipped through unescaped,
/// the browser would run no script and load nothing from the network.
enum HTMLAssets {
  /// The page's only script: shows the filter controls and hides the claim rows whose state is
  /// unchecked. It reads the rows' `data-` attributes and never sees ledger text. Written without
  /// `<` or `&` so the page is also well-formed XML.
  static let script = """
    (function () {
      var filters = document.getElementById("filters");
      var shown = document.getElementById("shown-count");
      if (!filters || !shown) { return; }
      var rows = document.querySelectorAll("#claim-table tbody tr");
      var boxes = filters.querySelectorAll("input[type=checkbox]");
      function apply() {
        var states = {};
        var onlyFlagged = false;
        var onlyStale = false;
        boxes.forEach(function (box) {
          if (box.name === "state") { states[box.value] = box.checked; }
          if (box.name === "flagged") { onlyFlagged = box.checked; }
          if (box.name === "stale") { onlyStale = box.checked; }
        });
        var count = 0;
        rows.forEach(function (row) {
          var visible = states[row.getAttribute("data-state")] === true;
          if (onlyFlagged) { visible = visible ? row.getAttribute("data-flagged") === "1" : false; }
          if (onlyStale) { visible = visible ? row.getAttribute("data-stale") === "1" : false; }
          row.hidden = !visible;
          if (visible) { count += 1; }
        });
        shown.textContent = String(count);
      }
      boxes.forEach(function (box) { box.addEventListener("change", apply); });
      filters.hidden = false;
      apply();
    })();
    """

  /// The page's only style sheet, screen and print.
  static let style = """
    :root { --ink: #1d2330; --muted: #5b6472; --line: #d9dde3; --soft: #f4f5f7; --verified: #2e7d32;
      --reviewed: #f2b33d; --awaiting: #d5d9df; --alarm: #b3261e; --accent: #3f6fb5; }
    * { box-sizing: border-box; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 1.5rem; }
    h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
    .meta, .hint, caption { color: var(--muted); font-size: .85rem; }
    .evidence { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
    .ev { font-size: .8rem; color: var(--muted); white-space: nowrap; }
    .ev-bad, .ev.ev-bad { color: var(--alarm); }
    caption { text-align: left; padding: .2rem 0; }
    .cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; min-width: 9rem; }
    .card .figure { display: block; font-size: 1.5rem; font-weight: 600; }
    .card .label { color: var(--muted); font-size: .85rem; }
    .card.alarm .figure { color: var(--alarm); }
    .card.good .figure { color: var(--verified); }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--soft); font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    code, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
    .claim-block { border-left: 3px solid var(--alarm); padding-left: .8rem; margin: 1rem 0; }
    blockquote { margin: .3rem 0; padding: .3rem .6rem; background: var(--soft); }
    .badge { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .78rem; margin-right: .2rem;
      border: 1px solid var(--line); white-space: nowrap; }
    .state-verified { background: #e3f1e4; border-color: var(--verified); }
    .state-disputed, .badge-flagged { background: #fbe7e6; border-color: var(--alarm); }
    .state-reviewed, .badge-stale { background: #fdf1d8; border-color: var(--reviewed); }
    .state-unreviewed { background: #eef0f3; }
    .state-not-checkable { color: var(--muted); }
    .verdict-flagging { color: var(--alarm); font-weight: 600; }
    .was { color: var(--muted); }
    .filters { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
    .filters label { margin-right: .9rem; white-space: nowrap; }
    .date { white-space: nowrap; }
    .chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
    .chart .label, .chart .figure { fill: var(--ink); }
    .chart .figure { fill: var(--muted); }
    .seg-verified { fill: var(--verified); }
    .seg-reviewed { fill: var(--reviewed); }
    .seg-awaiting { fill: var(--awaiting); }
    .bar { fill: var(--accent); }
    .bar-flagging { fill: var(--alarm); }
    .legend > span { margin-right: 1rem; white-space: nowrap; }
    .swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: -.1rem; margin-right: .3rem; }
    .swatch-verified { background: var(--verified); }
    .swatch-reviewed { background: var(--reviewed); }
    .swatch-awaiting { background: var(--awaiting); }
    @media screen {
      section { overflow-x: auto; }
    }
    @media screen and (max-width: 64rem) {
      td.text { min-width: 16rem; }
    }
    @media screen and (max-width: 40rem) {
      body { padding: .75rem; }
      th, td { padding: .25rem .4rem; }
      td.text { min-width: 14rem; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      .filters, noscript { display: none; }
      h2, h2 + .hint { break-after: avoid; }
      tr, .claim-block, .card, svg { break-inside: avoid; }
      a { color: inherit; }
      a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; color: var(--muted); word-break: break-all; }
      th { background: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """

  /// The Content-Security-Policy: no network access at all, only the two inline blocks above.
  static var contentSecurityPolicy: String {
    "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; img-src data:; "
      + "base-uri 'none'; form-action 'none'"
  }

  /// A CSP source expression for an inline block: `sha256-` and the base64 of its SHA-256.
  static func hash(_ text: String) -> String {
    var hasher = SHA256()
    hasher.update(Array(text.utf8))
    return "sha256-" + base64(hasher.finalize())
  }

  /// Standard base64 with padding (RFC 4648).
  static func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var result = ""
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var value = 0
      for byte in chunk { value = value << 8 | Int(byte) }
      value <<= 8 * (3 - chunk.count)
      for position in 0..<4 {
        result.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 0x3F] : "=")
      }
      index += 3
    }
    return result
  }
}
