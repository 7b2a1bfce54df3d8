// What an actor node's colour says: its kind (person, organisation, state, group, other), or the
// organisation it belongs to. Kinds are few and fixed; organisations are as many as the codebook
// holds, and more than seven hues cannot be told apart, so the seven organisations with the most
// quotes in the picture get a colour each and the rest share one ("other organisations"). The
// palette is Okabe & Ito's, chosen to stay distinct for colour-blind readers.
import type { ActorKind } from '../model';
import type { NetworkNode } from './network';

export const colourings = ['kind', 'organization'] as const;
export type Colouring = (typeof colourings)[number];

/** Okabe & Ito (2008), without black: one fill per organisation ranked 0–6. */
export const ORGANIZATION_FILL = ['#e69f00', '#56b4e9', '#009e73', '#0072b2', '#d55e00', '#cc79a7', '#f0e442'] as const;
export const OTHER_ORGANIZATION_FILL = '#8e8e96';
export const NO_ORGANIZATION_FILL = '#d4d4d8';

/** Print fills by kind: the light theme's (renderer/styles/app.css). */
export const KIND_FILL: Record<ActorKind, string> = {
  person: '#3b6fb6',
  organization: '#c07a12',
  state: '#7a4fb0',
  group: '#238a8a',
  other: '#7b7b82',
};

/** A node's colour as a name: `kind-person`, `org-0`…`org-6`, `org-other` or `org-none`. */
export type NodeColour = `kind-${ActorKind}` | `org-${number}` | 'org-other' | 'org-none';

export interface OrganizationKey {
  /** The organisations that have a colour of their own, most quoted first; index i is `org-i`. */
  named: { name: string; quotes: number }[];
  /** How many more organisations share the "other" colour. */
  others: number;
  /** Whether some actor belongs to no organisation. */
  unaffiliated: boolean;
}

/** Which organisations get a colour: the most quoted (ties by name), the actors' quotes summed. */
export function organizationKey(nodes: readonly Pick<NetworkNode, 'mode' | 'organization' | 'quotes'>[]): OrganizationKey {
  const quotes = new Map<string, number>();
  let unaffiliated = false;
  for (const n of nodes) {
    if (n.mode !== 'actor') continue;
    if (!n.organization) unaffiliated = true;
    else quotes.set(n.organization, (quotes.get(n.organization) ?? 0) + n.quotes);
  }
  const ranked = [...quotes].map(([name, q]) => ({ name, quotes: q })).sort((a, b) => b.quotes - a.quotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { named: ranked.slice(0, ORGANIZATION_FILL.length), others: Math.max(0, ranked.length - ORGANIZATION_FILL.length), unaffiliated };
}

/** The colour of an actor node under a colouring (positions are not coloured). */
export function nodeColour(node: Pick<NetworkNode, 'actorKind' | 'organization'>, colouring: Colouring, key: OrganizationKey | null): NodeColour {
  if (colouring === 'kind' || !key) return `kind-${node.actorKind ?? 'other'}`;
  if (!node.organization) return 'org-none';
  const i = key.named.findIndex((o) => o.name === node.organization);
  return i < 0 ? 'org-other' : `org-${i}`;
}

/** The print fill of a colour name. */
export function colourFill(colour: NodeColour): string {
  if (colour.startsWith('kind-')) return KIND_FILL[colour.slice(5) as ActorKind] ?? KIND_FILL.other;
  if (colour === 'org-other') return OTHER_ORGANIZATION_FILL;
  if (colour === 'org-none') return NO_ORGANIZATION_FILL;
  return ORGANIZATION_FILL[Number(colour.slice(4))] ?? OTHER_ORGANIZATION_FILL;
}
