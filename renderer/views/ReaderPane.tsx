// The middle pane: the article being read, in a read-only ProseMirror view.
import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '../../shared/model';
import { Reader } from '../editor/reader';
import { modLabel } from '../shortcuts';

interface Props {
  article: Article | null;
  highlight: string[];
  hasArticles: boolean;
  onRestore: (id: number) => void;
  onLink: (href: string) => void;
}

export function ReaderPane({ article, highlight, hasArticles, onRestore, onLink }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const reader = useRef<Reader | null>(null);

  useEffect(() => {
    reader.current = new Reader(mount.current!);
    return () => reader.current?.destroy();
  }, []);

  useEffect(() => {
    if (article) reader.current?.show(article.doc, { highlight, onLink });
  }, [article, highlight]);

  return (
    <main class="pane reader" aria-label="Reader">
      {article ? (
        <header class="reader-header">
          <h1 data-testid="article-title">{article.title}</h1>
          <p class="byline">{[article.outlet, article.author, article.publishedAt].filter(Boolean).join(' · ')}</p>
          {article.deletedAt && (
            <p class="banner">
              This article is in the trash.{' '}
              <button class="link-button" onClick={() => onRestore(article.id)}>
                Restore it
              </button>
            </p>
          )}
        </header>
      ) : (
        <div class="empty reader-empty">
          {hasArticles ? (
            <p>Select an article in the library, or search with {modLabel}K.</p>
          ) : (
            <p>Articles you import appear here to read and annotate.</p>
          )}
        </div>
      )}
      <div class="reader-scroll" hidden={!article}>
        <div ref={mount} class="reader-mount" />
      </div>
    </main>
  );
}
