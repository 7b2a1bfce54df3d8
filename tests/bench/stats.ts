// Summaries of timing samples. Percentiles use the nearest-rank method on a sorted copy, so p95 of
// 240 samples is the 228th fastest: a real measured value, never an interpolation.

export interface Summary {
  n: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
}

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function summarize(samples: readonly number[]): Summary {
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    n: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    maxMs: round(samples.length ? Math.max(...samples) : NaN),
    meanMs: round(samples.length ? sum / samples.length : NaN),
  };
}

/** Rounds to `digits` decimals for the report (timings in ms: 0.01 ms is below the clock's noise). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Milliseconds taken by `fn`, with its result. */
export function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** Progress goes to stderr so stdout carries only the JSON report. */
export function progress(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}
