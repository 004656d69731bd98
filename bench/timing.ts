/** Timing helpers: median of several runs after a warm-up, in milliseconds (process.hrtime). */
export function timeMs(fn: () => unknown, runs = 7): number {
  fn(); // warm-up: JIT, caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export async function timeMsAsync(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** Keeps results alive so the optimiser cannot drop the measured work. */
export let sink: unknown = null;
export function consume(v: unknown): void {
  sink = v;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The ratio of two measurements taken side by side, round after round: the median of each round's
 * ratio, with the quartiles. A machine that slows down for a while slows both sides of the rounds it
 * touches, so the paired ratio moves less than the ratio of the two medians.
 */
export interface PairedRatio {
  median: number;
  low: number;
  high: number;
}

export function pairedRatio(measured: readonly number[], baseline: readonly number[]): PairedRatio {
  const ratios = measured.map((m, i) => m / baseline[i]).sort((a, b) => a - b);
  const at = (q: number): number =>
    ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
  return { median: at(0.5), low: at(0.25), high: at(0.75) };
}
