// The read-only article view. Annotations will be drawn over it as decorations; the article itself
// is never changed by reading it.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/schema';
import { searchHighlight } from './search-highlight';

export interface ReaderOptions {
  /** Words to mark and scroll to, from the search that opened the article. */
  highlight?: string[];
  /** Links are never followed inside the app; the host decides what to do. */
  onLink?: (href: string) => void;
}

export class Reader {
  private view: EditorView;

  constructor(mount: HTMLElement) {
    this.view = new EditorView(mount, {
      state: EditorState.create({ schema: articleSchema }),
      editable: () => false,
      attributes: { class: 'article-text', 'data-testid': 'article-view', role: 'article' },
    });
  }

  show(docJSON: unknown, opts: ReaderOptions = {}): void {
    const doc = Node.fromJSON(articleSchema, docJSON);
    const state = EditorState.create({ doc, plugins: [searchHighlight(opts.highlight ?? [])] });
    this.view.setProps({
      state,
      handleClickOn: (_view, _pos, _node, _nodePos, event) => {
        const link = (event.target as HTMLElement).closest('a');
        if (!link) return false;
        event.preventDefault();
        opts.onLink?.(link.getAttribute('href') ?? '');
        return true;
      },
    });
    const hit = this.view.dom.querySelector('.search-hit');
    if (hit) hit.scrollIntoView({ block: 'center' });
    else this.view.dom.parentElement?.scrollTo({ top: 0 });
  }

  destroy(): void {
    this.view.destroy();
  }
}
