// A stored doc that no longer loads (saved by a build that did not check attributes yet, edited by
// hand, a damaged row) is rebuilt into the nearest doc that does, so the editor, a duplicate and
// every export still work. A wrong attribute value takes the attribute's default (or the nearest
// value that passes its check), an unknown node gives up its content, a node where it may not stand
// is wrapped or gives up its content, an unknown or unsafe mark is dropped. Words are kept wherever
// the schema has room for them.
import { Fragment, Mark, type AttributeSpec, type MarkType, type Node, type NodeType, type Schema } from 'prosemirror-model';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema's node or mark type by name, never an inherited property (`constructor`, `__proto__`). */
function own<T>(types: Record<string, T>, name: unknown): T | undefined {
  return typeof name === 'string' && Object.hasOwn(types, name) ? types[name] : undefined;
}

/**
 * The doc, or the nearest doc the schema accepts. When nothing usable is left, `fallbackText` (the
 * stored plain text) becomes its paragraphs. Never throws.
 */
export function repairDoc(schema: Schema, json: unknown, fallbackText = ''): { doc: Node; repaired: boolean } {
  try {
    const doc = schema.nodeFromJSON(json);
    doc.check();
    return { doc, repaired: false };
  } catch {
    // Rebuilt below.
  }
  const top = schema.topNodeType;
  let doc: Node | null;
  try {
    const content = isObject(json) && json.type === top.name ? nodes(schema, json.content) : nodes(schema, [json]);
    doc = top.create(null, fit(schema, top, content));
    doc.check();
  } catch {
    doc = null;
  }
  if (!doc || (!hasContent(doc) && fallbackText.trim())) {
    const paragraphs = fallbackText.split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean).map((t) => schema.nodes.paragraph!.create(null, schema.text(t)));
    doc = top.create(null, fit(schema, top, paragraphs));
  }
  return { doc, repaired: true };
}

/** Any words or embedded nodes (a quote, an actor) at all. */
function hasContent(doc: Node): boolean {
  let found = false;
  doc.descendants((n) => {
    if (n.isText || n.isAtom) found = true;
    return !found;
  });
  return found;
}

function nodes(schema: Schema, content: unknown): Node[] {
  return Array.isArray(content) ? content.flatMap((c) => node(schema, c)) : [];
}

function node(schema: Schema, json: unknown): Node[] {
  if (typeof json === 'string') return json ? [schema.text(json)] : [];
  if (!isObject(json)) return [];
  const marks = markSet(schema, json.marks);
  if (json.type === 'text') return typeof json.text === 'string' && json.text ? [schema.text(json.text, marks)] : [];
  const children = nodes(schema, json.content);
  const type = own(schema.nodes, json.type);
  if (!type || type === schema.topNodeType) return children;
  const attrs = attrsFor(type, json.attrs);
  if (type.isLeaf) return [type.create(attrs, null, marks)];
  return [type.create(attrs, fit(schema, type, children), marks)];
}

function markSet(schema: Schema, json: unknown): readonly Mark[] {
  if (!Array.isArray(json)) return Mark.none;
  let set = Mark.none;
  for (const m of json) {
    const type = isObject(m) ? own(schema.marks, m.type) : undefined;
    if (!type || !isObject(m)) continue;
    const attrs = attrsFor(type, m.attrs, true);
    // A mark whose required value cannot be repaired (a link with no usable address) goes; its text stays.
    if (attrs) set = type.create(attrs).addToSet(set);
  }
  return set;
}

/** Attribute values that pass their checks: the stored value, a conversion of it, or the default. */
function attrsFor(type: NodeType | MarkType, given: unknown, strict?: false): Json;
function attrsFor(type: NodeType | MarkType, given: unknown, strict: true): Json | null;
function attrsFor(type: NodeType | MarkType, given: unknown, strict = false): Json | null {
  const stored = isObject(given) ? given : {};
  const out: Json = {};
  for (const [name, spec] of Object.entries(type.spec.attrs ?? {})) {
    const value = Object.hasOwn(stored, name) ? stored[name] : undefined;
    const candidates = [value, ...conversions(value), ...(Object.hasOwn(spec, 'default') ? [spec.default] : strict ? [] : [0, '', null])];
    const ok = candidates.find((c) => c !== undefined && passes(spec, c));
    if (ok !== undefined) out[name] = ok;
    else if (strict) return null;
  }
  return out;
}

/** What a wrong value may have meant: "2" for 2, 2 for "2"; never "[object Object]". */
function conversions(value: unknown): unknown[] {
  if (typeof value === 'string' && value.trim() && Number.isFinite(Number(value))) return [Number(value)];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  return [];
}

function passes(spec: AttributeSpec, value: unknown): boolean {
  const check = spec.validate;
  if (!check) return true;
  if (typeof check === 'string') return check.split('|').includes(value === null ? 'null' : typeof value);
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The children as `type` accepts them, in order: a child that fits is kept; inline content where
 * blocks belong goes into a paragraph; a block inside text gives its text; a child that needs a
 * wrapper (a paragraph in a list) gets one; anything else gives up its content, and what is still
 * missing at the end (a list item's first paragraph) is filled in.
 */
function fit(schema: Schema, type: NodeType, children: readonly Node[]): Fragment {
  const out: Node[] = [];
  let match = type.contentMatch;
  const queue = [...children];
  const place = (child: Node): boolean => {
    const next = match.matchType(child.type);
    if (next && type.allowsMarks(child.marks)) {
      out.push(child);
      match = next;
      return true;
    }
    const before = match.fillBefore(Fragment.from(child));
    const afterFill = before && match.matchFragment(before)?.matchType(child.type);
    if (before && afterFill && type.allowsMarks(child.marks)) {
      before.forEach((n) => out.push(n));
      out.push(child);
      match = afterFill;
      return true;
    }
    const wrapping = match.findWrapping(child.type);
    const first = wrapping?.[0] && match.matchType(wrapping[0]);
    if (wrapping && first) {
      let wrapped = child;
      for (let i = wrapping.length - 1; i >= 0; i--) wrapped = wrapping[i]!.create(null, fit(schema, wrapping[i]!, [wrapped]));
      out.push(wrapped);
      match = first;
      return true;
    }
    return false;
  };
  while (queue.length) {
    const child = queue.shift()!;
    if (child.isInline && !type.inlineContent) {
      // A run of text and inline nodes where blocks belong: one paragraph.
      const run = [child];
      while (queue.length && queue[0]!.isInline) run.push(queue.shift()!);
      const para = schema.nodes.paragraph;
      if (para) place(para.create(null, fit(schema, para, run)));
      continue;
    }
    if (child.isInline && type.inlineContent) {
      // Text that does not fit as it is may fit without the marks this node does not allow.
      if (!place(child)) place(child.mark(child.marks.filter((m) => type.allowsMarkType(m.type))));
      continue;
    }
    if (!child.isInline && type.inlineContent) {
      // A block inside a paragraph or heading: its text (an embedded quote or table has no place there).
      const inner: Node[] = [];
      child.forEach((c) => inner.push(c));
      queue.unshift(...inner);
      continue;
    }
    if (place(child)) continue;
    const inner: Node[] = [];
    child.forEach((c) => inner.push(c));
    queue.unshift(...inner);
  }
  const rest = match.fillBefore(Fragment.empty, true);
  return Fragment.from(out).append(rest ?? Fragment.empty);
}
