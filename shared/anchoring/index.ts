// Annotation anchoring over the plain-text projection of an article: the selectors an annotation
// stores, and re-anchoring them when the text changes. One concept a file:
//   selectors.ts        creating and checking W3C selectors
//   reanchor.ts         the strategies, cheapest first, that find an annotation again
//   word-boundaries.ts  a quote taken at word boundaries keeps to them
//   agreement.ts        how well a place agrees with the stored words and context
//   offset-map.ts       offsets carried through one alignment of old and new text
//   edit-distance.ts    Levenshtein distance, bounded
export { PREFIX_SUFFIX_CHARS, checkRange, selectorsFor, sameWords } from './selectors';
export { reanchor, type AnchorInput, type AnchorResult, type AnchorStatus, type ReanchorOptions } from './reanchor';
export { snapToWords } from './word-boundaries';
export { OffsetMap } from './offset-map';
