// `verbatim suggest` for a person: one line per suggestion, the columns an analyst scans (how sure,
// what kind, who, by which verb, what was said), with the offsets to find the passage.
import type { Suggestion } from '../shared/suggestion';

const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** "he → Donald Trump (new)": the mention as written when it is not the name, and whether the actor is new. */
export function speakerLabel(s: Suggestion): string {
  if (!s.speaker) return '—';
  const mention = s.source ? fold(s.source.exact) : '';
  const name = fold(s.speaker.name);
  const who = mention && mention.toLowerCase() !== name.toLowerCase() ? `${mention} → ${name}` : name;
  return s.speaker.actorId === null ? `${who} (new)` : who;
}

export function suggestionTable(suggestions: readonly Suggestion[]): string {
  if (!suggestions.length) return 'No suggestions for this article.';
  const rows = suggestions.map((s) => [
    s.confidence.toFixed(2),
    s.kind,
    clip(speakerLabel(s), 40),
    clip(s.cue ? fold(s.cue.exact) : '—', 20),
    `${s.content.start}–${s.content.end}`,
    clip(fold(s.content.exact), 70),
  ]);
  const header = ['conf', 'kind', 'speaker', 'cue', 'at', 'content'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line), '', `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}`].join('\n');
}
