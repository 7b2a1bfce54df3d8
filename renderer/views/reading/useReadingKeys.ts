// The reading view's keys. Q, P, N over a selection in the article start an annotation of that
// kind; Ctrl/Cmd+Shift+Q from anywhere. Suggestions: J / K next and previous, A accept, Shift+A
// accept all shown, R reject, E edit, C change the speaker — only while the article is on screen,
// no form is open and no dialog asks something.
import { useEffect, useRef } from 'preact/hooks';
import type { AnnotationKind } from '../../../shared/model';
import type { ArticleSuggestion } from '../../../shared/suggestion';
import { isTypingTarget, modKey } from '../../shortcuts';
import type { Suggestions } from '../useSuggestions';

export interface ReadingKeys {
  /** Whether the keys may act on suggestions now (an article shown, no form open). */
  suggestionsActive: () => boolean;
  /** Whether the article has a selection to annotate. */
  hasSelection: () => boolean;
  suggestions: () => Suggestions;
  startAnnotation: (kind: AnnotationKind) => void;
  editSuggestion: (s: ArticleSuggestion) => void;
  changeSpeaker: () => void;
}

const KINDS = { q: 'quote', p: 'paraphrase', n: 'note' } as const;

export function useReadingKeys(keys: ReadingKeys): void {
  // One listener for the view's life, always acting with the latest callbacks.
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const suggestionKey = (e: KeyboardEvent): boolean => {
      const { suggestionsActive, suggestions, editSuggestion, changeSpeaker } = latest.current;
      if (!suggestionsActive() || document.querySelector('[aria-modal="true"]')) return false;
      const s = suggestions();
      const key = e.key;
      if (key === 'j' || key === 'k') return s.step(key === 'j' ? 1 : -1);
      if (key === 'A') {
        void s.acceptAll();
        return s.shown.length > 0;
      }
      const current = s.current;
      if (!current) return false;
      if (key === 'a') void s.accept(current);
      else if (key === 'r') void s.reject(current);
      else if (key === 'e') editSuggestion(current);
      else if (key === 'c') changeSpeaker();
      else return false;
      return true;
    };
    const onKey = (e: KeyboardEvent) => {
      const { hasSelection, startAnnotation } = latest.current;
      if (modKey(e) && e.shiftKey && e.key.toLowerCase() === 'q') {
        e.preventDefault();
        startAnnotation('quote');
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const kind = KINDS[e.key.toLowerCase() as keyof typeof KINDS];
      if (kind && hasSelection()) {
        e.preventDefault();
        startAnnotation(kind);
        return;
      }
      if (suggestionKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
