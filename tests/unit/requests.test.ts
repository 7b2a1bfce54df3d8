// The window's requests to its views (renderer/requests.ts): the menu's "New briefing" before the
// briefings view ever mounted, a search hit for an actor, "Export as PDF" with and without an open
// briefing. Each is served once, by the right view, whenever that view is there.
import { describe, expect, it } from 'vitest';
import { Requests } from '../../renderer/requests';

describe('requests from the window to its views', () => {
  it('serves a request at once when a view serves its kind, and only that kind', () => {
    const requests = new Requests();
    const opened: number[] = [];
    requests.serve('open-article', (r) => opened.push(r.articleId));
    requests.post('open-article', { articleId: 7 });
    requests.post('show-actor', { actorId: 3 });
    expect(opened).toEqual([7]);
  });

  it('keeps a request until a view serves it, then serves it once, in order', () => {
    const requests = new Requests();
    requests.post('new-briefing', {});
    requests.post('new-briefing', {});
    const created: string[] = [];
    const stop = requests.serve('new-briefing', () => created.push('briefing'));
    expect(created).toHaveLength(2);
    stop();
    requests.serve('new-briefing', () => created.push('again'));
    expect(created).toHaveLength(2);
  });

  it('a fallback serves only while nothing else does: the export menu of an open briefing comes first', () => {
    const requests = new Requests();
    const said: string[] = [];
    requests.serve('export-pdf', () => said.push('open a briefing first'), true);
    requests.post('export-pdf', {});
    const closeBriefing = requests.serve('export-pdf', () => said.push('exported'));
    requests.post('export-pdf', {});
    closeBriefing();
    requests.post('export-pdf', {});
    expect(said).toEqual(['open a briefing first', 'exported', 'open a briefing first']);
  });

  it('a view that stopped serving no longer hears requests; they wait for the next one', () => {
    const requests = new Requests();
    const shown: number[] = [];
    const stop = requests.serve('show-actor', (r) => shown.push(r.actorId));
    stop();
    requests.post('show-actor', { actorId: 5 });
    expect(shown).toEqual([]);
    requests.serve('show-actor', (r) => shown.push(r.actorId * 10));
    expect(shown).toEqual([50]);
  });
});
