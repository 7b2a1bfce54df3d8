// The landscape saved as files: the picture as SVG (shared/landscape/svg.ts), standalone (no
// stylesheet, no script), names as text however they look, the stance in dash patterns that survive
// greyscale; the network as GraphML with the picture's layout (shared/landscape/graphml.ts).
import { describe, expect, it } from 'vitest';
import { computeNetwork, type Coding, type NetworkLabels } from '../../shared/landscape/network';
import { layoutNetwork } from '../../shared/landscape/layout';
import { layoutScene, TIE_DASH } from '../../shared/landscape/scene';
import { sceneToSvg } from '../../shared/landscape/svg';
import { sceneToGraphml } from '../../shared/landscape/graphml';
import { JSDOM } from 'jsdom';

const labels: NetworkLabels = {
  actors: new Map([
    [1, { name: 'Kim Jung Han', kind: 'person' as const }],
    [2, { name: '<script>alert(1)</script> & "Co"', kind: 'organization' as const }],
  ]),
  positions: new Map([[10, { claim: 'Japan must show more sincerity', topic: 'Labor' }]]),
};
const codings: Coding[] = [
  { quoteId: 1, actorId: 1, positionId: 10, stance: 'supports' },
  { quoteId: 2, actorId: 2, positionId: 10, stance: 'opposes' },
  { quoteId: 3, actorId: 2, positionId: 10, stance: 'neutral' },
];
const sceneOf = (type: 'actor-position' | 'conflict') => {
  const net = computeNetwork(codings, labels, { type });
  return layoutScene(net, layoutNetwork(net));
};

describe('the landscape picture as SVG', () => {
  it('draws every tie with its stance’s dash pattern, every node, and every name as escaped text', () => {
    const svg = sceneToSvg(sceneOf('actor-position'), { caption: '3 coded quotes from 1 article', allLabels: true });
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(svg).toContain(`stroke-dasharray="${TIE_DASH.opposes}"`);
    expect(svg).toContain(`stroke-dasharray="${TIE_DASH.neutral}"`);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    // The position is a square named on hover; each of the three names sits on a pale box, written once.
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(1);
    expect(svg.match(/<rect [^>]*height="14" rx="2"\/>/g)).toHaveLength(3);
    expect(svg.match(/<text /g)).toHaveLength(4);
    expect(svg).not.toContain('stroke-width="3"');
    expect(svg).toContain('>Kim Jung Han</text>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('>3 coded quotes from 1 article</text>');
  });

  it('stands alone: sized, on white, with no stylesheet, class or CSS variable', () => {
    const svg = sceneToSvg(sceneOf('conflict'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="960" height="600"/);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).not.toMatch(/<style|class=|var\(--/);
  });

  it('leaves room under the picture for its caption', () => {
    expect(sceneToSvg(sceneOf('conflict'), { caption: 'Conflict' })).toMatch(/height="628"/);
  });
});

describe('the landscape network as GraphML', () => {
  it('holds every node at the place it is drawn, and every tie with its kind and weight', () => {
    const scene = sceneOf('actor-position');
    const doc = new JSDOM(sceneToGraphml(scene, 'landscape-actor-position'), { contentType: 'application/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const data = (el: Element, key: string) => el.querySelector(`data[key="${key}"]`)?.textContent;
    const nodes = [...doc.querySelectorAll('node')];
    expect(nodes).toHaveLength(scene.nodes.length);
    for (const n of scene.nodes) {
      const el = nodes.find((x) => x.getAttribute('id') === n.key)!;
      expect([data(el, 'label'), Number(data(el, 'x')), Number(data(el, 'y')), Number(data(el, 'quotes'))]).toEqual([n.label, n.x, n.y, n.quotes]);
    }
    const ties = [...doc.querySelectorAll('edge')].map((e) => [data(e, 'tie'), Number(data(e, 'weight'))]);
    expect(ties.sort()).toEqual([['neutral', 1], ['opposes', 1], ['supports', 1]]);
  });
});
