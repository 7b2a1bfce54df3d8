// Turns what the analyst typed into an FTS5 query that cannot be a syntax error: every word is
// quoted (so AND, OR, NEAR, `-` and `*` typed by accident stay words), "quoted phrases" stay phrases,
// and the last word also matches as a prefix so results appear while typing.

export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) {
    const words = (m[1] ?? m[2] ?? '').match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    if (m[1] !== undefined) parts.push(`"${words.join(' ')}"`);
    else parts.push(...words.map((w) => `"${w}"`));
  }
  if (!parts.length) return null;
  const last = parts[parts.length - 1]!;
  // A prefix on a one- or two-letter word would match half the library; wait for a third letter.
  if (!/^"[^ ]+"$/.test(last) || last.length < 5) return parts.join(' ');
  parts[parts.length - 1] = `${last}*`;
  return parts.join(' ');
}
