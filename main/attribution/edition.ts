// Part of every cached answer's key besides the text and the codebook (services/suggestions.ts):
// raise it whenever a change to the engine changes its answers, so answers cached by the old
// engine are computed again. Kept apart from engine.ts so the cache need not load the engine.
export const ENGINE_EDITION = 4;
