// A news-database export, whatever it came as (Word converted by mammoth, saved HTML), read as the
// flat run of blocks a reader sees: paragraphs, headings, list items, table rows. The splitters
// (nexis.ts, factiva.ts) look for their markers in this run; an article's body is a slice of it.

/** One block of the export: its element (kept for the body's emphasis and links) and its text. */
export interface Block {
  el: Element;
  /** White space folded, trimmed. */
  text: string;
  /** For a table row: its cells, so a field code in the first cell can be told from its value. */
  cells?: Element[];
}

const LEAF_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'UL', 'OL', 'DL', 'ADDRESS']);
const CONTAINERS = new Set(['BODY', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'CENTER', 'FORM']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'NAV']);

export const foldSpace = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The blocks under `root`, in reading order. Empty blocks are dropped: they carry nothing. */
export function blocksOf(root: Element): Block[] {
  const out: Block[] = [];
  walk(root, out);
  return out.filter((b) => b.text);
}

/**
 * An element's child elements. Not from \`el.children\`: jsdom's live collection takes time in
 * proportion to its length for each item, so a 1,000-article export's body took minutes.
 */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

function walk(el: Element, out: Block[]): void {
  for (const child of childElements(el)) {
    const tag = child.tagName.toUpperCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'TR') {
      const cells = childElements(child).filter((c) => /^T[DH]$/i.test(c.tagName));
      out.push({ el: child, text: foldSpace(cells.map((c) => c.textContent ?? '').join('\t')), cells });
    } else if (LEAF_BLOCKS.has(tag) || (!CONTAINERS.has(tag) && !hasBlockChild(child))) {
      out.push({ el: child, text: foldSpace(child.textContent ?? '') });
    } else if (hasBlockChild(child)) {
      walk(child, out);
    } else {
      // A container holding only inline content (a <div> of text): a block of its own.
      out.push({ el: child, text: foldSpace(child.textContent ?? '') });
    }
  }
}

function hasBlockChild(el: Element): boolean {
  return childElements(el).some((c) => {
    const t = c.tagName.toUpperCase();
    return LEAF_BLOCKS.has(t) || CONTAINERS.has(t) || t === 'TR' || t === 'LI';
  });
}
