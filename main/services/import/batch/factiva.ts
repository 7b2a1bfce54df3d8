// Factiva exports (saved HTML; Word and RTF hold the same layout): articles one after another, each
// a list of fields marked by two- or three-letter codes, either in a table (the code in the first
// cell, its value in the next) or as a line of their own followed by the value:
//   HD headline · BY byline · WC word count · PD date · SN source name · LP lead paragraphs ·
//   TD the rest of the text · AN accession number (and indexing codes: CO, IN, NS, RE, …).
// An article starts at its HD.
import type { Block } from './blocks';
import { foldSpace } from './blocks';
import { exportArticle } from './article';
import { exportDate } from './dates';
import type { ExportEntry, ParsedExport } from '../parsed';

const CODE = /^(HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPD|IPC|PUB|AN|SE|CR|NGC|ART|CLM)$/;
/** The codes that make a file a Factiva export, beside HD. */
const TELLING = ['BY', 'WC', 'PD', 'SN', 'LP', 'TD', 'AN'];

export const FACTIVA = 'Factiva export';

interface Field {
  code: string;
  value: Element[];
}

export function looksLikeFactiva(blocks: readonly Block[]): boolean {
  const codes = new Set(fieldsOf(blocks).map((f) => f.code));
  return codes.has('HD') && TELLING.filter((c) => codes.has(c)).length >= 2;
}

export function splitFactiva(blocks: readonly Block[]): ParsedExport {
  const articles: Field[][] = [];
  for (const f of fieldsOf(blocks)) {
    // An article starts at its HD, or after the previous one's AN when its HD is missing (so the
    // fields of a damaged article never run into the one before).
    const current = articles.at(-1);
    if (!current || (f.code === 'HD' && current.some((x) => x.code !== 'HD')) || current.some((x) => x.code === 'AN')) articles.push([]);
    articles.at(-1)!.push(f);
  }
  return { source: FACTIVA, entries: articles.map(readArticle) };
}

function readArticle(fields: readonly Field[]): ExportEntry {
  const text = (code: string) => {
    const f = fields.find((x) => x.code === code);
    return f ? foldSpace(f.value.map((el) => el.textContent ?? '').join(' ')) || null : null;
  };
  const body = fields.filter((f) => f.code === 'LP' || f.code === 'TD').flatMap((f) => f.value);
  return exportArticle(
    { headline: text('HD'), outlet: text('SN'), author: text('BY')?.replace(/^By\s+/i, '') ?? null, publishedAt: exportDate(text('PD')), url: null },
    body,
  );
}

/** The run of blocks as fields: a code and the elements of its value. Blocks before the first code are not the export's. */
function fieldsOf(blocks: readonly Block[]): Field[] {
  const fields: Field[] = [];
  for (const b of blocks) {
    const first = b.cells?.[0];
    const cellCode = first ? foldSpace(first.textContent ?? '') : '';
    if (b.cells && b.cells.length >= 2 && CODE.test(cellCode)) {
      fields.push({ code: cellCode, value: b.cells.slice(1) });
    } else if (CODE.test(b.text)) {
      fields.push({ code: b.text, value: [] });
    } else if (fields.length) {
      fields.at(-1)!.value.push(b.el);
    }
  }
  return fields;
}
