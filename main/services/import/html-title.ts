// Pages put the outlet's name in their title ("Missile launched - The Korea Herald", "Reuters:
// Missile launched"). The outlet has its own field, so the title drops a leading or trailing part
// that names it, the site name, or the site's domain; a part naming anything else stays.

/** " - ", " | ", " – ", " — ", " · ", " • ", " » " and a colon after a prefix. */
const SEPARATOR = /\s+[-|–—·•»]\s+|\s*[|–—·•»]\s*|:\s+/gu;

export function titleWithoutOutlet(title: string, names: (string | null | undefined)[], url: string | null): string {
  const known = [...names, ...hostLabels(url)].map(normal).filter((n) => n.length >= 3);
  if (!known.length) return title;
  const names_ = (part: string) => {
    const p = normal(part);
    return p.length >= 3 && known.some((n) => p === n || p.startsWith(n) || n.startsWith(p));
  };
  const seps = [...title.matchAll(SEPARATOR)];
  let t = title;
  const last = seps.at(-1);
  if (last && names_(title.slice(last.index + last[0].length))) t = title.slice(0, last.index);
  const first = seps[0];
  if (first && first.index < t.length && names_(t.slice(0, first.index))) t = t.slice(first.index + first[0].length);
  return t.trim() || title;
}

/** Lower-case letters and digits only, without a leading "the": "The Korea Herald" → "koreaherald". */
function normal(s: string | null | undefined): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** "https://www.koreaherald.com/view" → ["koreaherald"]: the labels that name the site. */
function hostLabels(url: string | null): string[] {
  if (!url) return [];
  try {
    return new URL(url).hostname
      .split('.')
      .filter((l) => l.length >= 4 && !['www', 'com', 'news', 'english', 'mobile'].includes(l));
  } catch {
    return [];
  }
}
