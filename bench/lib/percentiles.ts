export interface Spread {
  p50: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

/** Nearest-rank percentiles (p95 of 20 samples is the 19th): no interpolation between samples. */
export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { p50: rank(50), p95: rank(95), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}
