// Search in every script (issue 13): words inside Japanese and Chinese text, which has no spaces,
// and Korean words with particles joined (성의 in 성의를), found through the bigram index with
// snippets cut from the original text; English search is unchanged beside them.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSearch, toFtsQuery } from '../../main/store/fts-query';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/model';
import { fixture, paste, sampleArticle, tempLibrary } from './helpers';

const queries = JSON.parse(fs.readFileSync(fixture('cjk/queries.json'), 'utf8')) as Record<string, string[]>;
const plain = (s: string) => s.replaceAll(SNIPPET_OPEN, '').replaceAll(SNIPPET_CLOSE, '');

async function cjkLibrary() {
  const t = await tempLibrary();
  const ids: Record<string, number> = {};
  for (const file of Object.keys(queries)) {
    const r = await t.services.importer.import(paste(fs.readFileSync(fixture(`cjk/${file}`), 'utf8')));
    ids[file] = r.id!;
  }
  const english = (await t.services.importer.import(paste(sampleArticle()))).id!;
  return { ...t, ids, english };
}

describe('search in Japanese, Korean and Chinese', () => {
  it('finds at least 95% of 200+ words drawn from the articles, each with a snippet that marks the word', async () => {
    const { services, ids } = await cjkLibrary();
    let asked = 0;
    const missed: string[] = [];
    for (const [file, words] of Object.entries(queries)) {
      for (const q of words) {
        asked++;
        const hit = services.search.search(q).find((h) => h.kind === 'article' && h.id === ids[file]);
        if (!hit) {
          missed.push(`${file}: ${q}`);
          continue;
        }
        // The match is shown in the original text, marked as typed.
        expect(hit.snippet, `${file}: ${q}`).toContain(`${SNIPPET_OPEN}${q}${SNIPPET_CLOSE}`);
        expect(plain(hit.snippet).replace(/^…|…$/g, '').length).toBeGreaterThan(q.length);
      }
    }
    expect(asked).toBeGreaterThanOrEqual(200);
    expect((asked - missed.length) / asked, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the examples of the issue: 資産売却, 滝崎, and 성의 inside 성의를', async () => {
    const { services, ids } = await cjkLibrary();
    const articleIds = (q: string) => services.search.search(q).filter((h) => h.kind === 'article').map((h) => h.id);
    expect(articleIds('資産売却')).toEqual([ids['ja-labor-solution.txt']]);
    expect(articleIds('滝崎')).toEqual([ids['ja-labor-solution.txt']]);
    const sincerity = services.search.search('성의').find((h) => h.id === ids['ko-sincerity.txt'])!;
    expect(sincerity.snippet).toContain(`${SNIPPET_OPEN}성의${SNIPPET_CLOSE}`);
    // Typed with its particle, the word still finds the text that has it so.
    expect(articleIds('성의를')).toEqual([ids['ko-sincerity.txt']]);
    // A word that is in none of them finds nothing, although its characters are there one by one.
    expect(articleIds('売資')).toEqual([]);
  });

  it('ranks a title match first, matches a single character, and needs every term', async () => {
    const { services, ids } = await cjkLibrary();
    const other = await services.importer.import(paste('資産の話\n\n本文には関係のない言葉だけが並ぶ。'));
    expect(services.search.search('資産').filter((h) => h.kind === 'article')[0]!.id).toBe(other.id);
    expect(services.search.search('돈').map((h) => h.id)).toContain(ids['ko-sincerity.txt']);
    expect(services.search.search('滝崎 판결금').filter((h) => h.kind === 'article')).toEqual([]);
  });

  it('keeps English search as it was, and combines English words with CJK terms', async () => {
    const { services, english } = await cjkLibrary();
    const hits = services.search.search('Nippon Steel');
    expect(hits.map((h) => h.id)).toEqual([english]);
    expect(hits[0]!.snippet).toContain(`${SNIPPET_OPEN}Nippon${SNIPPET_CLOSE} ${SNIPPET_OPEN}Steel${SNIPPET_CLOSE}`);
    const mixed = await services.importer.import(paste('Samsung and 반도체\n\nSamsung Electronics said 반도체 수출이 늘었다 this quarter.'));
    expect(services.search.search('samsung 반도체').map((h) => h.id)).toEqual([mixed.id]);
    expect(services.search.search('nippon 반도체')).toEqual([]);
    const snippet = services.search.search('samsung 수출')[0]!.snippet;
    expect(snippet).toContain(`${SNIPPET_OPEN}Samsung${SNIPPET_CLOSE}`);
    expect(snippet).toContain(`${SNIPPET_OPEN}수출${SNIPPET_CLOSE}`);
  });

  it('follows edits, the trash and purging', async () => {
    const { services, lib, ids } = await cjkLibrary();
    const ja = ids['ja-labor-solution.txt']!;
    services.library.update(ja, { title: '新しい見出し' });
    expect(services.search.search('見出し').map((h) => h.id)).toEqual([ja]);
    services.library.delete(ja);
    expect(services.search.search('滝崎')).toEqual([]);
    services.library.restore(ja);
    expect(services.search.search('滝崎').map((h) => h.id)).toEqual([ja]);
    services.library.delete(ja);
    services.library.emptyTrash();
    expect(services.search.search('滝崎')).toEqual([]);
    // English articles leave no rows in the bigram index.
    const rows = (lib.db.prepare('SELECT count(*) AS n FROM articles_cjk').get() as { n: number }).n;
    expect(rows).toBe(2);
  });

  it('finds annotations, actors (with what they said) and briefings by their CJK words', async () => {
    const { services: s, ids } = await cjkLibrary();
    const ko = ids['ko-sincerity.txt']!;
    const text = s.library.get(ko).text;
    const words = '일본이 성의를 보여야 한일관계가 정상화될 수 있다';
    const start = text.indexOf(words);
    const park = s.codebook.createActor({ name: '박진', aliases: ['朴振'] });
    const quote = s.annotations.create({ articleId: ko, kind: 'quote', start, end: start + words.length, speakerId: park.id, positions: [], comment: '외교부 장관의 발언', tags: ['한일관계'] });
    const quoteHit = s.search.search('정상화').find((h) => h.kind === 'quote')!;
    expect(quoteHit).toMatchObject({ id: quote.id, articleId: ko });
    expect(quoteHit.snippet).toContain(`${SNIPPET_OPEN}정상화${SNIPPET_CLOSE}`);
    expect(s.search.search('발언').find((h) => h.kind === 'quote')!.snippet).toContain(`${SNIPPET_OPEN}발언${SNIPPET_CLOSE}`);
    const actorHit = s.search.search('朴振').find((h) => h.kind === 'actor')!;
    expect(actorHit).toMatchObject({ id: park.id, title: '박진' });
    expect(actorHit.snippet).toContain(`${SNIPPET_OPEN}朴振${SNIPPET_CLOSE}`);
    s.codebook.updateActor(park.id, { aliases: [] });
    expect(s.search.search('朴振').filter((h) => h.kind === 'actor')).toEqual([]);
    // The speaker's name finds the quote even where the words do not hold it.
    s.annotations.update({ id: quote.id, comment: '', tags: [] });
    expect(s.search.search('박진').find((h) => h.kind === 'quote' && h.id === quote.id)).toBeTruthy();

    const briefing = s.briefings.create({ title: '日韓関係の見通し' });
    expect(s.search.search('見通し').filter((h) => h.kind === 'briefing').map((h) => h.id)).toEqual([briefing.id]);
    s.briefings.delete(briefing.id);
    expect(s.search.search('見通し').filter((h) => h.kind === 'briefing')).toEqual([]);
  });
});

describe('parseSearch', () => {
  it.each([
    ['Nippon Steel', '"Nippon" "Steel"*', null],
    ['資産売却', null, '"資産 産売 売却"'],
    ['성의를', null, '"성의 의를"'],
    ['滝', null, '"滝"*'],
    ['samsung 반도체 "export controls"', '"samsung" "export controls"', '"반도 도체"'],
    ['G7정상회의', '"G7"', '"정상 상회 회의"'],
  ])('%s', (input, words, cjk) => {
    expect(parseSearch(input)).toMatchObject({ words, cjk });
    expect(toFtsQuery(input)).toBe(words);
  });
});
