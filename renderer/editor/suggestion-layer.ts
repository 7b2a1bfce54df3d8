// Suggested attributions drawn over the article: a layer of its own, apart from the analyst's
// annotations (annotation-highlights.ts), so a suggestion never looks like coding. A dashed
// underline in the speaker's colour; the current suggestion also shows who said it (the source
// mention) and the cue word, which is what the analyst checks before accepting.
import { PluginKey, type EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { DecorationList } from './decoration-list';
import { decorationLayer, inline } from './decoration-layer';
import type { ArticleSuggestion, TextSpan } from '../../shared/suggestion';
import { textIndexOf } from './doc-index';

export interface SuggestionSource {
  suggestions: readonly ArticleSuggestion[];
  /** The suggestion the keyboard is on (J / K), or null. */
  currentKey: string | null;
  /** Speaker colours by actor id; an unmatched speaker gets the neutral colour. */
  speakerColors: Map<number, string>;
}

export const NO_SUGGESTIONS: SuggestionSource = { suggestions: [], currentKey: null, speakerColors: new Map() };

export const suggestionsKey = new PluginKey<DecorationList>('suggestionLayer');

/** The underline colour: the matched actor's, else a neutral one from the theme. */
export function suggestionColor(s: ArticleSuggestion, speakerColors: Map<number, string>): string {
  const id = s.speaker?.actorId;
  return (id !== null && id !== undefined && speakerColors.get(id)) || 'var(--suggest-neutral)';
}

export function buildSuggestions(state: EditorState, src: SuggestionSource): DecorationList {
  if (!src.suggestions.length) return DecorationList.empty(state.doc);
  const index = textIndexOf(state.doc);
  const length = index.text.length;
  const decorations: Decoration[] = [];
  const span = (t: TextSpan, attrs: Record<string, string>) => {
    // A list computed for an older text (the answer to a refresh still on its way) may run past it.
    if (t.end > length || t.start >= t.end) return;
    const { from, to } = index.docRange(t.start, t.end);
    if (from < to) decorations.push(inline(from, to, { nodeName: 'span', ...attrs }));
  };
  for (const s of src.suggestions) {
    const current = s.key === src.currentKey;
    span(s.content, {
      class: current ? 'suggestion suggestion-current' : 'suggestion',
      'data-testid': 'suggestion-item',
      'data-suggestion-id': s.key,
      style: `--sg: ${suggestionColor(s, src.speakerColors)}`,
    });
    if (current && s.source) span(s.source, { class: 'suggestion-source', 'data-testid': 'suggestion-source', style: `--sg: ${suggestionColor(s, src.speakerColors)}` });
    if (current && s.cue) span(s.cue, { class: 'suggestion-cue' });
  }
  return new DecorationList(state.doc, decorations);
}

export function suggestionLayer(initial: SuggestionSource) {
  return decorationLayer(suggestionsKey, initial, buildSuggestions);
}
