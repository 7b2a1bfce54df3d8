// The stance timeline: a row per actor (most quotes first), each quote a mark at its article's
// publication date, its shape saying the stance (filled dot supports, cross opposes, ring neutral:
// legible in greyscale, the colour repeating it). Dragging across the dates picks a range, which
// becomes the date filter of every landscape picture. A mark opens its quote's passage.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { LandscapeFilter } from '../../../shared/landscape/result';
import { plural } from '../../../shared/plural';
import { useLandscapeAnswer } from './useLandscapeAnswer';
import { timelineScene, TIMELINE_ROWS } from '../../../shared/landscape/timeline-scene';
import { timelineToSvg } from '../../../shared/landscape/timeline-svg';
import { saveSvg } from './save-picture';

interface Props {
  filter: LandscapeFilter;
  onBrush: (from: string, to: string) => void;
  onOpenQuote: (articleId: number, annotationId: number) => void;
  onError: (message: string) => void;
  /** Put the timeline into a briefing as a figure. */
  onInsert: () => void;
}

export function StanceTimeline({ filter, onBrush, onOpenQuote, onError, onInsert }: Props) {
  const found = useLandscapeAnswer('landscape.timeline', filter, onError);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  // Laid out once per answer, not on every frame of a drag across the dates.
  const scene = useMemo(() => (found?.span ? timelineScene(found) : null), [found]);
  if (!found) return null;
  if (!found.anyCoded)
    return (
      <p class="empty view-empty" data-testid="landscape-empty">
        Nothing to place in time yet. Code quotes with a speaker and a position while reading; each shows here at its article’s date.
      </p>
    );
  const undated = found.undated.quotes ? ` ${plural(found.undated.quotes, 'quote')} from ${plural(found.undated.articles, 'undated article')} left out.` : '';
  if (!found.span || !scene)
    return (
      <p class="empty" data-testid="landscape-empty">
        No dated quotes match these filters.{undated}
      </p>
    );

  const quoteOf = new Map(found.quotes.map((q) => [q.id, q]));
  const claimOf = new Map(found.positions.map((p) => [p.id, p.claim]));
  const { left, top } = scene.plot;
  const bottom = scene.height - 8;

  const pointerX = (e: PointerEvent) => {
    const box = svgRef.current!.getBoundingClientRect();
    return ((e.clientX - box.left) / box.width) * scene.width;
  };

  return (
    <section class="landscape-timeline" data-testid="landscape-timeline">
      <p class="hint landscape-summary" data-testid="landscape-summary">
        {plural(found.quotes.length, 'dated quote')} from {plural(found.articles, 'article')}, {found.span.from} to {found.span.to}
        {found.actors.length > TIMELINE_ROWS ? `; the ${TIMELINE_ROWS} actors quoted most of ${found.actors.length}` : ''}. Drag across the dates to pick a range.{undated}
      </p>
      <p class="landscape-save">
        Save the timeline as{' '}
        {(['svg', 'png'] as const).map((format, i) => [
          i > 0 && ' or ',
          <button key={format} class="link-button" data-testid={`landscape-save-${format}`} onClick={() => void saveSvg(timelineToSvg(scene), format, 'landscape-timeline').catch((e: unknown) => onError((e as Error).message))}>
            {format.toUpperCase()}
          </button>,
        ])}
        {' · '}
        <button class="link-button" data-testid="landscape-insert-figure" title="Add this timeline to a briefing as a figure that follows the coding until you freeze it" onClick={onInsert}>
          Insert into briefing…
        </button>
      </p>
      <svg
        ref={svgRef}
        class="timeline-graph"
        data-testid="landscape-timeline-graph"
        viewBox={`0 0 ${scene.width} ${scene.height}`}
        role="group"
        aria-label="Stance timeline"
        onPointerDown={(e) => {
          if ((e.target as Element).closest('.timeline-mark')) return;
          const p = pointerX(e);
          if (p < left) return;
          (e.currentTarget as Element).setPointerCapture(e.pointerId);
          setBrush({ from: p, to: p });
        }}
        onPointerMove={(e) => brush && setBrush({ ...brush, to: pointerX(e) })}
        onPointerUp={() => {
          if (brush && Math.abs(brush.to - brush.from) > 4) {
            const [a, b] = [scene.dateAt(Math.min(brush.from, brush.to)), scene.dateAt(Math.max(brush.from, brush.to))];
            onBrush(a, b);
          }
          setBrush(null);
        }}
      >
        {scene.ticks.map((t, i) => (
          <g key={t.label} class="timeline-tick">
            <line x1={t.x} x2={t.x} y1={top - 6} y2={bottom} />
            <text x={t.x} y={top - 10} text-anchor={i === scene.ticks.length - 1 ? 'end' : 'middle'}>
              {t.label}
            </text>
          </g>
        ))}
        {scene.rows.map((r, i) => (
          <g key={found.actors[i]!.actorId} class="timeline-row">
            <text x={left - 8} y={r.y + 4} text-anchor="end" class="timeline-actor">
              {r.label}
            </text>
            <line x1={left} x2={left + scene.plot.width} y1={r.y} y2={r.y} class="timeline-rule" />
          </g>
        ))}
        {scene.marks.map((m) => {
          const { x: cx, y: cy } = m;
          const q = quoteOf.get(m.quoteId);
          const open = () => q && onOpenQuote(q.articleId, q.id);
          return (
            <g
              key={`${m.quoteId}:${m.positionId}`}
              class={`timeline-mark stance-${m.stance}`}
              data-testid="timeline-mark"
              data-stance={m.stance}
              data-date={m.date}
              tabindex={0}
              role="button"
              aria-label={`${m.stance} “${claimOf.get(m.positionId) ?? ''}”, ${m.date}`}
              onClick={open}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open())}
            >
              <title>{`${m.date} · ${m.stance} “${claimOf.get(m.positionId) ?? ''}”\n${q?.text ?? ''}`}</title>
              {m.stance === 'supports' ? (
                <circle cx={cx} cy={cy} r={4.5} />
              ) : m.stance === 'opposes' ? (
                <path d={`M${cx - 4} ${cy - 4}L${cx + 4} ${cy + 4}M${cx + 4} ${cy - 4}L${cx - 4} ${cy + 4}`} />
              ) : (
                <circle cx={cx} cy={cy} r={4} class="ring" />
              )}
            </g>
          );
        })}
        {brush && <rect class="timeline-brush" x={Math.min(brush.from, brush.to)} y={top - 6} width={Math.abs(brush.to - brush.from)} height={scene.height - top} />}
      </svg>
      <p class="hint timeline-key">
        <span class="timeline-key-mark stance-supports">●</span> supports · <span class="timeline-key-mark stance-opposes">✕</span> opposes ·{' '}
        <span class="timeline-key-mark stance-neutral">○</span> neutral
      </p>
    </section>
  );
}
