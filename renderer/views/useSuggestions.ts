// The open article's suggested attributions as the reading view works with them: the list (kept
// fresh after text edits and annotation changes), the confidence filter, the one the keyboard is
// on, the speaker the analyst chose instead of the suggested one, and accept / reject / edit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor, Annotation, ArticleReading } from '../../shared/model';
import { annotationKindOf, type ArticleSuggestion } from '../../shared/suggestion';
import { ApiError, call } from '../api';
import type { UndoHistory } from '../undo';
import { acceptSuggestion, acceptSuggestions, rejectSuggestion, type AcceptFields } from '../suggestion-actions';
import { plural } from '../../shared/plural';
import type { Toast } from './Toasts';
import { confirmAction } from './ConfirmDialog';
import { modLabel } from '../shortcuts';
import type { AnnotationDraft } from './AnnotationForm';

export type SuggestionStatus = 'loading' | 'ready' | 'too-large' | 'unavailable' | 'trashed' | 'failed';

/** A speaker chosen before accepting: a codebook actor, or a new one by name. */
export type SpeakerChoice = { actorId: number } | { name: string };

const NONE: ArticleSuggestion[] = [];

export const CONFIDENCE_STEPS = [0, 0.5, 0.7, 0.9] as const;
const CONFIDENCE_KEY = 'verbatim.suggestionConfidence';

function storedConfidence(): number {
  const v = Number(localStorage.getItem(CONFIDENCE_KEY));
  return (CONFIDENCE_STEPS as readonly number[]).includes(v) ? v : 0;
}

interface Options {
  article: ArticleReading | null;
  annotations: Annotation[];
  actors: Actor[];
  history: UndoHistory;
  toast: (t: Omit<Toast, 'id'>) => void;
  /** After an accept (or its undo): annotations, the codebook and the library row are read again. */
  onCoded: () => Promise<void>;
  /**
   * Puts the suggestion's words under the selection, the keyboard in the text; `center` scrolls
   * them to the middle of the reader (a jump), else only as far as needed (a click on them).
   */
  onSelect: (s: ArticleSuggestion, center: boolean) => void;
}

export function useSuggestions({ article, annotations, actors, history, toast, onCoded, onSelect }: Options) {
  // With the text it was found in: a list for an earlier text (just edited) is never drawn on this one.
  const [found, setFound] = useState<{ articleId: number | null; text: string | null; list: ArticleSuggestion[] }>({ articleId: null, text: null, list: [] });
  const [status, setStatus] = useState<SuggestionStatus>('loading');
  const [minConfidence, setMinConfidenceState] = useState(storedConfidence);
  const [current, setCurrent] = useState<{ key: string; start: number } | null>(null);
  const [speakers, setSpeakers] = useState<Map<string, SpeakerChoice>>(new Map());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const articleId = article && !article.deletedAt ? article.id : null;
  const text = article?.updatedAt ?? null;
  const stale = articleId !== null && (found.articleId !== articleId || found.text !== text);
  const list = stale ? NONE : found.list;

  const shown = useMemo(() => list.filter((s) => s.confidence >= minConfidence), [list, minConfidence]);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const currentRef = useRef(current);
  currentRef.current = current;
  const minConfidenceRef = useRef(minConfidence);
  minConfidenceRef.current = minConfidence;

  const setMinConfidence = useCallback((v: number) => {
    localStorage.setItem(CONFIDENCE_KEY, String(v));
    setMinConfidenceState(v);
  }, []);

  // Only the newest answer counts: an older one (for a text since edited) must not replace it.
  const seq = useRef(0);
  const refresh = useCallback(async () => {
    const id = articleId;
    const mine = ++seq.current;
    if (id === null) return;
    try {
      const r = await call('suggestions.list', { articleId: id });
      if (mine !== seq.current) return;
      setFound({ articleId: id, text, list: r.suggestions });
      setStatus(r.tooLarge ? 'too-large' : 'ready');
      // The one the keyboard was on, or (it was just accepted or rejected) the next one after it.
      const was = currentRef.current;
      if (was && !r.suggestions.some((s) => s.key === was.key)) {
        const next = r.suggestions.find((s) => s.content.start >= was.start && s.confidence >= minConfidenceRef.current);
        setCurrent(next ? { key: next.key, start: next.content.start } : null);
      }
    } catch (e) {
      if (mine !== seq.current) return;
      setFound({ articleId: id, text, list: [] });
      // Said in the panel, not as a toast: the list is asked for again after every change.
      setStatus(e instanceof ApiError && e.code === 'unsupported' ? 'unavailable' : 'failed');
      setProblem((e as Error).message);
    }
  }, [articleId, text]);
  // A new article or text starts afresh (keys are offsets: after an edit they name other words); a
  // saved text edit (updatedAt), every change to the annotations (an accept, a manual quote over a
  // suggested passage, an undo) and to the actors' names (which the speakers are matched against)
  // ask again.
  useEffect(() => {
    setCurrent(null);
    setSpeakers(new Map());
  }, [articleId, text]);
  const names = actors.map((a) => [a.id, a.name, ...a.aliases].join('\u0000')).join('\u0001');
  useEffect(() => void refresh(), [refresh, annotations, names]);

  const currentSuggestion = current ? (shown.find((s) => s.key === current.key) ?? null) : null;

  const select = useCallback(
    (s: ArticleSuggestion, center = true) => {
      setCurrent({ key: s.key, start: s.content.start });
      onSelect(s, center);
    },
    [onSelect],
  );

  /** J / K: the next or previous suggestion shown, from the current one (or the first / last). */
  const step = useCallback(
    (dir: 1 | -1) => {
      const items = shownRef.current;
      if (!items.length) return false;
      const at = currentRef.current ? items.findIndex((s) => s.key === currentRef.current!.key) : -1;
      const next = at < 0 ? (dir === 1 ? items[0] : items[items.length - 1]) : items[at + dir];
      if (next) select(next);
      return true;
    },
    [select],
  );

  /** The suggestion after `s` in what is shown: where the keyboard goes once `s` is decided. */
  const following = useCallback((s: ArticleSuggestion) => {
    const items = shownRef.current;
    const at = items.findIndex((x) => x.key === s.key);
    return items[at + 1] ?? null;
  }, []);

  const speakerFields = useCallback(
    (s: ArticleSuggestion): AcceptFields => {
      const choice = speakers.get(s.key);
      if (!choice) return {};
      return 'actorId' in choice ? { speakerId: choice.actorId } : { speakerName: choice.name };
    },
    [speakers],
  );

  const fail = useCallback((e: unknown) => toast({ kind: 'error', text: (e as Error).message }), [toast]);

  /** Moves on to the suggestion after `s` (selected in the text), or drops the selection at the end. */
  const moveOn = useCallback(
    (s: ArticleSuggestion) => {
      const next = following(s);
      if (next) select(next);
      else setCurrent({ key: s.key, start: s.content.end });
    },
    [following, select],
  );

  /** Accepts `s` as suggested (with the speaker chosen for it), or with the form's `fields`. */
  const accept = useCallback(
    async (s: ArticleSuggestion, fields?: AcceptFields) => {
      if (articleId === null || busy) return false;
      setBusy(true);
      try {
        moveOn(s);
        await acceptSuggestion(history, articleId, s.key, fields ?? { kind: annotationKindOf(s.kind), ...speakerFields(s) }, onCoded);
        return true;
      } catch (e) {
        select(s);
        fail(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [articleId, busy, history, onCoded, select, fail, moveOn, speakerFields],
  );

  const reject = useCallback(
    async (s: ArticleSuggestion) => {
      if (articleId === null || busy) return;
      setBusy(true);
      try {
        moveOn(s);
        await rejectSuggestion(history, articleId, s.key, refresh);
      } catch (e) {
        select(s);
        fail(e);
      } finally {
        setBusy(false);
      }
    },
    [articleId, busy, history, refresh, select, fail, moveOn],
  );

  /** Shift+A: every suggestion the filter shows, as one undoable step. */
  const acceptAll = useCallback(async () => {
    const items = shownRef.current;
    if (articleId === null || busy || !items.length) return;
    // Never accepted without the analyst's word: one question for the whole batch.
    const above = minConfidenceRef.current ? ` at ${Math.round(minConfidenceRef.current * 100)}% confidence or more` : '';
    const ok = await confirmAction({
      title: `Accept ${plural(items.length, 'suggestion')}?`,
      message: `Every suggestion shown${above} becomes an annotation with its suggested kind and speaker; new speakers are added as actors. ${modLabel}Z undoes it in one step.`,
      confirmLabel: `Accept ${items.length}`,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const r = await acceptSuggestions(
        history,
        articleId,
        items.map((s) => ({
          key: s.key,
          fields: { kind: annotationKindOf(s.kind), ...speakerFields(s) },
          newSpeaker: !speakers.has(s.key) && s.speaker && s.speaker.actorId === null ? s.speaker.name : null,
        })),
        onCoded,
      );
      setCurrent(null);
      // The passage J had selected is coded now; the keyboard starts afresh.
      document.getSelection()?.removeAllRanges();
      if (r.accepted) {
        toast({ kind: r.error ? 'error' : 'success', text: `Accepted ${plural(r.accepted, 'suggestion')}${r.error ? `; then: ${(r.error as Error).message}` : ''}.`, action: { label: 'Undo', run: () => void history.undo().catch(fail) } });
      } else if (r.error) fail(r.error);
    } finally {
      setBusy(false);
    }
  }, [articleId, busy, history, speakers, onCoded, toast, fail, speakerFields]);

  const chooseSpeaker = useCallback((key: string, choice: SpeakerChoice | null) => {
    setSpeakers((m) => {
      const next = new Map(m);
      if (choice) next.set(key, choice);
      else next.delete(key);
      return next;
    });
  }, []);

  /**
   * The annotation form filled in from a suggestion (E, or Q / P over it): its kind, its speaker
   * (a new one by name, created when the form is saved), for the analyst to add positions.
   */
  const draftFor = useCallback(
    (s: ArticleSuggestion, kind = annotationKindOf(s.kind)): AnnotationDraft | null => {
      if (articleId === null) return null;
      const choice = speakers.get(s.key);
      const speakerId = choice ? ('actorId' in choice ? choice.actorId : null) : (s.speaker?.actorId ?? null);
      const speakerName = choice ? ('name' in choice ? choice.name : undefined) : s.speaker && s.speaker.actorId === null ? s.speaker.name : undefined;
      return { articleId, start: s.content.start, end: s.content.end, exact: s.content.exact, kind, speakerId, speakerName, suggestionKey: s.key, positions: [], comment: '', tags: [] };
    },
    [articleId, speakers],
  );

  /** A speaker's name as the analyst reads it: the codebook's spelling when matched. */
  const actorName = useCallback((id: number) => actors.find((a) => a.id === id)?.name ?? null, [actors]);

  return {
    list,
    shown,
    status: article?.deletedAt ? ('trashed' as const) : stale ? ('loading' as const) : status,
    minConfidence,
    setMinConfidence,
    current: currentSuggestion,
    select,
    step,
    accept,
    reject,
    acceptAll,
    refresh,
    speakers,
    chooseSpeaker,
    draftFor,
    actorName,
    busy,
    /** Why the list could not be had, when `status` is 'failed'. */
    problem,
  };
}

export type Suggestions = ReturnType<typeof useSuggestions>;
