// The landscape: DNA's discourse networks drawn from the coded quotes (who takes which position;
// who agrees with whom; who is in conflict with whom), under the filters every landscape picture
// shares. A click on a node or a tie lists the quotes behind it; a quote opens its passage.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Topic } from '../../../shared/model';
import { actorKinds, annotationKinds } from '../../../shared/model';
import type { NetworkType, Normalisation } from '../../../shared/landscape/network';
import type { Landscape, LandscapeFilter } from '../../../shared/landscape/result';
import { layoutScene, type SceneNode } from '../../../shared/landscape/scene';
import { colourings, nodeColour, organizationKey, type Colouring } from '../../../shared/landscape/colours';
import { savePicture } from './save-picture';
import { call } from '../../api';
import { FilterSelect, plainOptions } from '../FilterSelect';
import type { Toast } from '../Toasts';
import { NetworkGraph, formatWeight, type Picked } from './NetworkGraph';
import { LandscapeLegend } from './LandscapeLegend';
import { LandscapeQuotes, type QuoteList } from './LandscapeQuotes';
import { useLayout } from './useLayout';
import { useLandscapeAnswer } from './useLandscapeAnswer';
import { PositionShifts } from './PositionShifts';
import { StanceTimeline } from './StanceTimeline';
import { defaultCaption, type FigureAttrs } from '../../../shared/landscape/figure';
import type { FigureQuery } from '../../../shared/landscape/query';
import { BriefingChooser } from './BriefingChooser';

interface Props {
  topics: Topic[];
  toast: (t: Omit<Toast, 'id'>) => void;
  onOpenQuote: (articleId: number, annotationId: number) => void;
  /** The picture goes into a briefing as a figure (the briefing opens with it at its end). */
  onInsertFigure: (briefingId: number, figure: FigureAttrs) => void;
}

/** What the landscape draws: one of DNA's networks, the stance timeline, or the position shifts. */
type Mode = NetworkType | 'timeline' | 'shifts';

const TYPES: { id: Mode; label: string; hint: string }[] = [
  { id: 'actor-position', label: 'Actors × positions', hint: 'Who takes which position: a tie per stance, as wide as its quotes are many' },
  { id: 'congruence', label: 'Agreement', hint: 'Actors tied by the positions on which they take the same stance (DNA’s congruence network)' },
  { id: 'conflict', label: 'Conflict', hint: 'Actors tied by the positions on which they take opposite stances (DNA’s conflict network)' },
  { id: 'timeline', label: 'Timeline', hint: 'Each actor’s quotes over the articles’ publication dates, by stance; drag across the dates to pick a range' },
  { id: 'shifts', label: 'Shifts', hint: 'Actors who supported and later opposed a position, or the reverse, with the two quotes side by side' },
];
const isNetwork = (m: Mode): m is NetworkType => m !== 'timeline' && m !== 'shifts';

const NORMALISATIONS: { value: Normalisation; label: string }[] = [
  { value: 'raw', label: 'raw counts' },
  { value: 'average', label: 'average activity' },
  { value: 'jaccard', label: 'Jaccard' },
];

const TYPE_KEY = 'verbatim.landscape.type';
const storedType = (): Mode => TYPES.find((t) => t.id === localStorage.getItem(TYPE_KEY))?.id ?? 'actor-position';
const COLOURING_KEY = 'verbatim.landscape.colouring';
const storedColouring = (): Colouring => colourings.find((c) => c === localStorage.getItem(COLOURING_KEY)) ?? 'kind';

export function LandscapeView({ topics, toast, onOpenQuote, onInsertFigure }: Props) {
  const [type, setType] = useState<Mode>(storedType);
  const [filter, setFilter] = useState<LandscapeFilter>({});
  const [normalisation, setNormalisation] = useState<Normalisation>('raw');
  const [minWeight, setMinWeight] = useState(0);
  const [colouring, setColouring] = useState<Colouring>(storedColouring);
  const [outlets, setOutlets] = useState<string[]>([]);
  const [picked, setPicked] = useState<QuoteList | null>(null);
  const [choosingBriefing, setChoosingBriefing] = useState(false);

  useEffect(() => {
    call('articles.outlets', {}).then(setOutlets, (e: unknown) => toast({ kind: 'error', text: (e as Error).message }));
  }, [toast]);

  const showError = useCallback((text: string) => toast({ kind: 'error', text }), [toast]);
  const networkQuery = useMemo(
    () => (isNetwork(type) ? { ...filter, type, ...(type !== 'actor-position' ? { normalisation } : {}), ...(minWeight > 0 ? { minWeight } : {}) } : null),
    [filter, type, normalisation, minWeight],
  );
  const landscape = useLandscapeAnswer('landscape.network', networkQuery, showError);
  // A new picture drops the list of the old one's quotes.
  useEffect(() => setPicked(null), [landscape]);

  const positions = useLayout(landscape?.network ?? null);
  const scene = useMemo(() => (landscape && positions ? layoutScene(landscape.network, positions) : null), [landscape, positions]);
  const organizations = useMemo(() => (landscape && colouring === 'organization' ? organizationKey(landscape.network.nodes) : null), [landscape, colouring]);
  const colour = useCallback((n: SceneNode) => nodeColour(n, colouring, organizations), [colouring, organizations]);
  const names = useMemo(() => new Map(landscape?.network.nodes.map((n) => [n.key, n.label]) ?? []), [landscape]);
  const claims = useMemo(() => new Map(topics.flatMap((t) => t.positions.map((p) => [p.id, p.claim] as const))), [topics]);

  const set = (patch: LandscapeFilter) =>
    setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as LandscapeFilter);
  const chooseColouring = (c: Colouring) => {
    setColouring(c);
    localStorage.setItem(COLOURING_KEY, c);
  };
  const chooseType = (t: Mode) => {
    setType(t);
    localStorage.setItem(TYPE_KEY, t);
  };

  const pick = (p: Picked) => {
    if (!landscape) return;
    if ('node' in p) {
      const n = p.node;
      const ids = landscape.quotes
        .filter((q) => (n.mode === 'actor' ? q.speakerId === n.id : q.codings.some((c) => c.positionId === n.id)))
        .map((q) => q.id);
      setPicked({ key: n.key, heading: n.mode === 'actor' ? `${n.label}: ${n.quotes} quote${n.quotes === 1 ? '' : 's'}` : `On “${n.label}”`, quoteIds: ids, position: n.mode === 'position' ? n.id : undefined });
    } else {
      const e = p.edge;
      const what = e.stance ? `${names.get(e.source)} ${e.stance} “${names.get(e.target)}”` : `${names.get(e.source)} and ${names.get(e.target)}: ${e.relation === 'conflict' ? 'conflict' : 'agreement'}`;
      const weight = e.stance ? `${e.weight} quote${e.weight === 1 ? '' : 's'}` : `weight ${formatWeight(e.weight)}`;
      setPicked({ key: e.key, heading: `${what} (${weight})`, quoteIds: e.quoteIds, position: e.stance ? Number(e.target.slice(1)) : undefined });
    }
  };

  const oneMode = isNetwork(type) && type !== 'actor-position';
  // What a figure inserted now is drawn from: this network, or the timeline, under these filters.
  const figureQuery: FigureQuery | null = networkQuery ?? (type === 'timeline' ? { ...filter, type } : null);
  const topic = topics.find((t) => t.id === filter.topicId);
  const nodes = landscape?.network.nodes ?? [];
  const actors = nodes.filter((n) => n.mode === 'actor').length;

  return (
    <div class="wide-view landscape-view" data-testid="landscape-view">
      <div class="view-toolbar landscape-toolbar">
        <div class="segmented" role="radiogroup" aria-label="Network">
          {TYPES.map((t) => (
            <button key={t.id} role="radio" aria-checked={type === t.id} class={type === t.id ? 'on' : ''} data-testid={`landscape-type-${t.id}`} title={t.hint} onClick={() => chooseType(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        <label>
          Topic{' '}
          <span data-testid="landscape-topic">
            <FilterSelect label="Topic" anyLabel="All topics" value={filter.topicId} options={topics.map((t) => ({ value: t.id, label: t.name }))} onChange={(v) => set({ topicId: v === '' ? undefined : v })} />
          </span>
        </label>
        <label>
          Published{' '}
          <input type="date" data-testid="landscape-from" aria-label="Published on or after" value={filter.from ?? ''} max={filter.to} onChange={(e) => set({ from: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </label>
        <label>
          –{' '}
          <input type="date" data-testid="landscape-to" aria-label="Published on or before" value={filter.to ?? ''} min={filter.from} onChange={(e) => set({ to: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </label>
        <span data-testid="landscape-outlet">
          <FilterSelect label="Outlet" anyLabel="Any outlet" value={filter.outlet} options={outlets.map((o) => ({ value: o, label: o }))} onChange={(v) => set({ outlet: v || undefined })} />
        </span>
        <span data-testid="landscape-actor-kind">
          <FilterSelect label="Actor kind" anyLabel="Any actor" value={filter.actorKind} options={plainOptions(actorKinds)} onChange={(v) => set({ actorKind: v || undefined })} />
        </span>
        <span data-testid="landscape-kind">
          <FilterSelect label="Annotation kind" anyLabel="Any annotation kind" value={filter.kind} options={plainOptions(annotationKinds)} onChange={(v) => set({ kind: v || undefined })} />
        </span>
        {oneMode && (
          <label title="Average activity divides a tie by the two actors’ mean number of statements; Jaccard by the statements either makes (DNA’s normalisations)">
            Weights{' '}
            <select data-testid="landscape-normalisation" value={normalisation} onChange={(e) => setNormalisation((e.currentTarget as HTMLSelectElement).value as Normalisation)}>
              {NORMALISATIONS.map((n) => (
                <option key={n.value} value={n.value}>
                  {n.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {isNetwork(type) && (
          <label title="What an actor’s colour says: its kind, or the organisation it belongs to">
            Colour{' '}
            <select data-testid="landscape-colouring" value={colouring} onChange={(e) => chooseColouring((e.currentTarget as HTMLSelectElement).value as Colouring)}>
              <option value="kind">by actor kind</option>
              <option value="organization">by organisation</option>
            </select>
          </label>
        )}
        {isNetwork(type) && (
          <label title="Ties lighter than this are left out">
            Min. weight{' '}
            <input
              type="number"
              class="landscape-min-weight"
              data-testid="landscape-min-weight"
              min={0}
              step={oneMode && normalisation !== 'raw' ? 0.05 : 1}
              value={minWeight}
              onChange={(e) => setMinWeight(Math.max(0, Number((e.currentTarget as HTMLInputElement).value) || 0))}
            />
          </label>
        )}
      </div>
      {type === 'timeline' && <StanceTimeline filter={filter} onBrush={(from, to) => set({ from, to })} onOpenQuote={onOpenQuote} onError={showError} onInsert={() => setChoosingBriefing(true)} />}
      {type === 'shifts' && <PositionShifts filter={filter} onOpenQuote={onOpenQuote} onError={showError} />}
      {isNetwork(type) &&
        landscape &&
        (!landscape.anyCoded ? (
          <p class="empty view-empty" data-testid="landscape-empty">
            Nothing to draw yet. Code a quote with a speaker and a position while reading, and the speaker appears here with the positions they take, beside everyone who agrees or disagrees.
          </p>
        ) : nodes.length === 0 ? (
          <p class="empty" data-testid="landscape-empty">
            {topic && !topic.positions.length
              ? `“${topic.name}” has no positions yet: add a claim to it under Topics, then code quotes on it.`
              : 'No coded quotes match these filters.'}
          </p>
        ) : (
          <>
            <p class="hint landscape-summary" data-testid="landscape-summary">
              {summary(landscape, actors)}
              {oneMode && landscape.network.edges.length === 0 && (
                <span data-testid="landscape-no-ties">
                  {' '}
                  {type === 'congruence' ? 'No two actors take the same stance on a position here.' : 'No two actors take opposite stances on a position here.'}
                </span>
              )}
            </p>
            {scene && (
              <p class="landscape-save">
                Save the picture as{' '}
                {(['svg', 'png', 'graphml'] as const).map((format, i) => [
                  i > 0 && (i === 2 ? ', or the network as ' : ' or '),
                  <button
                    key={format}
                    class="link-button"
                    data-testid={`landscape-save-${format}`}
                    onClick={() => void savePicture(scene, format, `landscape-${type}`, `${TYPES.find((t) => t.id === type)!.label}: ${summary(landscape, actors)}`, colouring).catch((e: unknown) => toast({ kind: 'error', text: (e as Error).message }))}
                  >
                    {format === 'graphml' ? 'GraphML' : format.toUpperCase()}
                  </button>,
                ])}
                {' · '}
                <button class="link-button" data-testid="landscape-insert-figure" title="Add this picture to a briefing as a figure that follows the coding until you freeze it" onClick={() => setChoosingBriefing(true)}>
                  Insert into briefing…
                </button>
              </p>
            )}
            <div class="landscape-body">
              {scene ? (
                <NetworkGraph scene={scene} picked={picked?.key ?? null} onPick={pick} label={(k) => names.get(k) ?? k} colour={colour} />
              ) : (
                <p class="landscape-canvas hint landscape-laying-out" data-testid="landscape-laying-out">
                  Laying out {nodes.length} node{nodes.length === 1 ? '' : 's'}…
                </p>
              )}
              <div class="landscape-side">
                {picked ? (
                  <LandscapeQuotes list={picked} quotes={landscape.quotes} claims={claims} onOpen={(q) => onOpenQuote(q.articleId, q.id)} onClose={() => setPicked(null)} />
                ) : (
                  <p class="hint landscape-tip">Click an actor, a position or a tie to list the quotes behind it. Scroll to zoom, drag to move.</p>
                )}
                <LandscapeLegend type={type} organizations={organizations} />
              </div>
            </div>
          </>
        ))}
      {choosingBriefing && figureQuery && (
        <BriefingChooser
          onChoose={(briefingId) => {
            setChoosingBriefing(false);
            onInsertFigure(briefingId, { query: figureQuery, colouring, caption: defaultCaption(figureQuery.type, topic?.name), frozen: null });
          }}
          onClose={() => setChoosingBriefing(false)}
          onError={showError}
        />
      )}
    </div>
  );
}

function summary(l: Landscape, actors: number): string {
  const n = l.quotes.length;
  const hidden = l.network.hiddenTies;
  const ties = l.network.edges.length + hidden;
  const parts = [
    `${n} coded quote${n === 1 ? '' : 's'} from ${l.articles} article${l.articles === 1 ? '' : 's'}`,
    `${actors} actor${actors === 1 ? '' : 's'}`,
    `${ties} tie${ties === 1 ? '' : 's'}${hidden ? ` (the ${ties - hidden} strongest drawn; raise the minimum weight to choose)` : ''}`,
  ];
  return `${parts.join(' · ')}.`;
}
