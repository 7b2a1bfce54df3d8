// Front matter: the YAML block note-taking tools (Obsidian, Zotero's Markdown notes, Jekyll, Hugo)
// put at the top of a Markdown file, read with the `yaml` package. Only a map of fields counts; a
// block that is broken, hostile or too long costs its metadata and a warning, never the article.
import type * as Yaml from 'yaml';
import { loadOnFirstUse } from '../../load-on-first-use';

export interface FrontMatter {
  title: string | null;
  /** Several authors are joined with commas, as a byline writes them. */
  author: string | null;
  outlet: string | null;
  /** The date as written; the import service reads it (./date.ts) like any other source's. */
  date: string | null;
  url: string | null;
}

export interface SplitMarkdown {
  body: string;
  front: FrontMatter | null;
  warnings: string[];
}

/** Bigger than any real front matter; past it the block is not parsed at all. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/**
 * Aliases a block may expand. Front matter has no use for them; a few are allowed so a harmless
 * one is read, while a "billion laughs" block (aliases of aliases) stops at once.
 */
const MAX_ALIASES = 10;

const FIELDS: Record<keyof FrontMatter, readonly string[]> = {
  title: ['title', 'headline'],
  author: ['author', 'authors', 'byline', 'creator'],
  outlet: ['outlet', 'source', 'publication', 'publisher', 'site'],
  date: ['date', 'published', 'publishedat', 'published_at', 'pubdate'],
  url: ['url', 'link', 'source_url', 'canonical'],
};

const opening = /^---[ \t]*\r?\n/;
/** The closing fence: `---` or YAML's document end `...`, alone on its line. */
const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/** Splits a leading front-matter block from the Markdown body and reads its fields. */
export function splitFrontMatter(source: string): SplitMarkdown {
  const open = opening.exec(source);
  if (!open) return { body: source, front: null, warnings: [] };
  closing.lastIndex = open[0].length;
  const close = closing.exec(source);
  // No closing fence: the `---` is a Markdown rule, not front matter.
  if (!close) return { body: source, front: null, warnings: [] };
  const block = source.slice(open[0].length, close.index);
  // A block that does not start like `key:` is Markdown between two rules (or a setext heading).
  if (!/^\s*$|^[ \t]*["']?[\w-]+["']?[ \t]*:/.test(block.split(/\r?\n/, 1)[0]!)) return { body: source, front: null, warnings: [] };
  const body = source.slice(close.index + close[0].length);
  if (block.length > MAX_FRONT_MATTER_CHARS) {
    return { body, front: null, warnings: [`The front matter is longer than ${MAX_FRONT_MATTER_CHARS / 1024} KB, so it was not read; the text was imported without its title, author, outlet, date and link.`] };
  }
  const read = readYaml(block);
  if ('problem' in read) return { body, front: null, warnings: [`The front matter could not be read (${read.problem}); the text was imported without its title, author, outlet, date and link.`] };
  return { body, front: fields(read.value), warnings: [] };
}

function readYaml(block: string): { value: unknown } | { problem: string } {
  try {
    // The core schema (YAML 1.2): no custom tags, no timestamps turned into instants in some zone,
    // no `<<` merge keys; a repeated key is an error rather than a silent overwrite.
    // Loaded on the first file with front matter: every command that never reads one starts faster.
    const { parseDocument } = loadOnFirstUse<typeof Yaml>('yaml');
    const doc = parseDocument(block, { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false });
    const error = doc.errors[0];
    if (error) return { problem: `line ${lineOf(block, error.pos[0])}: ${firstLine(error.message)}` };
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (err) {
    // toJS refuses excessive aliasing with a ReferenceError; a stack overflow on absurd nesting is a RangeError.
    return { problem: err instanceof ReferenceError ? 'it expands into too much data' : firstLine((err as Error).message) };
  }
}

function fields(value: unknown): FrontMatter | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const byKey = new Map<string, unknown>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) byKey.set(k.toLowerCase(), v);
  const pick = (field: keyof FrontMatter) => FIELDS[field].map((k) => byKey.get(k)).find((v) => v !== undefined && v !== null);
  return {
    title: text(pick('title')),
    author: names(pick('author')),
    outlet: text(pick('outlet')),
    date: text(pick('date')),
    url: text(pick('url')),
  };
}

/** A string or a number as text; anything else (a map, a list) is not a value for the field. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** One name, or a list of them (`authors: [A, B]`), as one byline. */
function names(v: unknown): string | null {
  if (!Array.isArray(v)) return text(v);
  const list = v.map(text).filter((s): s is string => !!s);
  return list.length ? list.join(', ') : null;
}

function lineOf(s: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  // Counted from the file's first line: the opening fence is line 1.
  return n + 1;
}

const firstLine = (s: string) => s.split('\n', 1)[0]!.slice(0, 200);
