// Where the analyst was — the view and the open article — kept in the address's hash, so a reload
// (or a restart of browser mode on the same tab) comes back to it. replaceState: moving around
// the app adds no entries to the browser's history.

export interface Place {
  view?: string;
  article?: number;
}

export function readPlace(): Place {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const article = Number(params.get('article'));
  return {
    ...(params.get('view') ? { view: params.get('view')! } : {}),
    ...(Number.isInteger(article) && article > 0 ? { article } : {}),
  };
}

/** Merges `patch` into the hash; `article: undefined` forgets the open article. */
export function writePlace(patch: Partial<Record<keyof Place, string | number | undefined>>): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) params.delete(key);
    else params.set(key, String(value));
  }
  const hash = params.toString();
  const url = new URL(window.location.href);
  url.hash = hash;
  window.history.replaceState(window.history.state, '', hash ? url.href : url.pathname + url.search);
}
