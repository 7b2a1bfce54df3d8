// What makes a name (an actor, organisation, topic, position, tag, briefing or article title)
// something an analyst can see and trust.
//
// Bidirectional override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed, not
// rendered isolated: a name travels into CSV, GraphML, JSON-LD, Word, PDF and the terminal, and an
// override inside it can reorder what follows it in any of them ("…<U+202E>cod.exe" shows as "exe.doc"),
// while only some of those outputs could isolate it. Right-to-left names need none of them: the
// bidi algorithm orders Arabic and Hebrew letters by their own direction.
// A name made only of spaces and invisible characters (zero-width space, joiners, fillers) would show
// as a blank entry nobody can tell from another, so it is refused, as is a lone UTF-16 surrogate,
// which the library file cannot store (it would silently become "\uFFFD").

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * Characters that draw nothing: format controls (zero-width space and joiners, marks, BOM, soft
 * hyphen…), other controls, separators and whitespace, combining marks with nothing to combine
 * with, and the blank letters (Hangul fillers, Braille blank, Mongolian vowel separator).
 */
const INVISIBLE = /^[\p{Cf}\p{Cc}\p{Z}\p{M}\s\u115F\u1160\u3164\uFFA0\u2800\u180E]*$/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** The name as stored: bidi overrides and isolates removed, whitespace trimmed. */
export function cleanName(value: string): string {
  return value.replace(BIDI_CONTROLS, '').trim();
}

/** Why a (cleaned) name cannot be stored, in words; null when it can. */
export function nameProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'it holds a broken character (half of a UTF-16 surrogate pair); retype it';
  if (INVISIBLE.test(value)) return 'it has no visible characters (only spaces or invisible ones such as zero-width spaces)';
  return null;
}
