// Revisions: automatic snapshots (at most every five minutes of editing) and ones taken on demand.
// Open one full size, with what restoring it would change, then restore it — restoring is one
// undoable step in the editor.
import { useEffect, useState } from 'preact/hooks';
import type { BriefingRevision } from '../../../shared/model';
import { call } from '../../api';
import { RevisionDialog } from './RevisionDialog';

interface Props {
  briefingId: number;
  /** Bumps when a save may have produced a revision. */
  version: number;
  /** The briefing as the editor has it now (unsaved changes too); undefined when none is open. */
  current: () => unknown;
  onRestore: (doc: unknown) => void;
  onError: (message: string) => void;
}

export function RevisionsPanel({ briefingId, version, current, onRestore, onError }: Props) {
  const [revisions, setRevisions] = useState<BriefingRevision[]>([]);
  const [open, setOpen] = useState<{ revision: BriefingRevision & { doc: unknown }; current: unknown } | null>(null);

  const load = () =>
    call('briefings.revisions', { id: briefingId })
      .then(setRevisions)
      .catch((e: Error) => onError(e.message));
  useEffect(() => void load(), [briefingId, version]);

  return (
    <div class="revisions" data-testid="revisions">
      <button
        data-testid="revision-snapshot"
        onClick={() =>
          call('briefings.snapshot', { id: briefingId })
            .then(load)
            .catch((e: Error) => onError(e.message))
        }
      >
        Save a revision now
      </button>
      {revisions.length === 0 ? (
        <p class="empty">No revisions yet. One is kept automatically at most every five minutes while you write.</p>
      ) : (
        <ul class="revision-list">
          {revisions.map((r) => (
            <li key={r.id} class={open?.revision.id === r.id ? 'selected' : ''} data-testid="revision-item">
              <button
                class="link-button"
                title="Open it full size, with what restoring it would change"
                onClick={() =>
                  call('briefings.revision', { revisionId: r.id })
                    .then((full) => {
                      const now = current();
                      if (now === undefined) return onError('Open the briefing to compare a revision with it.');
                      setOpen({ revision: full, current: now });
                    })
                    .catch((e: Error) => onError(e.message))
                }
              >
                {new Date(r.createdAt).toLocaleString()}
              </button>
              <span class="hint">
                {' '}
                {r.wordCount.toLocaleString()} words · {r.reason}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <RevisionDialog
          revision={open.revision}
          current={open.current}
          onClose={() => setOpen(null)}
          onRestore={() => {
            onRestore(open.revision.doc);
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
