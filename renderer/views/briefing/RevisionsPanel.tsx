// Revisions: automatic snapshots (at most every five minutes of editing) and ones taken on demand.
// Preview one, or restore it — restoring is one undoable step in the editor.
import { useEffect, useRef, useState } from 'preact/hooks';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node } from 'prosemirror-model';
import type { BriefingRevision } from '../../../shared/model';
import { briefingSchema } from '../../../shared/schema/briefing';
import { call } from '../../api';

interface Props {
  briefingId: number;
  /** Bumps when a save may have produced a revision. */
  version: number;
  onRestore: (doc: unknown) => void;
  onError: (message: string) => void;
}

export function RevisionsPanel({ briefingId, version, onRestore, onError }: Props) {
  const [revisions, setRevisions] = useState<BriefingRevision[]>([]);
  const [preview, setPreview] = useState<{ id: number; doc: unknown } | null>(null);
  const mount = useRef<HTMLDivElement>(null);

  const load = () =>
    call('briefings.revisions', { id: briefingId })
      .then(setRevisions)
      .catch((e: Error) => onError(e.message));
  useEffect(() => void load(), [briefingId, version]);

  useEffect(() => {
    if (!preview || !mount.current) return;
    const view = new EditorView(mount.current, { state: EditorState.create({ doc: Node.fromJSON(briefingSchema, preview.doc) }), editable: () => false });
    return () => view.destroy();
  }, [preview]);

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
            <li key={r.id} class={preview?.id === r.id ? 'selected' : ''} data-testid="revision-item">
              <button
                class="link-button"
                onClick={() =>
                  call('briefings.revision', { revisionId: r.id })
                    .then((full) => setPreview({ id: r.id, doc: full.doc }))
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
      {preview && (
        <div class="revision-preview">
          <div class="dialog-actions">
            <button onClick={() => setPreview(null)}>Close preview</button>
            <button
              class="primary"
              data-testid="revision-restore"
              onClick={() => {
                onRestore(preview.doc);
                setPreview(null);
              }}
            >
              Restore this revision
            </button>
          </div>
          <div ref={mount} class="briefing-text preview-text" />
        </div>
      )}
    </div>
  );
}
