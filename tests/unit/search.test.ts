import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../main/store/fts-query';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/model';
import { paste, sampleArticle, tempLibrary } from './helpers';

describe('search', () => {
  it('finds the sample article with a highlighted snippet', async () => {
    const { services } = await tempLibrary();
    const { id } = await services.importer.import(paste(sampleArticle()));
    const hits = services.search.search('Nippon Steel');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'article', id });
    expect(hits[0]!.snippet).toContain(`${SNIPPET_OPEN}Nippon${SNIPPET_CLOSE} ${SNIPPET_OPEN}Steel${SNIPPET_CLOSE}`);
  });

  it('ranks a title match above a passing mention, by bm25', async () => {
    const { services } = await tempLibrary();
    const mention = await services.importer.import(paste('Trade talks\n\nThe talks covered many things; semiconductors came up once among steel, cars and rice.'));
    const about = await services.importer.import(paste('Semiconductors export controls\n\nThe controls on semiconductors materials hurt semiconductors makers.'));
    const hits = services.search.search('semiconductors');
    expect(hits.map((h) => h.id)).toEqual([about.id, mention.id]);
  });

  it('matches words while typing (prefix of the last word) and ignores diacritics', async () => {
    const { services } = await tempLibrary();
    await services.importer.import(paste('Café diplomacy\n\nThe ministry held talks in Séoul over liquidation.'));
    expect(services.search.search('liquid')).toHaveLength(1);
    expect(services.search.search('seoul')).toHaveLength(1);
    expect(services.search.search('cafe')).toHaveLength(1);
  });

  it('keeps the index in step with edits, the trash and purging', async () => {
    const { services } = await tempLibrary();
    const { id } = await services.importer.import(paste(sampleArticle()));
    services.library.update(id!, { title: 'Zanzibar summary' });
    expect(services.search.search('zanzibar')).toHaveLength(1);
    services.library.delete(id!);
    expect(services.search.search('zanzibar')).toHaveLength(0);
    services.library.restore(id!);
    expect(services.search.search('zanzibar')).toHaveLength(1);
    services.library.delete(id!);
    services.library.emptyTrash();
    expect(services.search.search('sincerity')).toHaveLength(0);
  });

  it('keeps trashed articles out of the index, and the index consistent through every change', async () => {
    const { services, lib } = await tempLibrary();
    const ids: number[] = [];
    for (const i of [0, 1, 2, 3]) ids.push((await services.importer.import(paste(`Story ${i}\n\nThe liquidation talks, part ${i}, went on.`))).id!);
    const indexed = () => (lib.db.prepare(`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'liquidation'`).get() as { n: number }).n;
    const check = () => lib.db.prepare(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`).run();
    services.library.delete(ids[0]!);
    services.library.delete(ids[1]!);
    expect(indexed()).toBe(2);
    services.library.update(ids[2]!, { title: 'Renamed story' });
    services.library.restore(ids[1]!);
    expect(indexed()).toBe(3);
    services.library.emptyTrash();
    expect(indexed()).toBe(3);
    expect(() => check()).not.toThrow();
    expect(services.search.search('liquidation', 2)).toHaveLength(2);
  });

  it('never fails on FTS syntax typed by the user', async () => {
    const { services } = await tempLibrary();
    await services.importer.import(paste(sampleArticle()));
    for (const q of ['AND', 'OR OR', '"unclosed', 'NEAR(', '-Kim', 'Kim*', '^x', 'title:Kim', '(((', '""', '*', 'a"b"c', ')']) {
      expect(() => services.search.search(q)).not.toThrow();
    }
    expect(services.search.search('"sincerity to resolve"')).toHaveLength(1);
    expect(services.search.search('"resolve sincerity"')).toHaveLength(0);
  });
});

describe('toFtsQuery', () => {
  it.each([
    ['Nippon Steel', '"Nippon" "Steel"*'],
    ['"wartime labor" court', '"wartime labor" "court"*'],
    ['a', '"a"'],
    ['AND OR', '"AND" "OR"'],
    ['!!!', null],
  ])('%s', (input, expected) => expect(toFtsQuery(input)).toBe(expected));
});

describe('a broad search (a word in more than a thousand articles)', () => {
  it('lists title matches first, then the newest, each with its snippet, and still needs every word', async () => {
    const { services } = await tempLibrary();
    const files = Array.from({ length: 1100 }, (_, i) => paste(`Report ${i}\n\nThe ministry said talks would continue, report number ${i}${i % 500 === 7 ? ' on zanzibar' : ''}.`));
    files.push(paste('Ministry statement\n\nA short note about nothing else.'));
    for (let i = 0; i < files.length; i += 200) await services.importer.importBatch(files.slice(i, i + 200));
    const hits = services.search.search('ministry', 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]!.title).toBe('Ministry statement');
    expect(hits.slice(1).map((h) => h.title)).toEqual(['Report 1099', 'Report 1098', 'Report 1097', 'Report 1096']);
    expect(hits[1]!.snippet).toContain(`${SNIPPET_OPEN}ministry${SNIPPET_CLOSE}`);
    // A rare word with the broad one: only the articles that have both.
    expect(services.search.search('ministry zanzibar').map((h) => h.title).sort()).toEqual(['Report 1007', 'Report 507', 'Report 7']);
    // Half a word, still being typed: a prefix in more than a thousand articles is broad too.
    expect(services.search.search('minist', 3).map((h) => h.title)).toEqual(['Ministry statement', 'Report 1099', 'Report 1098']);
  });
});
