/**
 * A tiny benchmark harness. Every benchmark measures our code and a baseline in the same run
 * (e.g. our search against the raw FTS5 query it wraps) and prints both with their ratio, so the
 * figures mean something on any machine. Speed is never asserted in tests: it lives here.
 */
import { performance } from 'node:perf_hooks';

export interface Stats {
  n: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function stats(samplesMs: number[]): Stats {
  const s = [...samplesMs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return {
    n: s.length,
    medianMs: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    meanMs: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

/** Time each call of fn separately. Warm-up calls are not counted. */
export function sample(fn: (i: number) => unknown, n: number, warmup = Math.min(50, n)): Stats {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    out[i] = performance.now() - t0;
  }
  return stats(out);
}

export async function sampleAsync(
  fn: (i: number) => Promise<unknown>,
  n: number,
  warmup = Math.min(20, n),
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out[i] = performance.now() - t0;
  }
  return stats(out);
}

/** Calls per second over a fixed number of calls. */
export function throughput(fn: (i: number) => unknown, n: number): number {
  for (let i = 0; i < Math.min(1000, n); i++) fn(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return n / ((performance.now() - t0) / 1000);
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

/** One line: what, ours, baseline, ratio, target and whether it is met. */
export function report(line: {
  name: string;
  ours: string;
  baseline?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
}): void {
  const parts = [`• ${line.name}`, `ours: ${line.ours}`];
  if (line.baseline) parts.push(`baseline: ${line.baseline}`);
  if (line.ratio !== undefined) parts.push(`ratio: ${line.ratio.toFixed(2)}×`);
  if (line.target)
    parts.push(`target: ${line.target}${line.met === undefined ? '' : line.met ? ' ✔' : ' ✘'}`);
  console.log(parts.join(' | '));
}

export const ms = (x: number) => `${fmt(x)} ms`;
export const section = (title: string) => console.log(`\n== ${title}`);
