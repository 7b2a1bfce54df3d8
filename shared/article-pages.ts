// Every article of a library view, read page by page with the cursor each page returns: for the
// few callers that need the whole list (the CLI's `list`, the briefing editor's citation picker).
import type { ArticleCursor, ArticleMeta, ArticlePage } from './model';

export async function allArticles(page: (after: ArticleCursor | undefined) => Promise<ArticlePage>): Promise<ArticleMeta[]> {
  const out: ArticleMeta[] = [];
  let after: ArticleCursor | undefined;
  do {
    const p = await page(after);
    out.push(...p.items);
    after = p.next ?? undefined;
  } while (after);
  return out;
}
