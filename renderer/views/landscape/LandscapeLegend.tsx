// What the picture's marks mean: node colour by actor kind, the shape of positions, and each kind
// of tie with its dash (the dashes carry the meaning in greyscale; the colour repeats it).
import { actorKinds } from '../../../shared/model';
import type { NetworkType } from '../../../shared/landscape/network';
import { TIE_DASH, type TieStyle } from '../../../shared/landscape/scene';

const TIES: Record<NetworkType, { style: TieStyle; label: string }[]> = {
  'actor-position': [
    { style: 'supports', label: 'supports' },
    { style: 'opposes', label: 'opposes' },
    { style: 'neutral', label: 'neutral' },
  ],
  congruence: [{ style: 'congruence', label: 'same stance on a position' }],
  conflict: [{ style: 'conflict', label: 'opposite stances on a position' }],
};

export function LandscapeLegend({ type }: { type: NetworkType }) {
  return (
    <aside class="landscape-legend" data-testid="landscape-legend" aria-label="Legend">
      <h4>Actors</h4>
      <ul>
        {actorKinds.map((k) => (
          <li key={k} class={`landscape-node kind-${k}`}>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="6" />
            </svg>{' '}
            {k}
          </li>
        ))}
        {type === 'actor-position' && (
          <li class="landscape-node position">
            <svg width="14" height="14" aria-hidden="true">
              <rect x="1" y="1" width="12" height="12" rx="2" />
            </svg>{' '}
            position
          </li>
        )}
      </ul>
      <p class="hint">Size: number of quotes.</p>
      <h4>Ties</h4>
      <ul>
        {TIES[type].map((t) => (
          <li key={t.style} class={`landscape-edge tie-${t.style}`}>
            <svg width="34" height="10" aria-hidden="true">
              <path class="tie" d="M1 5L33 5" stroke-width="2.5" stroke-dasharray={TIE_DASH[t.style] ?? undefined} />
            </svg>{' '}
            {t.label}
          </li>
        ))}
      </ul>
      <p class="hint">Width: {type === 'actor-position' ? 'number of quotes' : 'weight'}.</p>
    </aside>
  );
}
