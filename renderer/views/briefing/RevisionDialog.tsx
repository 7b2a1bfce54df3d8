// One revision, full size, before it is restored: what restoring would change in the text (a word
// diff against the briefing as it is now), or the revision as it was, laid out like the editor.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node } from 'prosemirror-model';
import type { BriefingRevision } from '../../../shared/model';
import { briefingSchema, briefingText } from '../../../shared/schema/briefing';
import { wordDiff } from '../../../shared/word-diff';

interface Props {
  revision: BriefingRevision & { doc: unknown };
  /** The briefing in the editor now, unsaved changes included. */
  current: unknown;
  onRestore: () => void;
  onClose: () => void;
}

type Tab = 'changes' | 'revision';

const textOf = (doc: unknown) => briefingText(Node.fromJSON(briefingSchema, doc));

export function RevisionDialog({ revision, current, onRestore, onClose }: Props) {
  const [tab, setTab] = useState<Tab>('changes');
  const mount = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Restoring replaces the text now (left) with the revision's (right).
  const parts = useMemo(() => wordDiff(textOf(current), textOf(revision.doc)), [current, revision]);
  const changed = parts.some((p) => p.op !== 'same');

  useEffect(() => dialog.current?.focus(), []);
  useEffect(() => {
    if (tab !== 'revision' || !mount.current) return;
    const view = new EditorView(mount.current, { state: EditorState.create({ doc: Node.fromJSON(briefingSchema, revision.doc) }), editable: () => false });
    return () => view.destroy();
  }, [tab, revision]);

  const when = new Date(revision.createdAt).toLocaleString();
  return (
    <div class="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        tabIndex={-1}
        class="dialog revision-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={`Revision of ${when}`}
        data-testid="revision-dialog"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header class="revision-dialog-head">
          <h2>Revision of {when}</h2>
          <span class="hint">
            {revision.wordCount.toLocaleString()} words · {revision.reason}
          </span>
          <div class="tabs" role="tablist">
            <button role="tab" aria-selected={tab === 'changes'} class={tab === 'changes' ? 'on' : ''} data-testid="revision-tab-changes" onClick={() => setTab('changes')}>
              Changes against now
            </button>
            <button role="tab" aria-selected={tab === 'revision'} class={tab === 'revision' ? 'on' : ''} data-testid="revision-tab-revision" onClick={() => setTab('revision')}>
              The revision
            </button>
          </div>
        </header>
        {tab === 'changes' ? (
          <div class="revision-diff" data-testid="revision-diff">
            {!changed ? (
              <p class="empty">This revision has the same text as the briefing now.</p>
            ) : (
              <>
                <p class="hint legend">
                  Restoring brings back <ins>what the revision had</ins> and removes <del>what was written since</del>.
                </p>
                <div class="briefing-text diff-text">
                  {parts.map((p, i) => (p.op === 'same' ? p.text : p.op === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>))}
                </div>
              </>
            )}
          </div>
        ) : (
          <div ref={mount} class="briefing-text preview-text" data-testid="revision-preview" />
        )}
        <div class="dialog-actions">
          <button onClick={onClose}>Close</button>
          <button class="primary" data-testid="revision-restore" onClick={onRestore}>
            Restore this revision
          </button>
        </div>
      </div>
    </div>
  );
}
