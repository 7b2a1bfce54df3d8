// The search-at-scale figures alone (tests/bench/search-scale.ts), one JSON object on stdout:
//   nice node --expose-gc --import tsx tests/bench/run-search-scale.ts
// BENCH_SCALE_SIZES=1000,10000 measures other sizes (the first is the peer of the second).
import os from 'node:os';
import { benchSearchScale } from './search-scale';
import { round } from './stats';

console.log = console.error;
const [small, large] = (process.env.BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const loadAtStart = os.loadavg().map((n) => round(n, 2));
const figures = await benchSearchScale(small, large);
process.stdout.write(`${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version, loadAverage: { start: loadAtStart, end: os.loadavg().map((n) => round(n, 2)) } }, searchScale: figures }, null, 2)}\n`);
