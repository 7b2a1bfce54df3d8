// Word's lists, made real lists before ProseMirror reads a paste.
import { PASTE_STYLE } from './paste-styles';

// Word does not copy lists as <ul>/<ol>. Each item is a paragraph whose style names its list and
// depth (`mso-list:l0 level2 lfo1`), and whose bullet or number is typed out in a span that
// list-aware readers are told to skip (`mso-list:Ignore`, inside `<![if !supportLists]>`).
// Read as-is, a list would become flat paragraphs starting with "·", "o" or "1.".

interface WordItem {
  p: Element;
  /** Word's list id: consecutive items with the same id belong to one list. */
  list: string;
  level: number;
  ordered: boolean;
  /** The typed number, for an ordered list that continues one cut by another paragraph ("3."). */
  start: number;
}

const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const MARKER_STYLE = /mso-list:\s*ignore/i;
// A number as Word types it: "1.", "a)", "(iv)", "2.1.". Anything else ("·" in Symbol, "o" in
// Courier New, "§" in Wingdings, "▪", "-") is a bullet; the list definitions that say so for sure
// sit in the <style> block, which the clipboard does not always carry.
const NUMBER = /^\(?(?:\d+|[a-z]{1,6})(?:\.\d+)*[.)]$/i;

// A marker Word typed into the text itself rather than into an `mso-list:Ignore` span (some Word
// versions, and lists pasted from Word into Outlook and back): a bullet glyph, or a number, then the
// non-breaking spaces that stand in for the tab. Left in, it shows beside the list's own bullet.
const TYPED_MARKER = /^[\s\u00a0]*(?:[·•◦▪▫■□●○§\-–](?=[\s\u00a0])|(?:o|\(?(?:\d+|[a-z]{1,6})(?:\.\d+)*[.)])(?=[ \t]*\u00a0))/i;

/** Removes the first `count` characters of the text inside `el`, across its text nodes. */
function dropLeadingText(el: Element, count: number): void {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && count > 0; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    n.nodeValue = text.slice(count);
    count -= Math.min(count, text.length);
  }
}

/** Removes a marker typed at the start of the item's text and the padding after it; returns the marker. */
function takeTypedMarker(p: Element, found: string): string {
  let marker = found;
  if (!marker) {
    const m = TYPED_MARKER.exec(p.textContent ?? '');
    if (m) {
      marker = m[0].trim();
      dropLeadingText(p, m[0].length);
    }
  }
  const padding = /^[\s\u00a0]+/.exec(p.textContent ?? '');
  if (padding) dropLeadingText(p, padding[0].length);
  return marker;
}

/** Reads a Word list paragraph and removes its typed marker; null if `p` is not a list item. */
function takeItem(p: Element): WordItem | null {
  const style = LIST_STYLE.exec(p.getAttribute(PASTE_STYLE) ?? '');
  if (!style) return null;
  let marker = '';
  for (const span of Array.from(p.querySelectorAll('span'))) {
    if (!p.contains(span) || !MARKER_STYLE.test(span.getAttribute(PASTE_STYLE) ?? '')) continue;
    marker += span.textContent ?? '';
    span.remove();
  }
  marker = takeTypedMarker(p, marker.replace(/\s+/g, '')); // the &nbsp; padding stands in for the tab
  const ordered = NUMBER.test(marker);
  return { p, list: style[1]!, level: Number(style[2]), ordered, start: ordered ? Number(/\d+/.exec(marker)?.[0] ?? 1) : 1 };
}

function newList(doc: Document, item: WordItem): Element {
  const list = doc.createElement(item.ordered ? 'ol' : 'ul');
  if (item.ordered && item.start > 1) list.setAttribute('start', String(item.start));
  return list;
}

/** Nests a run of items into `root` by their levels: a deeper item opens a list in the item before it. */
function nest(root: Element, run: WordItem[]): void {
  const open: { level: number; list: Element; last?: Element }[] = [{ level: run[0]!.level, list: root }];
  for (const item of run) {
    while (open.length > 1 && open[open.length - 1]!.level > item.level) open.pop();
    let top = open[open.length - 1]!;
    // A list may start deeper than it goes on (level2 first, then level1): the outermost list takes both.
    if (open.length === 1) top.level = Math.min(top.level, item.level);
    if (item.level > top.level && top.last) {
      const list = newList(root.ownerDocument, item);
      top.last.append(list);
      top = { level: item.level, list };
      open.push(top);
    }
    const li = root.ownerDocument.createElement('li');
    li.append(item.p);
    top.list.append(li);
    top.last = li;
  }
}

/** What may sit between two items of one list: Word's line breaks, and comments. */
const between = (n: Node) => n.nodeType === 8 || (n.nodeType === 3 && !n.textContent?.trim());

/** Turns Word list paragraphs (styles renamed to PASTE_STYLE) into nested <ul>/<ol><li><p>, in place. */
export function wordListsToHtmlLists(doc: Document): void {
  const items = new Map<Node, WordItem>();
  for (const p of Array.from(doc.body.querySelectorAll('p'))) {
    const item = takeItem(p);
    if (item) items.set(p, item);
  }
  const placed = new Set<WordItem>();
  for (const first of items.values()) {
    if (placed.has(first)) continue;
    // The list goes on while the next paragraph is an item of the same list; anything else ends it.
    const run = [first];
    for (let n = first.p.nextSibling; n; n = n.nextSibling) {
      if (between(n)) continue;
      const next = items.get(n);
      if (!next || next.list !== first.list) break;
      run.push(next);
    }
    const root = newList(doc, first);
    first.p.before(root);
    nest(root, run);
    run.forEach((item) => placed.add(item));
  }
}
