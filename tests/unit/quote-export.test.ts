import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { exportQuotes } from '../../main/services/export/quotes';
import { csvCell } from '../../main/services/export/csv';
import { codedLibrary, QUOTE } from './coding-helpers';

describe('exports of the coding', () => {
  it('CSV: one row per annotation, every column parsed back', async () => {
    const { services: s } = await codedLibrary();
    const file = exportQuotes(s.quotes.list({}), 'csv', '2026-11-27');
    expect(file.filename).toBe('verbatim-quotes-2026-11-27.csv');
    const rows = parse(file.content, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const kim = rows.find((r) => r.text === QUOTE)!;
    expect(kim).toMatchObject({
      outlet: 'Kyodo News',
      date: '2020-10-29',
      speaker: 'Kim Jung Han',
      affiliations: 'Director-General, South Korean Foreign Ministry',
      kind: 'quote',
      positions: 'Japan must show more sincerity on wartime labor',
      stances: 'supports',
      topics: 'Wartime labor compensation',
      comment: 'Kim presses Tokyo.',
    });
    expect(rows.find((r) => r.text?.startsWith('withdraw'))!.text).toBe('withdraw "unfair" export controls');
  });

  it('CSV cells never start a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('plain')).toBe('plain');
  });

  it('CSV cells cannot start a formula in a semicolon or tab locale either', () => {
    // Excel in German, French and many other locales splits a CSV at ";": quoted, the cell stays one cell.
    for (const cell of ['x;=1+1', 'x;+SUM(A1)', 'a; @cmd', 'x\t=1+1', 'x;-2+3']) {
      const written = csvCell(cell);
      expect(written, cell).toMatch(/^".*"$/s);
      expect(parse(written, { delimiter: ';' })).toEqual([[cell]]);
      expect(parse(written, { delimiter: '\t' })).toEqual([[cell]]);
    }
    // Leading spaces do not hide a formula (LibreOffice and Sheets trim them), nor full-width signs.
    for (const cell of [' =1+1', '\u3000=1+1', '＝1+1', '＋1', '\n=1+1']) expect(csvCell(cell), JSON.stringify(cell)).toMatch(/^"?'/);
    expect(csvCell('plain; words')).toBe('"plain; words"');
  });

  it('CSV numbers stay numbers: negative ones are not taken for formulas', async () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('-1')).toBe(`"'-1"`); // text that looks like a number is still text from outside
    const { services: s, kim, noSale } = await codedLibrary();
    s.annotations.create({ articleId: 1, kind: 'quote', start: 0, end: 10, speakerId: kim.id, positions: [{ positionId: noSale.id, stance: 'opposes' }] });
    const rows = parse(exportQuotes(s.quotes.list({}), 'network-csv').content, { columns: true, bom: true, cast: true }) as Record<string, unknown>[];
    const opposing = rows.filter((r) => r.stance === 'opposes');
    expect(opposing.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(typeof r.sign, JSON.stringify(r)).toBe('number');
      expect(typeof r.weight).toBe('number');
    }
    expect(opposing.every((r) => r.sign === -1)).toBe(true);
  });

  it('JSON-LD: W3C annotations with TextQuote and TextPosition selectors', async () => {
    const { services: s, text } = await codedLibrary();
    const doc = JSON.parse(exportQuotes(s.quotes.list({}), 'jsonld').content) as {
      '@context': unknown[];
      type: string;
      total: number;
      first: { items: { type: string; body: { purpose: string; value: string }[]; target: { source: string; selector: Record<string, unknown>[] } }[] };
    };
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    const item = doc.first.items.find((i) => i.target.selector.some((sel) => sel.exact === QUOTE))!;
    expect(item.type).toBe('Annotation');
    expect(item.target.source).toBe('https://english.kyodonews.net/x');
    const quote = item.target.selector.find((sel) => sel.type === 'TextQuoteSelector')!;
    const pos = item.target.selector.find((sel) => sel.type === 'TextPositionSelector') as { start: number; end: number };
    expect(text.slice(pos.start, pos.end)).toBe(quote.exact);
    expect(text.slice(pos.start - (quote.prefix as string).length, pos.start)).toBe(quote.prefix);
    expect(item.body).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'identifying', value: 'Kim Jung Han' }), expect.objectContaining({ purpose: 'commenting', value: 'Kim presses Tokyo.' })]));
  });

  it('GraphML: a two-mode actor–position network with weighted, signed edges', async () => {
    const { services: s, kim, noSale } = await codedLibrary();
    const extra = s.annotations.create({ articleId: 1, kind: 'quote', start: 0, end: 10, speakerId: kim.id, positions: [{ positionId: noSale.id, stance: 'opposes' }] });
    expect(extra.id).toBeGreaterThan(0);
    const xml = exportQuotes(s.quotes.list({}), 'graphml').content;
    const dom = new JSDOM(xml, { contentType: 'application/xml' });
    const d = dom.window.document;
    expect(d.querySelector('parsererror')).toBeNull();
    const nodes = [...d.querySelectorAll('node')].map((n) => ({ id: n.getAttribute('id'), type: n.querySelector('data[key="type"]')!.textContent, label: n.querySelector('data[key="label"]')!.textContent }));
    expect(nodes.filter((n) => n.type === 'actor').map((n) => n.label).sort()).toEqual(['Kim Jung Han', 'Shigeki Takizaki']);
    expect(nodes.filter((n) => n.type === 'position')).toHaveLength(2);
    const edge = [...d.querySelectorAll('edge')].find((e) => e.getAttribute('source') === `a${kim.id}` && e.getAttribute('target') === `p${noSale.id}`)!;
    expect(edge.querySelector('data[key="stance"]')!.textContent).toBe('opposes');
    expect(edge.querySelector('data[key="sign"]')!.textContent).toBe('-1');
    expect(edge.querySelector('data[key="weight"]')!.textContent).toBe('2');
  });

  it('network CSV: the same edges as a table', async () => {
    const { services: s } = await codedLibrary();
    const rows = parse(exportQuotes(s.quotes.list({}), 'network-csv').content, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'Kim Jung Han', position: 'Japan must show more sincerity on wartime labor', stance: 'supports', sign: '1', weight: '1' }),
        expect.objectContaining({ actor: 'Shigeki Takizaki', stance: 'supports', sign: '1' }),
      ]),
    );
    expect(rows).toHaveLength(3);
  });
});
