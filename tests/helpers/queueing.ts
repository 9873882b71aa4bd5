// Queueing-theory formulas the simulation is checked against, written from the references
// (not from sim/). Time unit is whatever λ and μ share (days in the tests).

/**
 * Erlang B: the probability that an arrival finds all `c` servers busy in an M/M/c/c loss
 * system offered `a` = λ/μ erlangs (also M/G/c/c: the formula is insensitive to the
 * holding-time distribution). Computed by the stable recursion B(0) = 1,
 * B(k) = a·B(k−1) / (k + a·B(k−1)).
 * See https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_B_formula and Gross & Harris,
 * Fundamentals of Queueing Theory (4th ed.), §2.6.
 */
export function erlangB(c: number, a: number): number {
  checkServers(c);
  if (!(a >= 0)) throw new RangeError(`offered load must be ≥ 0, got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival has to wait in an M/M/c queue offered `a` = λ/μ
 * erlangs (a < c), from Erlang B: C = c·B / (c − a·(1 − B)).
 * See https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_C_formula.
 */
export function erlangC(c: number, a: number): number {
  checkServers(c);
  if (!(a >= 0 && a < c)) throw new RangeError(`M/M/c needs 0 ≤ a < c, got a = ${a}, c = ${c}`);
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** Steady-state figures of an M/M/c queue (FIFO, infinite waiting room). */
export interface MMcFigures {
  /** Offered load a = λ/μ (erlangs) = mean number of busy servers Ls. */
  offeredLoad: number;
  /** Server utilisation ρ = a/c. */
  rho: number;
  /** Probability of waiting (Erlang C). */
  pWait: number;
  /** Mean number waiting: Lq = C·ρ/(1 − ρ). */
  lq: number;
  /** Mean wait in queue (time units of λ, μ): Wq = Lq/λ (Little's law). */
  wq: number;
  /** Mean number in system: L = Lq + a. */
  l: number;
  /** Mean time in system: W = Wq + 1/μ. */
  w: number;
}

/**
 * M/M/c with arrival rate `lambda`, service rate `mu` per server and `c` servers.
 * Lq = C(c, a)·ρ/(1 − ρ): Gross & Harris §2.3, or
 * https://en.wikipedia.org/wiki/M/M/c_queue#Stationary_analysis; Wq, W and L follow by
 * Little's law (https://en.wikipedia.org/wiki/Little%27s_law).
 */
export function mmc(lambda: number, mu: number, c: number): MMcFigures {
  const a = lambda / mu;
  const rho = a / c;
  const pWait = erlangC(c, a);
  const lq = (pWait * rho) / (1 - rho);
  const wq = lq / lambda;
  return { offeredLoad: a, rho, pWait, lq, wq, l: lq + a, w: wq + 1 / mu };
}

function checkServers(c: number): void {
  if (!Number.isInteger(c) || c < 1)
    throw new RangeError(`servers must be an integer ≥ 1, got ${c}`);
}
