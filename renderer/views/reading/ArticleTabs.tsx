// The inspector beside an open article: its annotations (with the changed quotes to review), the
// suggestions Verbatim found, and the article's details.
import type { RefObject } from 'preact';
import type { Actor, Annotation, ArticleReading, Topic } from '../../../shared/model';
import type { ArticleSuggestion } from '../../../shared/suggestion';
import { plural } from '../../../shared/plural';
import type { UndoHistory } from '../../undo';
import { AnnotationList } from '../AnnotationList';
import { ChangedQuotes } from '../ChangedQuotes';
import { Inspector } from '../Inspector';
import type { ReaderHandle } from '../ReaderPane';
import { SuggestionPanel } from '../SuggestionPanel';
import type { Suggestions } from '../useSuggestions';

export type ArticleTab = 'annotations' | 'suggestions' | 'article';

interface Props {
  article: ArticleReading;
  annotations: Annotation[];
  actors: Actor[];
  topics: Topic[];
  history: UndoHistory;
  tab: ArticleTab;
  onTab: (tab: ArticleTab) => void;
  suggestions: Suggestions;
  /** Bumped by the C key: the current suggestion's speaker field takes the keyboard. */
  speakerFocus: number;
  readerRef: RefObject<ReaderHandle>;
  reload: () => Promise<void>;
  onEditSuggestion: (s: ArticleSuggestion) => void;
  onEditAnnotation: (a: Annotation) => void;
  onDeleteAnnotation: (a: Annotation) => void;
  onReattach: (a: Annotation) => void;
  onDeleteArticle: (id: number) => void;
  /** Saves one detail; resolves to the reason it was refused, or null. */
  onSaveDetails: Parameters<typeof Inspector>[0]['onSave'];
  onError: (e: unknown) => void;
}

export function ArticleTabs(p: Props) {
  const { tab, onTab, suggestions: sg, annotations, readerRef } = p;
  const tabButton = (id: ArticleTab, label: string, count: string | number | null, title?: string) => (
    <button role="tab" aria-selected={tab === id} class={tab === id ? 'on' : ''} onClick={() => onTab(id)} data-testid={`tab-${id}`} title={title}>
      {label}
      {count !== null && <> <span class="count">{count}</span></>}
    </button>
  );
  return (
    <>
      <div class="tabs" role="tablist">
        {tabButton('annotations', 'Annotations', annotations.length)}
        {tabButton('suggestions', 'Suggestions', sg.status === 'ready' ? sg.shown.length : '', 'Quotes and speakers Verbatim found in the text (J / K)')}
        {tabButton('article', 'Article', null)}
      </div>
      {tab === 'annotations' && <ChangedQuotes annotations={annotations} actors={p.actors} history={p.history} reload={p.reload} onReveal={(id) => readerRef.current?.reveal(id)} onReattach={p.onReattach} onError={p.onError} />}
      {tab === 'annotations' && !annotations.length && sg.shown.length > 0 && (
        <p class="hint suggestions-waiting">
          Verbatim suggests {plural(sg.shown.length, 'quote')} and who said them: press <kbd>J</kbd> to go through them, or{' '}
          <button class="link-button" onClick={() => onTab('suggestions')}>
            see the suggestions
          </button>
          .
        </p>
      )}
      {tab === 'suggestions' ? (
        <SuggestionPanel suggestions={sg} actors={p.actors} onEdit={p.onEditSuggestion} speakerFocus={p.speakerFocus} onDone={() => (sg.current ? sg.select(sg.current) : readerRef.current?.focus())} />
      ) : tab === 'annotations' ? (
        <AnnotationList
          annotations={annotations}
          actors={p.actors}
          topics={p.topics}
          onReveal={(id) => readerRef.current?.reveal(id)}
          onEdit={p.onEditAnnotation}
          onDelete={p.onDeleteAnnotation}
          onReattach={p.onReattach}
        />
      ) : (
        <Inspector article={p.article} onDelete={p.onDeleteArticle} onSave={p.onSaveDetails} />
      )}
    </>
  );
}
