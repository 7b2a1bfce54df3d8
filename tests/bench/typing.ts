// Keystroke latency in a long briefing (issue 4), and autosave of it on the main side.
// In Chromium, each key's latency runs from the keydown event's timestamp to the first moment
// after the next frame was produced (requestAnimationFrame, then a task): what the analyst sees.
// The peer is a bare prosemirror-view with the basic schema over a document of the same length,
// typed into the same way in the same browser.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { openLibrary } from '../../main/store/open';
import { createServices, type Services } from '../../main/services';
import { createRouter } from '../../main/router';
import { startWebServer } from '../../main/web/server';
import { briefingSchema as s } from '../../shared/schema/briefing';
import { snapshotOf } from '../../renderer/editor/briefing/commands';
import { articleText } from './annotate';
import { progress, round, summarize } from './stats';

export const KEY_P95_BUDGET_MS = 16;
export const KEY_MAX_BUDGET_MS = 50;
export const KEY_RATIO_BUDGET = 1.5;
export const AUTOSAVE_P95_BUDGET_MS = 20;
const KEYSTROKES = 320;
const PARAGRAPHS = 330; // about 30 A4 pages at ~45 words a paragraph
// Frames on demand rather than on a 60 Hz clock: otherwise every figure is padded by the wait for
// the next vsync (on average half a frame), which says nothing about the editor.
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit'];
const here = path.dirname(fileURLToPath(import.meta.url));

/** A briefing of ~30 pages with 200 quotes, 100 mentions and 50 citations, from real annotations. */
async function longBriefing(services: Services) {
  const articles = [];
  for (let i = 0; i < 25; i++) {
    articles.push(await services.importer.import({ file: `source-${i}.txt`, encoding: 'text', data: articleText(6000, 100 + i), title: `Source article ${i + 1}`, outlet: i % 2 ? 'Kyodo News' : 'Yonhap' }));
  }
  const actors = Array.from({ length: 20 }, (_, i) => services.codebook.createActor({ name: `Actor Number ${i + 1}` }));
  for (let i = 0; i < 200; i++) {
    const a = articles[i % articles.length]!;
    const text = services.library.get(a.id!).text;
    const start = (i * 97) % (text.length - 200);
    services.annotations.create({ articleId: a.id!, kind: 'quote', start, end: start + 80, speakerId: actors[i % actors.length]!.id });
  }
  const quotes = services.quotes.list({});
  const words = articleText(200_000, 9).split(/\s+/);
  let w = 0;
  const sentence = (n: number) => words.slice(w, (w += n)).join(' ');
  const blocks = [];
  let q = 0;
  let mentions = 0;
  let cites = 0;
  for (let i = 0; i < PARAGRAPHS; i++) {
    if (i % 12 === 0) blocks.push(s.node('heading', { level: 2 }, s.text(`Section ${i / 12 + 1}`)));
    const inline = [s.text(`${sentence(20)} `)];
    if (mentions < 100 && i % 3 === 0) {
      const actor = actors[mentions % actors.length]!;
      inline.push(s.nodes.actor!.create({ actorId: actor.id, name: actor.name }), s.text(' '));
      mentions++;
    }
    inline.push(s.text(sentence(24)));
    if (cites < 50 && i % 6 === 1) {
      const art = articles[cites % articles.length]!;
      inline.push(s.nodes.cite!.create({ articleId: art.id!, title: art.title ?? '' }));
      cites++;
    }
    inline.push(s.text('.'));
    blocks.push(s.node('paragraph', null, inline));
    if (q < 200 && i % 5 === 2) blocks.push(s.nodes.quote!.create(snapshotOf(quotes[q++]!)));
  }
  while (q < 200) blocks.push(s.nodes.quote!.create(snapshotOf(quotes[q++]!)));
  return { doc: s.node('doc', null, blocks), quotes: q, mentions, cites };
}

const INSTRUMENT = `(() => {
  const lat = (window.__lat = []);
  const slow = (window.__slow = []);
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => lat.push(performance.now() - t0);
      ch.port2.postMessage(0);
    });
  }, true);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) slow.push({ name: e.name, duration: e.duration }); })
      .observe({ type: 'event', durationThreshold: 16, buffered: false });
  } catch {}
})();`;

async function typeInto(page: Page, selector: string): Promise<{ latencies: number[]; slowEvents: { name: string; duration: number }[] }> {
  // The middle of the document: the cursor at the end of a paragraph halfway down.
  await page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const paras = root.querySelectorAll('p');
    const p = paras[Math.floor(paras.length / 2)]!;
    p.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    const sel2 = document.getSelection()!;
    sel2.removeAllRanges();
    sel2.addRange(range);
    (root as HTMLElement).focus();
  }, selector);
  await page.evaluate(INSTRUMENT);
  const text = 'the minister said the talks would resume soon and both sides agreed to keep trying ';
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]!);
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => ({ latencies: (window as unknown as { __lat: number[] }).__lat, slowEvents: (window as unknown as { __slow: { name: string; duration: number }[] }).__slow }));
}

export async function benchTyping(dir: string, rendererDir: string) {
  const lib = await openLibrary(path.join(dir, 'typing.sqlite'));
  try {
    const services = createServices(lib);
    progress('typing: building a 30-page briefing with 200 quotes, 100 mentions, 50 citations…');
    const { doc, quotes, mentions, cites } = await longBriefing(services);
    const b = services.briefings.create({ title: 'Long briefing' });
    services.briefings.save(b.id, doc.toJSON());

    // Autosave on the main side: the whole doc validated, projected to text, stored, indexed.
    const json = doc.toJSON();
    const saveTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      services.briefings.save(b.id, json);
      saveTimes.push(performance.now() - t0);
    }
    const autosave = summarize(saveTimes.slice(5));

    const peerBundle = await build({ entryPoints: [path.join(here, 'typing-page.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    const peerDoc = {
      type: 'doc',
      content: doc.content.content.map((n) => (n.type.name === 'heading' ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: n.textContent }] } : { type: 'paragraph', content: [{ type: 'text', text: n.textContent || n.attrs.text || 'x' }] })),
    };

    const server = await startWebServer({ router: createRouter(services), rendererDir, port: 0 });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(server.url);
      await page.getByTestId('nav-briefings').click();
      await page.getByTestId('briefing-editor').locator('[data-quote-id]').first().waitFor();
      const pages = await page.evaluate(() => Math.round(document.querySelector('[data-testid="briefing-editor"]')!.scrollHeight / 1000));
      progress('typing: Verbatim editor…');
      const ours = await typeInto(page, '[data-testid="briefing-editor"]');

      const peer = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await peer.setContent('<!doctype html><style>#editor{max-width:52em;margin:auto;font:16px/1.6 serif;white-space:pre-wrap}</style><div id="editor"></div>');
      await peer.evaluate((d) => ((window as unknown as { __doc: unknown }).__doc = d), peerDoc);
      await peer.addScriptTag({ content: peerBundle.outputFiles[0]!.text });
      progress('typing: bare prosemirror-view…');
      const bare = await typeInto(peer, '#editor .ProseMirror');

      const o = summarize(ours.latencies.slice(10));
      const p = summarize(bare.latencies.slice(10));
      return {
        keystrokes: {
          document: { paragraphs: PARAGRAPHS, quotes, mentions, citations: cites, approxScreenHeights: pages },
          verbatim: { ...o, slowEvents: ours.slowEvents.length, slowestEventMs: round(Math.max(0, ...ours.slowEvents.map((e) => e.duration))) },
          peerBareProseMirror: { ...p, slowEvents: bare.slowEvents.length },
          ratioP95: round(o.p95Ms / p.p95Ms),
          budget: { p95Ms: KEY_P95_BUDGET_MS, maxMs: KEY_MAX_BUDGET_MS, ratioP95: KEY_RATIO_BUDGET },
          met: o.p95Ms <= KEY_P95_BUDGET_MS && o.maxMs <= KEY_MAX_BUDGET_MS && o.p95Ms / p.p95Ms <= KEY_RATIO_BUDGET,
          note: 'keydown timestamp → first task after the next animation frame; slowEvents counts Event Timing entries of 16 ms or more',
        },
        autosave: { ...autosave, docKB: round(JSON.stringify(json).length / 1024, 1), budgetP95Ms: AUTOSAVE_P95_BUDGET_MS, met: autosave.p95Ms <= AUTOSAVE_P95_BUDGET_MS },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    lib.close();
  }
}
