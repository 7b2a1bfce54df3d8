// An article's doc in the reader's form: the plain-text projection once (which the store keeps
// anyway, `articles.text`), and beside it only the structure around the text. A plain paragraph is
// one number, its length, so a 100,000-paragraph article's structure is 0.6 MB where its doc JSON
// is 13 MB, and the page builds the doc without reading the words twice.
//
// The projection is the one `projectText` makes: BLOCK_SEPARATOR before every textblock but the
// first, LEAF_TEXT for every leaf node. Unpacking walks the text with the structure and checks that
// every separator and leaf is where the structure says, so a structure that does not belong to
// the text is refused, never shown as a different article.
import { Fragment, type Mark, type Node, type Schema } from 'prosemirror-model';
import { BLOCK_SEPARATOR, LEAF_TEXT } from './text';

type Attrs = Record<string, unknown>;
type MarkJSON = { type: string; attrs?: Attrs };

/** Text of n characters: n alone when unmarked, else [n, marks]. */
export type PackedText = number | [length: number, marks: MarkJSON[]];
/** An inline leaf (a hard break): [type, attrs or null, marks or absent]. */
export type PackedLeaf = [type: string, attrs: Attrs | null, marks?: MarkJSON[]];
/**
 * A block. A number n is a paragraph (the schema's first textblock type) with no attributes,
 * holding n characters of unmarked text; otherwise [type, attrs or null, content], where a
 * textblock's content is its inline nodes and any other block's its child blocks.
 */
export type PackedBlock = number | [type: string, attrs: Attrs | null, content: (PackedBlock | PackedInline)[]];
export type PackedInline = PackedText | PackedLeaf;

/** A node's attributes, whole as Node.toJSON keeps them; null for a type that has none. */
const attrsOf = (node: Node): Attrs | null => (Object.keys(node.type.spec.attrs ?? {}).length ? { ...node.attrs } : null);

const marksOf = (marks: readonly Mark[]): MarkJSON[] => marks.map((m) => m.toJSON() as MarkJSON);

/** The structure of `doc` around its projection (see the file's head). */
export function packDoc(doc: Node): PackedBlock[] {
  const paragraph = doc.type.schema.nodes.paragraph;
  const block = (node: Node): PackedBlock => {
    const attrs = attrsOf(node);
    if (node.isTextblock) {
      const only = node.childCount === 1 ? node.firstChild! : null;
      if (node.type === paragraph && !attrs && node.childCount === 0) return 0;
      if (node.type === paragraph && !attrs && only?.isText && !only.marks.length) return only.text!.length;
      const inline: PackedInline[] = [];
      node.forEach((child) => inline.push(inlineNode(child)));
      return [node.type.name, attrs, inline];
    }
    const children: PackedBlock[] = [];
    node.forEach((child) => children.push(block(child)));
    return [node.type.name, attrs, children];
  };
  const inlineNode = (node: Node): PackedInline => {
    if (node.isText) return node.marks.length ? [node.text!.length, marksOf(node.marks)] : node.text!.length;
    const leaf: PackedLeaf = [node.type.name, attrsOf(node)];
    if (node.marks.length) leaf.push(marksOf(node.marks));
    return leaf;
  };
  const blocks: PackedBlock[] = [];
  doc.forEach((child) => blocks.push(block(child)));
  return blocks;
}

/** Segments of the projection as `TextIndex` keeps them: position `from + i` is offset `start + i`. */
export interface PackedSegment {
  from: number;
  start: number;
  length: number;
}

export interface Unpacked {
  doc: Node;
  /** The same segments `TextIndex.of(doc)` would find, gathered while building (a second walk of a long doc costs 0.2 s). */
  segments: PackedSegment[];
}

/**
 * The doc `packDoc` packed, built from its projection `text`. Throws a RangeError when the structure
 * does not fit the text or the schema (a type it lacks, content a node cannot hold).
 */
export function unpackDoc(schema: Schema, text: string, blocks: readonly PackedBlock[]): Unpacked {
  const steps = unpacking(schema, text, blocks, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `unpackDoc` a slice at a time: it pauses after every `slice` top-level blocks, so a page can
 * build a long article between frames (100,000 paragraphs take 0.15 s) instead of in one long task.
 */
export function* unpacking(schema: Schema, text: string, blocks: readonly PackedBlock[], slice: number): Generator<void, Unpacked, void> {
  const paragraph = schema.nodes.paragraph;
  if (!paragraph) throw new RangeError('The schema has no paragraph.');
  const segments: PackedSegment[] = [];
  let offset = 0; // in the text
  let first = true;

  const fail = (why: string): never => {
    throw new RangeError(`The article’s structure does not fit its text: ${why}.`);
  };
  const segment = (from: number, length: number) => {
    const last = segments[segments.length - 1];
    if (last && last.from + last.length === from && last.start + last.length === offset) last.length += length;
    else segments.push({ from, start: offset, length });
  };
  const take = (length: number): string => {
    if (!Number.isInteger(length) || length < 1 || offset + length > text.length) fail(`a run of ${String(length)} characters at ${offset}`);
    return text.slice(offset, (offset += length));
  };
  const expect = (what: string) => {
    if (!text.startsWith(what, offset)) fail(`no ${JSON.stringify(what)} at ${offset}`);
    offset += what.length;
  };
  const nodeType = (name: unknown) => (typeof name === 'string' && Object.hasOwn(schema.nodes, name) ? schema.nodes[name]! : fail(`no node type ${String(name)}`));
  const marks = (json: unknown) => (Array.isArray(json) ? json.map((m) => schema.markFromJSON(m)) : fail('marks that are not a list'));
  const attrsIn = (a: unknown) => (a === null ? undefined : typeof a === 'object' && !Array.isArray(a) ? (a as Attrs) : fail('attributes that are not an object'));

  // `pos` is the position the node starts at: the content of a node at pos starts at pos + 1.
  const inline = (item: unknown, pos: number): Node => {
    if (typeof item === 'number' || (Array.isArray(item) && typeof item[0] === 'number')) {
      const [length, markJson] = typeof item === 'number' ? [item, undefined] : (item as [number, unknown]);
      segment(pos, length);
      const words = take(length);
      return schema.text(words, markJson === undefined ? undefined : marks(markJson));
    }
    if (!Array.isArray(item)) fail('an inline node that is neither text nor a leaf');
    const [name, attrs, markJson] = item as unknown[];
    const type = nodeType(name);
    if (!type.isInline || !type.isLeaf) fail(`${type.name} where an inline leaf belongs`);
    segment(pos, LEAF_TEXT.length);
    expect(LEAF_TEXT);
    return type.createChecked(attrsIn(attrs), null, markJson === undefined ? undefined : marks(markJson));
  };

  const block = (item: unknown, pos: number): Node => {
    // A plain paragraph, nearly every block of a long article: nothing to check but its text.
    if (typeof item === 'number' && Number.isInteger(item) && item >= 0) {
      if (!first) expect(BLOCK_SEPARATOR);
      first = false;
      segment(pos + 1, item);
      return paragraph.create(null, item ? schema.text(take(item)) : null);
    }
    const [type, attrs, listed] =
      Array.isArray(item) && item.length === 3 ? [nodeType(item[0]), attrsIn(item[1]), item[2] as unknown] : fail('a block that is not a whole number or [type, attrs, content]');
    const content: unknown[] = Array.isArray(listed) ? listed : fail(`${type.name} without a content list`);
    const children: Node[] = [];
    if (type.isTextblock) {
      if (!first) expect(BLOCK_SEPARATOR);
      first = false;
      segment(pos + 1, 0); // an empty paragraph still owns its offset
      let at = pos + 1;
      for (const c of content) {
        const child = inline(c, at);
        children.push(child);
        at += child.nodeSize;
      }
    } else {
      if (type.isInline) fail(`${type.name} where a block belongs`);
      if (type.isLeaf) {
        if (!first) expect(BLOCK_SEPARATOR);
        first = false;
        segment(pos, LEAF_TEXT.length);
        expect(LEAF_TEXT);
      }
      let at = pos + 1;
      for (const c of content) {
        const child = block(c, at);
        children.push(child);
        at += child.nodeSize;
      }
    }
    return type.createChecked(attrs, Fragment.fromArray(children));
  };

  const top: Node[] = [];
  let at = 0;
  for (const b of blocks) {
    const child = block(b, at);
    top.push(child);
    at += child.nodeSize;
    if (top.length % slice === 0) yield;
  }
  if (offset !== text.length) fail(`${text.length - offset} characters left over`);
  return { doc: schema.topNodeType.createChecked(null, Fragment.fromArray(top)), segments };
}

/**
 * The first top-level blocks of a packed doc, enough to reach `chars` characters of projection,
 * and how much of the projection they cover: the reader shows them while the rest is on its way.
 * They are a true prefix, so every position and offset in them is the same as in the whole doc.
 */
export function packedHead(schema: Schema, blocks: readonly PackedBlock[], chars: number): { blocks: PackedBlock[]; length: number } {
  let length = 0;
  let first = true;
  const separated = () => {
    if (!first) length += BLOCK_SEPARATOR.length;
    first = false;
  };
  const inlineLength = (item: PackedInline) => (typeof item === 'number' ? item : typeof item[0] === 'number' ? item[0] : LEAF_TEXT.length);
  const block = (item: PackedBlock) => {
    if (typeof item === 'number') {
      separated();
      length += item;
      return;
    }
    const type = schema.nodes[item[0]];
    if (!type) throw new RangeError(`The article’s structure names no node type of the schema: ${item[0]}.`);
    if (type.isTextblock) {
      separated();
      for (const c of item[2] as PackedInline[]) length += inlineLength(c);
      return;
    }
    if (type.isLeaf) {
      separated();
      length += LEAF_TEXT.length;
    }
    for (const c of item[2] as PackedBlock[]) block(c);
  };
  const head: PackedBlock[] = [];
  for (const b of blocks) {
    if (head.length && length >= chars) break;
    block(b);
    head.push(b);
  }
  return { blocks: head, length };
}
