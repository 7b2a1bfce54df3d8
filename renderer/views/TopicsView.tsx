// Topics and their positions: rename, describe, move a position to another topic, merge two
// positions, delete (asking first when annotations use it).
import { useState } from 'preact/hooks';
import type { Position, Topic } from '../../shared/model';
import { call, ApiError } from '../api';
import type { Toast } from './Toasts';
import { InlineCreate } from './InlineCreate';
import { confirmAction } from './ConfirmDialog';
import { plural } from '../../shared/plural';

interface Props {
  topics: Topic[];
  refresh: () => Promise<void>;
  toast: (t: Omit<Toast, 'id'>) => void;
}

export function TopicsView({ topics, refresh, toast }: Props) {
  const [selected, setSelected] = useState<number | null>(topics[0]?.id ?? null);
  const topic = topics.find((t) => t.id === selected) ?? null;
  const fail = (e: unknown) => toast({ kind: 'error', text: (e as Error).message });

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      await refresh();
      if (done) toast({ kind: 'success', text: done });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  return (
    <div class="codebook">
      <aside class="pane codebook-list" aria-label="Topics">
        <div class="pane-header">
          <h2>Topics</h2>
          <span class="count">{topics.length}</span>
        </div>
        <InlineCreate
          placeholder="New topic, then Enter"
          label="New topic"
          testId="topic-new"
          onCreate={(name) => run(async () => setSelected((await call('topics.create', { name })).id))}
        />
        {topics.length === 0 ? (
          <p class="empty">No topics yet. A topic groups the positions (claims) actors take, e.g. “Wartime labor compensation”.</p>
        ) : (
          <ul class="codebook-items">
            {topics.map((t) => (
              <li key={t.id}>
                <button class={`codebook-item ${t.id === selected ? 'selected' : ''}`} data-testid="topic-item" onClick={() => setSelected(t.id)}>
                  <span class="item-title">{t.name}</span>
                  <span class="count" title={plural(t.positions.length, 'position')}>
                    {t.positions.length}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <main class="pane codebook-detail">
        {topic ? (
          <div class="editor-form" key={topic.id}>
            <label class="field">
              <span>Topic</span>
              <input
                class="title-input"
                defaultValue={topic.name}
                data-testid="topic-name"
                onBlur={(e) => {
                  const name = (e.currentTarget as HTMLInputElement).value.trim();
                  if (name && name !== topic.name) void run(() => call('topics.update', { id: topic.id, name }));
                }}
              />
            </label>
            <label class="field">
              <span>Description</span>
              <textarea
                rows={2}
                defaultValue={topic.description ?? ''}
                onBlur={(e) => {
                  const description = (e.currentTarget as HTMLTextAreaElement).value.trim() || null;
                  if (description !== topic.description) void run(() => call('topics.update', { id: topic.id, description }));
                }}
              />
            </label>
            <h3>Positions</h3>
            {topic.positions.length === 0 && <p class="empty">No positions yet. Add the claims actors take on this topic.</p>}
            <ul class="positions">
              {topic.positions.map((p) => (
                <PositionRow key={p.id} position={p} topic={topic} topics={topics} run={run} toast={toast} />
              ))}
            </ul>
            <InlineCreate
              placeholder="Add a position (a claim), then Enter"
              label="New position"
              testId="position-new"
              onCreate={(claim) => run(() => call('positions.create', { topicId: topic.id, claim }))}
            />
            <hr />
            <button
              class="danger"
              data-testid="topic-delete"
              onClick={async () => {
                if (!(await confirmAction({ title: `Delete the topic “${topic.name}”?`, message: 'The topic and its description are removed.', confirmLabel: 'Delete topic', danger: true }))) return;
                if (await run(() => call('topics.delete', { id: topic.id }), `Deleted “${topic.name}”.`)) setSelected(null);
              }}
            >
              Delete topic
            </button>
          </div>
        ) : (
          <p class="empty">Choose a topic to edit its positions.</p>
        )}
      </main>
    </div>
  );
}

function PositionRow({ position: p, topic, topics, run, toast }: { position: Position; topic: Topic; topics: Topic[]; run: (fn: () => Promise<unknown>, done?: string) => Promise<boolean>; toast: Props['toast'] }) {
  const siblings = topics.flatMap((t) => t.positions.filter((x) => x.id !== p.id).map((x) => ({ ...x, topic: t.name })));
  return (
    <li class="position-row" data-testid="position-item">
      <input
        class="claim-input"
        defaultValue={p.claim}
        aria-label="Claim"
        onBlur={(e) => {
          const claim = (e.currentTarget as HTMLInputElement).value.trim();
          if (claim && claim !== p.claim) void run(() => call('positions.update', { id: p.id, claim }));
        }}
      />
      <span class="count" title="Annotations coded with this position" data-testid="position-count">
        {plural(p.annotationCount, 'coding')}
      </span>
      <select
        aria-label="Move to topic"
        value={topic.id}
        onChange={(e) => void run(() => call('positions.update', { id: p.id, topicId: Number((e.currentTarget as HTMLSelectElement).value) }), 'Position moved.')}
      >
        {topics.map((t) => (
          <option key={t.id} value={t.id}>
            {t.id === topic.id ? 'Topic: ' : 'Move to: '}
            {t.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Merge into"
        value=""
        onChange={async (e) => {
          const select = e.currentTarget as HTMLSelectElement;
          const target = siblings.find((x) => x.id === Number(select.value));
          select.value = '';
          if (!target) return;
          const ok = await confirmAction({
            title: `Merge “${p.claim}” into “${target.claim}”?`,
            message: `Its ${plural(p.annotationCount, 'coding')} move to “${target.claim}” (${target.topic}).`,
            confirmLabel: 'Merge',
          });
          if (ok) void run(() => call('positions.merge', { sourceId: p.id, targetId: target.id }), 'Positions merged.');
        }}
      >
        <option value="">Merge into…</option>
        {siblings.map((x) => (
          <option key={x.id} value={x.id}>
            {x.claim} ({x.topic})
          </option>
        ))}
      </select>
      <button
        class="icon-button"
        aria-label={`Delete ${p.claim}`}
        onClick={async () => {
          try {
            await call('positions.delete', { id: p.id });
            await run(async () => undefined, 'Position deleted.');
          } catch (e) {
            if (!(e instanceof ApiError && e.code === 'conflict')) return toast({ kind: 'error', text: (e as Error).message });
            if (await confirmAction({ title: `Delete “${p.claim}”?`, message: `${e.message} This cannot be undone.`, confirmLabel: 'Delete anyway', danger: true })) {
              void run(() => call('positions.delete', { id: p.id, force: true }), 'Position deleted.');
            }
          }
        }}
      >
        ×
      </button>
      <input
        class="description-input"
        defaultValue={p.description ?? ''}
        placeholder="Description: what holding this position means (optional)"
        aria-label={`Description of ${p.claim}`}
        data-testid="position-description"
        onBlur={(e) => {
          const description = (e.currentTarget as HTMLInputElement).value.trim() || null;
          if (description !== p.description) void run(() => call('positions.update', { id: p.id, description }));
        }}
      />
    </li>
  );
}
