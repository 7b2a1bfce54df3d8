import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/model';

/** A search snippet with its matched words marked, built as elements (never parsed as HTML). */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${SNIPPET_OPEN}[^${SNIPPET_CLOSE}]*${SNIPPET_CLOSE})`, 'u'));
  return (
    <span class="snippet">
      {parts.map((p, i) => (p.startsWith(SNIPPET_OPEN) ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}
    </span>
  );
}
