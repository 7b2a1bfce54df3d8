// Colouring actors by organisation: the seven most quoted organisations get a colour each, the rest
// share one, actors of none another; the printed SVG carries the same colours and a key naming them.
import { describe, expect, it } from 'vitest';
import { colourFill, nodeColour, organizationKey, NO_ORGANIZATION_FILL, ORGANIZATION_FILL, OTHER_ORGANIZATION_FILL } from '../../shared/landscape/colours';
import type { NetworkNode } from '../../shared/landscape/network';
import { layoutScene } from '../../shared/landscape/scene';
import { sceneToSvg } from '../../shared/landscape/svg';

const actor = (id: number, organization: string | null, quotes: number): NetworkNode => ({ key: `a${id}`, mode: 'actor', id, label: `Actor ${id}`, actorKind: 'person', organization, quotes });

describe('organizationKey', () => {
  it('ranks organisations by their actors’ quotes summed, ties by name, and counts the rest', () => {
    // Nine organisations: "Org 1" has two actors (3 + 4 quotes), the others one each.
    const nodes = [actor(1, 'Org 1', 3), actor(2, 'Org 1', 4), ...Array.from({ length: 8 }, (_, i) => actor(10 + i, `Org ${i + 2}`, 5)), actor(30, null, 9)];
    const key = organizationKey(nodes);
    expect(key.named.map((o) => [o.name, o.quotes])).toEqual([
      ['Org 1', 7],
      ['Org 2', 5],
      ['Org 3', 5],
      ['Org 4', 5],
      ['Org 5', 5],
      ['Org 6', 5],
      ['Org 7', 5],
    ]);
    expect(key.others).toBe(2);
    expect(key.unaffiliated).toBe(true);
    expect(nodeColour(nodes[1]!, 'organization', key)).toBe('org-0');
    expect(nodeColour(nodes[3]!, 'organization', key)).toBe('org-2');
    expect(nodeColour(nodes[9]!, 'organization', key)).toBe('org-other');
    expect(nodeColour(nodes[10]!, 'organization', key)).toBe('org-none');
    expect(nodeColour(nodes[10]!, 'kind', null)).toBe('kind-person');
  });

  it('leaves positions out and has nothing to name when no actor belongs anywhere', () => {
    const position: NetworkNode = { key: 'p1', mode: 'position', id: 1, label: 'A claim', topic: 'T', quotes: 50 };
    expect(organizationKey([position, actor(1, null, 2)])).toEqual({ named: [], others: 0, unaffiliated: true });
  });
});

describe('the SVG coloured by organisation', () => {
  const nodes = [actor(1, 'Foreign Ministry', 3), actor(2, 'Foreign Ministry', 1), actor(3, 'Ruling <party>', 1), actor(4, null, 1)];
  const network = { type: 'congruence' as const, normalisation: 'raw' as const, nodes, edges: [], hiddenTies: 0 };
  const scene = layoutScene(network, new Map(nodes.map((n, i) => [n.key, { x: i, y: i % 2 }])));

  it('fills members of one organisation alike and names the colours under the picture', () => {
    const svg = sceneToSvg(scene, { colouring: 'organization', caption: 'Agreement' });
    const fills = [...svg.matchAll(/<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+" fill="(#[0-9a-f]+)"><title>(Actor \d)<\/title>/g)].map((m) => [m[2], m[1]]);
    expect(fills).toEqual([
      ['Actor 1', ORGANIZATION_FILL[0]],
      ['Actor 2', ORGANIZATION_FILL[0]],
      ['Actor 3', ORGANIZATION_FILL[1]],
      ['Actor 4', NO_ORGANIZATION_FILL],
    ]);
    expect(svg).toContain('>Foreign Ministry</text>');
    expect(svg).toContain('>Ruling &lt;party&gt;</text>');
    expect(svg).toContain('>no organisation</text>');
    // The key adds a line under the caption.
    expect(svg).toMatch(/height="652"/);
  });

  it('colours by kind without a key unless asked', () => {
    const svg = sceneToSvg(scene);
    expect(svg).not.toContain('Foreign Ministry');
    expect(svg).toContain(`fill="${colourFill('kind-person')}"`);
    expect(colourFill('org-other')).toBe(OTHER_ORGANIZATION_FILL);
  });
});
