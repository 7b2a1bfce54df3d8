const MAX = 100;

/** A title for an article that brought none: its first sentence, cut at a word near 100 characters. */
export function titleFromText(text: string): string {
  const firstBlock = text.trim().split(/\n/)[0] ?? '';
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(firstBlock)?.[0] ?? firstBlock;
  if (sentence.length <= MAX) return sentence.replace(/[.]$/, '') || 'Untitled article';
  const cut = sentence.slice(0, MAX);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), 40));
  return `${atWord.replace(/[\s,;:]+$/, '')}…`;
}
