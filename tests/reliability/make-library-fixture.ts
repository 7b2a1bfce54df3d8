// Writes tests/fixtures/library-vN.sqlite: a library as schema version N left it (articles, a
// trashed one, actors with aliases and an affiliation, a topic, positions, coded annotations, a
// trashed one; from version 3 on, briefings with saves, a revision and a trashed one), for
// tests/reliability/migrations.test.ts. Each fixture is made once, when version N is the newest
// before the current one, and committed; re-running changes it (new timestamps), so only do that
// on purpose. When you add migration N+1, make library-vN.sqlite:
//
//   node --import tsx tests/reliability/make-library-fixture.ts N
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../main/store/open';
import { migrations } from '../../main/store/migrations';
import { ArticleStore } from '../../main/store/articles';
import { ActorStore } from '../../main/store/actors';
import { TopicStore } from '../../main/store/topics';
import { AnnotationStore } from '../../main/store/annotations';
import { ImportService } from '../../main/services/import/service';
import { LibraryService } from '../../main/services/library';
import { CodebookService } from '../../main/services/codebook';
import { AnnotationService } from '../../main/services/annotations';
import { BriefingService } from '../../main/services/briefings';
import { BriefingStore } from '../../main/store/briefings';
import { LibraryStateStore } from '../../main/store/library-state';
import { transactionFor } from '../../main/store/write-lock';
import { briefingSchema as bs } from '../../shared/schema/briefing';
import { RecordUidStore } from '../../main/store/record-uids';

const version = Number(process.argv[2]);
if (!Number.isInteger(version) || version < 2 || version >= migrations.length + 1) throw new Error(`usage: make-library-fixture.ts VERSION (2..${migrations.length})`);
const out = fileURLToPath(new URL(`../fixtures/library-v${version}.sqlite`, import.meta.url));
const sample = fs.readFileSync(fileURLToPath(new URL('../fixtures/japan-korea-labor-row.txt', import.meta.url)), 'utf8');
fs.rmSync(out, { force: true });

const lib = await openLibrary(out, { migrations: migrations.slice(0, version) });
// Only the services whose tables exist at this version (createServices prepares statements on every
// table of the latest schema).
const db = lib.db;
const articles = new ArticleStore(db);
const actors = new ActorStore(db);
const topics = new TopicStore(db);
const transaction = transactionFor(db);
const s = {
  importer: new ImportService(articles, transaction),
  library: new LibraryService(lib, new LibraryStateStore(db), articles, transaction),
  codebook: new CodebookService(transaction, actors, topics),
  annotations: new AnnotationService(transaction, new AnnotationStore(db), articles, actors, topics),
};
const article = await s.importer.import({ file: 'pasted text', encoding: 'text', data: sample, outlet: 'Kyodo News', publishedAt: '2020-10-29', url: 'https://english.kyodonews.net/news/2020/10/wartime-labor.html' });
await s.importer.import({ file: 'note.md', encoding: 'text', data: '# Seoul responds\n\nThe *foreign ministry* said the talks would continue. See [the statement](https://example.com/statement).' });
const trashed = await s.importer.import({ file: 'pasted text', encoding: 'text', data: 'A trashed article about export controls on semiconductor materials.' });
s.library.delete(trashed.id!);

const ministry = s.codebook.createActor({ name: 'South Korean Foreign Ministry', kind: 'organization', color: '#2266aa' });
const kim = s.codebook.createActor({ name: 'Kim Jung Han', aliases: ['Kim', 'Director-General Kim'], affiliations: [{ organizationId: ministry.id, role: 'Director-General' }], notes: 'Asian and Pacific affairs.' });
const takizaki = s.codebook.createActor({ name: 'Shigeki Takizaki', kind: 'person' });
const topic = s.codebook.createTopic('Wartime labor compensation', 'The 2018 Supreme Court rulings and their aftermath.');
const sincerity = s.codebook.createPosition(topic.id, 'Japan must show more sincerity on wartime labor', 'Seoul’s line.');
const noSale = s.codebook.createPosition(topic.id, 'Seized assets must not be liquidated');

const text = s.library.get(article.id!).text;
const at = (phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the sample: ${phrase}`);
  return { start, end: start + phrase.length };
};
s.annotations.create({ articleId: article.id!, kind: 'quote', ...at('to show more sincerity to resolve the problem'), speakerId: kim.id, positions: [{ positionId: sincerity.id, stance: 'supports' }], comment: 'Kim presses Tokyo.', tags: ['sincerity'] });
s.annotations.create({ articleId: article.id!, kind: 'paraphrase', ...at('must be avoided'), speakerId: takizaki.id, positions: [{ positionId: noSale.id, stance: 'supports' }, { positionId: sincerity.id, stance: 'opposes' }] });
const gone = s.annotations.create({ articleId: article.id!, kind: 'note', ...at('Nippon Steel'), comment: 'Trashed note.' });
s.annotations.delete(gone.id);

if (version >= 3) {
  const briefings = new BriefingService(transaction, new BriefingStore(db), new RecordUidStore(db));
  const para = (t: string) => bs.node('paragraph', null, bs.text(t));
  const b = briefings.create({ template: 'situation', title: 'Japan–South Korea: wartime labor row', classification: 'INTERNAL', author: 'Analyst' });
  briefings.save(b.id, bs.node('doc', null, [bs.node('heading', { level: 1 }, bs.text('BLUF')), para('Seoul presses Tokyo for sincerity; Tokyo warns against liquidation.')]).toJSON());
  briefings.snapshot(b.id);
  briefings.save(b.id, bs.node('doc', null, [bs.node('heading', { level: 1 }, bs.text('BLUF')), para('Second draft: talks continue.')]).toJSON());
  const old = briefings.create({ title: 'An abandoned draft' });
  briefings.delete(old.id);
}

// One self-contained file, like the version-1 fixture: no -wal beside it.
lib.db.pragma('journal_mode = DELETE');
lib.close();
fs.rmSync(`${out}.backups`, { recursive: true, force: true });
console.log(`wrote ${out}`);
