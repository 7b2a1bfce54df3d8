import type { QuoteRow } from '../../../shared/model';
import { toCsv } from './csv';

export const QUOTE_CSV_HEADER = [
  'annotation_id', 'article_id', 'article', 'outlet', 'date', 'url', 'speaker', 'affiliations', 'kind', 'positions', 'topics', 'stances', 'text', 'comment', 'tags', 'orphaned',
];

/** One row per annotation; several positions are joined with " | " in the same order in each column. */
export function quotesToCsv(rows: QuoteRow[]): string {
  return toCsv(
    QUOTE_CSV_HEADER,
    rows.map((q) => [
      q.id,
      q.article.id,
      q.article.title,
      q.article.outlet,
      q.article.publishedAt,
      q.article.url,
      q.speaker?.name,
      q.speaker?.affiliations.map((a) => (a.role ? `${a.role}, ${a.name}` : a.name)).join(' | '),
      q.kind,
      q.positions.map((p) => p.claim).join(' | '),
      q.positions.map((p) => p.topic).join(' | '),
      q.positions.map((p) => p.stance).join(' | '),
      q.text,
      q.comment,
      q.tags.join(' | '),
      q.orphaned ? 'yes' : '',
    ]),
  );
}
