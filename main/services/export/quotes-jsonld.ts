// W3C Web Annotation Data Model (JSON-LD): one Annotation per quote, targeting the article with a
// TextQuoteSelector and a TextPositionSelector over its plain text, as Hypothesis does.
import type { QuoteRow } from '../../../shared/model';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export function articleIri(a: QuoteRow['article']): string {
  return a.url ?? `urn:verbatim:article:${a.id}`;
}

export function quoteToAnnotation(q: QuoteRow) {
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'classifying', value: q.kind }];
  if (q.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: q.speaker.name, 'verbatim:role': 'speaker' });
  for (const p of q.positions) {
    body.push({ type: 'TextualBody', purpose: 'classifying', value: p.claim, 'verbatim:topic': p.topic, 'verbatim:stance': p.stance });
  }
  if (q.comment) body.push({ type: 'TextualBody', purpose: 'commenting', value: q.comment, format: 'text/plain' });
  for (const t of q.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: t });
  return {
    id: `urn:verbatim:annotation:${q.id}`,
    type: 'Annotation',
    motivation: q.comment ? 'commenting' : 'classifying',
    created: q.createdAt,
    body,
    target: {
      source: articleIri(q.article),
      'dc:title': q.article.title,
      selector: [
        { type: 'TextQuoteSelector', exact: q.text, prefix: q.prefix, suffix: q.suffix },
        { type: 'TextPositionSelector', start: q.start, end: q.end },
      ],
    },
  };
}

export function quotesToJsonLd(rows: QuoteRow[], now = new Date().toISOString()): string {
  const collection = {
    '@context': [CONTEXT, { dc: 'http://purl.org/dc/terms/', verbatim: 'urn:verbatim:vocab:' }],
    id: `urn:verbatim:export:${now}`,
    type: 'AnnotationCollection',
    label: 'Verbatim annotations',
    total: rows.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: rows.map(quoteToAnnotation) },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
