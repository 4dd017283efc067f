/// One node of a parsed HTML tree: an element or a run of text.
///
/// Comments, processing instructions and the doctype are not kept: nothing that reads a page
/// for its content needs them, and leaving them out keeps every consumer's switch small.
public enum HTMLNode: Sendable, Hashable {
  /// An element with its attributes and children.
  case element(HTMLElement)
  /// Character data, entities decoded (the text of `<script>` and `<style>` too, as written).
  case text(String)
}
