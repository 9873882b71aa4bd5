/**
 * Fixed-bin histograms for folding weekly series across replications into percentile
 * bands with memory that does not grow with the number of replications. Bins are 0.25
 * wide below 8 and 2% wide above (log-spaced), so a percentile is exact to 0.125 persons
 * or 1%. Counts do not depend on the order results arrive in.
 */

const FINE_WIDTH = 0.25;
const FINE_LIMIT = 8;
const FINE_BINS = FINE_LIMIT / FINE_WIDTH;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Values above this (persons) fall in the last bin. */
const MAX_VALUE = 1e6;
/** Number of bins per histogram. */
export const LEVEL_BINS = FINE_BINS + Math.ceil(Math.log(MAX_VALUE / FINE_LIMIT) / LOG_GROWTH) + 1;

/** Bin of a value ≥ 0. */
export function levelBin(v: number): number {
  if (v < FINE_LIMIT) return Math.max(0, Math.floor(v / FINE_WIDTH));
  return Math.min(LEVEL_BINS - 1, FINE_BINS + Math.floor(Math.log(v / FINE_LIMIT) / LOG_GROWTH));
}

/** Lower and upper edge of bin `b`. */
export function binEdges(b: number): [number, number] {
  if (b < FINE_BINS) return [b * FINE_WIDTH, (b + 1) * FINE_WIDTH];
  const k = b - FINE_BINS;
  return [FINE_LIMIT * GROWTH ** k, FINE_LIMIT * GROWTH ** (k + 1)];
}

/**
 * Many histograms side by side (one per week), as one Uint32Array: counts[week × BINS + bin].
 */
export class WeeklyHistograms {
  readonly counts: Uint32Array;
  /** Exact smallest and largest value per week: quantiles never leave this range. */
  readonly min: Float64Array;
  readonly max: Float64Array;
  n = 0;

  constructor(readonly weeks: number) {
    this.counts = new Uint32Array(weeks * LEVEL_BINS);
    this.min = new Float64Array(weeks).fill(Infinity);
    this.max = new Float64Array(weeks).fill(-Infinity);
  }

  add(series: ArrayLike<number>): void {
    for (let w = 0; w < this.weeks; w++) {
      const v = series[w];
      this.counts[w * LEVEL_BINS + levelBin(v)]++;
      if (v < this.min[w]) this.min[w] = v;
      if (v > this.max[w]) this.max[w] = v;
    }
    this.n++;
  }

  /** The q-quantile (0–1) of week `w`, interpolated within its bin. */
  quantile(w: number, q: number): number {
    if (this.n === 0) return NaN;
    const rank = q * (this.n - 1);
    let seen = 0;
    const base = w * LEVEL_BINS;
    for (let b = 0; b < LEVEL_BINS; b++) {
      const c = this.counts[base + b];
      if (c > 0 && seen + c > rank) {
        const [lo, hi] = binEdges(b);
        const v = lo + ((rank - seen + 0.5) / c) * (hi - lo);
        return Math.min(this.max[w], Math.max(this.min[w], v));
      }
      seen += c;
    }
    return NaN;
  }
}
