// What the picture's marks mean: node colour by actor kind or by organisation, the shape of positions, and each kind
// of tie with its dash (the dashes carry the meaning in greyscale; the colour repeats it).
import { actorKinds } from '../../../shared/model';
import type { NodeColour, OrganizationKey } from '../../../shared/landscape/colours';
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

export function LandscapeLegend({ type, organizations }: { type: NetworkType; organizations: OrganizationKey | null }) {
  return (
    <aside class="landscape-legend" data-testid="landscape-legend" aria-label="Legend">
      <h4>Actors</h4>
      <ul>
        {organizations ? <OrganizationItems organizations={organizations} /> : actorKinds.map((k) => <Swatch key={k} colour={`kind-${k}`} label={k} />)}
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

function Swatch({ colour, label }: { colour: NodeColour; label: string }) {
  return (
    <li class={`landscape-node ${colour}`} title={label}>
      <svg width="14" height="14" aria-hidden="true">
        <circle cx="7" cy="7" r="6" />
      </svg>{' '}
      {label}
    </li>
  );
}

function OrganizationItems({ organizations: o }: { organizations: OrganizationKey }) {
  return (
    <>
      {o.named.map((org, i) => (
        <Swatch key={org.name} colour={`org-${i}`} label={org.name} />
      ))}
      {o.others > 0 && <Swatch colour="org-other" label={`${o.others} other organisation${o.others === 1 ? '' : 's'}`} />}
      {o.unaffiliated && <Swatch colour="org-none" label="no organisation" />}
    </>
  );
}
