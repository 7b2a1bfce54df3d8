// The analyst's changes to the open article's annotations — save the form (a new annotation, an
// edit, or a suggestion accepted with what the analyst added), delete, re-attach an orphan to the
// selection — each one undoable through the session's history.
import { useCallback } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Annotation } from '../../../shared/model';
import { call } from '../../api';
import type { UndoHistory } from '../../undo';
import type { AnnotationDraft } from '../AnnotationForm';
import type { ReaderHandle } from '../ReaderPane';
import type { Toast } from '../Toasts';
import type { Suggestions } from '../useSuggestions';

export interface AnnotationCommandDeps {
  annotations: Annotation[];
  history: UndoHistory;
  /** Lists the open article's annotations again. */
  reload: () => Promise<void>;
  refreshCodebook: () => Promise<void>;
  toast: (t: Omit<Toast, 'id'>) => void;
  fail: (e: unknown) => void;
  readerRef: RefObject<ReaderHandle>;
  suggestions: RefObject<Suggestions>;
  closeForm: () => void;
}

export function useAnnotationCommands({ annotations, history, reload, refreshCodebook, toast, fail, readerRef, suggestions, closeForm }: AnnotationCommandDeps) {
  const saveDraft = useCallback(
    async (d: AnnotationDraft): Promise<boolean> => {
      const fields = { kind: d.kind, speakerId: d.speakerId, positions: d.positions, comment: d.comment || null, tags: d.tags };
      const sg = suggestions.current;
      if (d.suggestionKey !== undefined && sg) {
        // Accepting a suggestion with what the analyst added: one undoable accept, then on to the next.
        const s = sg.list.find((x) => x.key === d.suggestionKey);
        if (!s) {
          toast({ kind: 'error', text: 'This suggestion is no longer there (the text or its coding changed); select the passage and press Q to code it.' });
          return false;
        }
        const { speakerId, ...rest } = fields;
        const ok = await sg.accept(s, d.speakerName && speakerId === null ? { ...rest, speakerName: d.speakerName } : fields);
        if (ok) closeForm();
        return ok;
      }
      try {
        if (d.id === undefined) {
          const created = await call('annotations.create', { articleId: d.articleId, start: d.start, end: d.end, ...fields });
          history.push({
            label: 'annotation',
            undo: () => call('annotations.delete', { id: created.id }).then(reload),
            redo: () => call('annotations.restore', { id: created.id }).then(reload),
          });
        } else {
          const before = annotations.find((a) => a.id === d.id);
          const id = d.id;
          await call('annotations.update', { id, ...fields });
          if (before) {
            // The coding only: the form never moves the anchor, and sending old offsets back would
            // re-anchor an orphan on whatever text is there now.
            const old = { kind: before.kind, speakerId: before.speakerId, positions: before.positions, comment: before.comment, tags: before.tags };
            history.push({
              label: 'annotation edit',
              undo: () => call('annotations.update', { id, ...old }).then(reload),
              redo: () => call('annotations.update', { id, ...fields }).then(reload),
            });
          }
        }
        closeForm();
        // Back to the article, so the next sentence is one key away (S, then Q).
        readerRef.current?.focus(d.end);
        await reload();
        await refreshCodebook();
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [annotations, history, reload, refreshCodebook, toast, fail, readerRef, suggestions, closeForm],
  );

  const deleteAnnotation = useCallback(
    async (a: Annotation) => {
      try {
        await call('annotations.delete', { id: a.id });
        history.push({
          label: 'annotation deletion',
          undo: () => call('annotations.restore', { id: a.id }).then(reload),
          redo: () => call('annotations.delete', { id: a.id }).then(reload),
        });
        await reload();
        await refreshCodebook();
        toast({ kind: 'info', text: 'Annotation deleted.', action: { label: 'Undo', run: () => void history.undo().catch(fail) } });
      } catch (e) {
        fail(e);
      }
    },
    [history, reload, refreshCodebook, toast, fail],
  );

  const reattach = useCallback(
    async (a: Annotation) => {
      const sel = readerRef.current?.selection();
      if (!sel) return toast({ kind: 'error', text: 'Select the passage in the article first, then choose “Re-attach to selection”.' });
      try {
        await call('annotations.update', { id: a.id, start: sel.start, end: sel.end });
        history.push({
          label: 're-attach',
          // Back exactly as it was: an orphan becomes an orphan again, with the words it quoted.
          undo: () => call('annotations.update', { id: a.id, anchor: { start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, orphaned: a.orphaned, changedFrom: a.changedFrom } }).then(reload),
          redo: () => call('annotations.update', { id: a.id, start: sel.start, end: sel.end }).then(reload),
        });
        await reload();
      } catch (e) {
        fail(e);
      }
    },
    [history, reload, toast, fail, readerRef],
  );

  return { saveDraft, deleteAnnotation, reattach };
}
