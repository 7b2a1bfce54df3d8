// The stance timeline's geometry, shared by the live view and a printed figure.
import { describe, expect, it } from 'vitest';
import { timelineScene, TIMELINE_ROWS } from '../../shared/landscape/timeline-scene';
import type { LandscapeTimeline } from '../../shared/landscape/time-result';

const actor = (actorId: number, quotes = 1) => ({ actorId, name: `Actor ${actorId}`, kind: 'person' as const, quotes, supports: quotes, opposes: 0, neutral: 0, first: '2024-01-01', last: '2024-01-31' });

describe('the stance timeline scene', () => {
  it('puts the first date at the plot’s left, the last at its right, and same-day marks of a row side by side', () => {
    const t: Pick<LandscapeTimeline, 'points' | 'actors' | 'span'> = {
      actors: [actor(1, 2), actor(2)],
      span: { from: '2024-01-01', to: '2024-01-31' },
      points: [
        { date: '2024-01-01', actorId: 1, positionId: 1, stance: 'supports', quoteId: 1 },
        { date: '2024-01-01', actorId: 1, positionId: 2, stance: 'opposes', quoteId: 1 },
        { date: '2024-01-31', actorId: 2, positionId: 1, stance: 'neutral', quoteId: 2 },
      ],
    };
    const scene = timelineScene(t);
    const { left, width } = scene.plot;
    expect(scene.marks.map((m) => [m.x, m.stance])).toEqual([
      [left, 'supports'],
      [left + 5, 'opposes'],
      [left + width, 'neutral'],
    ]);
    expect(scene.marks[0]!.y).toBeLessThan(scene.marks[2]!.y);
    expect(scene.rows.map((r) => r.label)).toEqual(['Actor 1', 'Actor 2']);
    expect(scene.ticks.map((x) => x.label)).toEqual(['2024-01-01', '2024-01-08', '2024-01-16', '2024-01-23', '2024-01-31']);
    // A drag past either end of the plot stops at the first or the last date.
    expect([scene.dateAt(0), scene.dateAt(left + width / 2), scene.dateAt(10_000)]).toEqual(['2024-01-01', '2024-01-16', '2024-01-31']);
  });

  it('gives one day a width, and draws only the most quoted actors’ rows', () => {
    const actors = Array.from({ length: TIMELINE_ROWS + 5 }, (_, i) => actor(i + 1));
    const points = actors.map((a) => ({ date: '2024-05-01', actorId: a.actorId, positionId: 1, stance: 'supports' as const, quoteId: a.actorId }));
    const scene = timelineScene({ actors, points, span: { from: '2024-05-01', to: '2024-05-01' } });
    expect(scene.rows).toHaveLength(TIMELINE_ROWS);
    expect(scene.marks).toHaveLength(TIMELINE_ROWS);
    expect(scene.marks[0]!.x).toBe(scene.plot.left + scene.plot.width / 2);
  });
});
