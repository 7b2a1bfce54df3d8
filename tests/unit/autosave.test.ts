// The autosave queue against a real store: coalescing, flushing, failure and retry.
import { describe, expect, it } from 'vitest';
import { AutosaveQueue } from '../../renderer/editor/briefing/autosave';
import { briefingSchema as s } from '../../shared/schema/briefing';
import { tempLibrary } from './helpers';

const docWith = (text: string) => s.node('doc', null, [s.node('paragraph', null, s.text(text))]).toJSON() as Record<string, unknown>;

/** A manual clock: timers fire only when the test says so. */
function manualTimers() {
  const timers = new Map<number, { fn: () => void; at: number }>();
  let now = 0;
  let seq = 0;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      timers.set(++seq, { fn, at: now + ms });
      return seq;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    async advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.has(id)) {
          timers.delete(id);
          t.fn();
          await new Promise((r) => setTimeout(r, 0));
        }
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

async function setup(failFirst = 0) {
  const { services } = await tempLibrary();
  const b = services.briefings.create({});
  const saves: string[] = [];
  let failures = failFirst;
  const clock = manualTimers();
  const queue = new AutosaveQueue<Record<string, unknown>>(
    async (doc, baseVersion) => {
      if (failures > 0) {
        failures--;
        throw new Error('disk full');
      }
      const meta = services.briefings.save(b.id, doc, baseVersion);
      saves.push(JSON.stringify(doc));
      return meta;
    },
    b.version,
    { delayMs: 800, maxWaitMs: 2000, retryMs: 1000, setTimer: clock.setTimer, clearTimer: clock.clearTimer, now: clock.now },
  );
  const stored = () => JSON.stringify(services.briefings.get(b.id).doc);
  return { queue, saves, clock, stored };
}

describe('autosave queue', () => {
  it('coalesces a burst of changes into one save, within the debounce', async () => {
    const { queue, saves, clock, stored } = await setup();
    for (const t of ['a', 'ab', 'abc', 'abcd']) {
      queue.change(docWith(t));
      await clock.advance(300);
    }
    expect(saves).toHaveLength(0);
    await clock.advance(800);
    expect(saves).toHaveLength(1);
    expect(stored()).toContain('abcd');
    expect(queue.state).toBe('saved');
  });

  it('typing without a pause still saves: nothing older than the longest wait is ever unsaved', async () => {
    const { queue, saves, clock, stored } = await setup();
    let typed = '';
    const typedAt: { text: string; at: number }[] = [];
    for (let t = 0; t <= 10_000; t += 150) {
      typed += 'x';
      typedAt.push({ text: typed, at: t });
      queue.change(docWith(typed));
      await clock.advance(150);
      // Everything typed 2 s ago or earlier is in the store, whatever is being typed now.
      const settled = typedAt.filter((x) => x.at <= t + 150 - 2000).at(-1);
      if (settled) expect(JSON.parse(stored()).content[0].content[0].text.length).toBeGreaterThanOrEqual(settled.text.length);
    }
    // About one save per longest wait: not one per keystroke, and not none until the typist pauses.
    expect(saves.length).toBeGreaterThanOrEqual(4);
    expect(saves.length).toBeLessThanOrEqual(5);
  });

  it('flush saves at once, and changes made while saving are saved next', async () => {
    const { queue, saves, stored } = await setup();
    queue.change(docWith('one'));
    const flushing = queue.flush();
    queue.change(docWith('two'));
    await flushing;
    await queue.flush();
    expect(saves.map((x) => JSON.parse(x).content[0].content[0].text)).toEqual(['one', 'two']);
    expect(stored()).toContain('two');
    expect(queue.dirty).toBe(false);
  });

  it('keeps the newest doc through a failure, reports it, and retries until saved', async () => {
    const { queue, saves, clock, stored } = await setup(2);
    const states: string[] = [];
    queue.onState((s) => states.push(s));
    queue.change(docWith('precious words'));
    await clock.advance(800);
    expect(queue.state).toBe('error');
    await clock.advance(1000);
    expect(queue.state).toBe('error');
    await clock.advance(2000);
    expect(queue.state).toBe('saved');
    expect(saves).toHaveLength(1);
    expect(stored()).toContain('precious words');
    expect(states).toContain('error');
  });

  it('tracks the stored version so consecutive saves are accepted', async () => {
    const { queue } = await setup();
    for (let i = 0; i < 5; i++) {
      queue.change(docWith(`v${i}`));
      await queue.flush();
    }
    expect(queue.version).toBe(6);
    expect(queue.state).toBe('saved');
  });
});
