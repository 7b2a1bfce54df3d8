// The stance timeline: a row per actor (most quotes first), each quote a mark at its article's
// publication date, its shape saying the stance (filled dot supports, cross opposes, ring neutral:
// legible in greyscale, the colour repeating it). Dragging across the dates picks a range, which
// becomes the date filter of every landscape picture. A mark opens its quote's passage.
import { useRef, useState } from 'preact/hooks';
import type { LandscapeFilter } from '../../../shared/landscape/result';
import { plural } from '../../../shared/plural';
import { useLandscapeAnswer } from './useLandscapeAnswer';

interface Props {
  filter: LandscapeFilter;
  onBrush: (from: string, to: string) => void;
  onOpenQuote: (articleId: number, annotationId: number) => void;
  onError: (message: string) => void;
}

const ROWS = 40;
const ROW = 24;
const LABEL = 190;
const PLOT = 760;
const TOP = 28;
const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function StanceTimeline({ filter, onBrush, onOpenQuote, onError }: Props) {
  const found = useLandscapeAnswer('landscape.timeline', filter, onError);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  if (!found) return null;
  if (!found.anyCoded)
    return (
      <p class="empty view-empty" data-testid="landscape-empty">
        Nothing to place in time yet. Code quotes with a speaker and a position while reading; each shows here at its article’s date.
      </p>
    );
  const undated = found.undated.quotes ? ` ${plural(found.undated.quotes, 'quote')} from ${plural(found.undated.articles, 'undated article')} left out.` : '';
  if (!found.span)
    return (
      <p class="empty" data-testid="landscape-empty">
        No dated quotes match these filters.{undated}
      </p>
    );

  // A single day still gets a width: half a day either side.
  const t0 = ms(found.span.from) - (found.span.from === found.span.to ? DAY / 2 : 0);
  const t1 = ms(found.span.to) + (found.span.from === found.span.to ? DAY / 2 : 0);
  const x = (t: number) => LABEL + ((t - t0) / (t1 - t0)) * PLOT;
  const dateAt = (px: number) => iso(Math.round((t0 + ((Math.min(Math.max(px, LABEL), LABEL + PLOT) - LABEL) / PLOT) * (t1 - t0)) / DAY) * DAY);
  const rows = found.actors.slice(0, ROWS);
  const rowOf = new Map(rows.map((a, i) => [a.actorId, i]));
  const height = TOP + rows.length * ROW + 8;
  const quoteOf = new Map(found.quotes.map((q) => [q.id, q]));
  const claimOf = new Map(found.positions.map((p) => [p.id, p.claim]));
  // Marks on the same day in the same row stand side by side.
  const seen = new Map<string, number>();
  const ticks = Array.from({ length: 5 }, (_, i) => t0 + ((t1 - t0) * i) / 4);

  const pointerX = (e: PointerEvent) => {
    const box = svgRef.current!.getBoundingClientRect();
    return ((e.clientX - box.left) / box.width) * (LABEL + PLOT + 20);
  };

  return (
    <section class="landscape-timeline" data-testid="landscape-timeline">
      <p class="hint landscape-summary" data-testid="landscape-summary">
        {plural(found.quotes.length, 'dated quote')} from {plural(found.articles, 'article')}, {found.span.from} to {found.span.to}
        {found.actors.length > ROWS ? `; the ${ROWS} actors quoted most of ${found.actors.length}` : ''}. Drag across the dates to pick a range.{undated}
      </p>
      <svg
        ref={svgRef}
        class="timeline-graph"
        data-testid="landscape-timeline-graph"
        viewBox={`0 0 ${LABEL + PLOT + 20} ${height}`}
        role="group"
        aria-label="Stance timeline"
        onPointerDown={(e) => {
          if ((e.target as Element).closest('.timeline-mark')) return;
          const p = pointerX(e);
          if (p < LABEL) return;
          (e.currentTarget as Element).setPointerCapture(e.pointerId);
          setBrush({ from: p, to: p });
        }}
        onPointerMove={(e) => brush && setBrush({ ...brush, to: pointerX(e) })}
        onPointerUp={() => {
          if (brush && Math.abs(brush.to - brush.from) > 4) {
            const [a, b] = [dateAt(Math.min(brush.from, brush.to)), dateAt(Math.max(brush.from, brush.to))];
            onBrush(a, b);
          }
          setBrush(null);
        }}
      >
        {ticks.map((t, i) => (
          <g key={t} class="timeline-tick">
            <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={height - 8} />
            <text x={x(t)} y={TOP - 10} text-anchor={i === ticks.length - 1 ? 'end' : 'middle'}>
              {iso(t)}
            </text>
          </g>
        ))}
        {rows.map((a, i) => (
          <g key={a.actorId} class="timeline-row">
            <text x={LABEL - 8} y={TOP + i * ROW + ROW / 2 + 4} text-anchor="end" class="timeline-actor">
              {a.name.length > 28 ? `${a.name.slice(0, 27)}…` : a.name}
            </text>
            <line x1={LABEL} x2={LABEL + PLOT} y1={TOP + i * ROW + ROW / 2} y2={TOP + i * ROW + ROW / 2} class="timeline-rule" />
          </g>
        ))}
        {found.points.map((p) => {
          const row = rowOf.get(p.actorId);
          if (row === undefined) return null;
          const key = `${p.actorId}:${p.date}`;
          const n = seen.get(key) ?? 0;
          seen.set(key, n + 1);
          const cx = x(ms(p.date)) + n * 5;
          const cy = TOP + row * ROW + ROW / 2;
          const q = quoteOf.get(p.quoteId);
          const open = () => q && onOpenQuote(q.articleId, q.id);
          return (
            <g
              key={`${p.quoteId}:${p.positionId}`}
              class={`timeline-mark stance-${p.stance}`}
              data-testid="timeline-mark"
              data-stance={p.stance}
              data-date={p.date}
              tabindex={0}
              role="button"
              aria-label={`${p.stance} “${claimOf.get(p.positionId) ?? ''}”, ${p.date}`}
              onClick={open}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open())}
            >
              <title>{`${p.date} · ${p.stance} “${claimOf.get(p.positionId) ?? ''}”\n${q?.text ?? ''}`}</title>
              {p.stance === 'supports' ? (
                <circle cx={cx} cy={cy} r={4.5} />
              ) : p.stance === 'opposes' ? (
                <path d={`M${cx - 4} ${cy - 4}L${cx + 4} ${cy + 4}M${cx + 4} ${cy - 4}L${cx - 4} ${cy + 4}`} />
              ) : (
                <circle cx={cx} cy={cy} r={4} class="ring" />
              )}
            </g>
          );
        })}
        {brush && <rect class="timeline-brush" x={Math.min(brush.from, brush.to)} y={TOP - 6} width={Math.abs(brush.to - brush.from)} height={height - TOP} />}
      </svg>
      <p class="hint timeline-key">
        <span class="timeline-key-mark stance-supports">●</span> supports · <span class="timeline-key-mark stance-opposes">✕</span> opposes ·{' '}
        <span class="timeline-key-mark stance-neutral">○</span> neutral
      </p>
    </section>
  );
}
