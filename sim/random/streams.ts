/**
 * Named random streams: every random draw in sim/ comes from `stream(seed, replication, name)`.
 * Invariant: a stream's numbers depend only on that triple, never on other streams or on
 * which worker, or in which order, replications were run.
 */
import alea from 'seedrandom/lib/alea.js';
import type { RandomSource } from './source.ts';

/**
 * The random stream for one purpose (`name`) in one replication of one seeded run.
 *
 * Why a stream per (seed, replication, name), rather than one generator per run:
 * - **Worker independence.** Replication `r` draws the same numbers whether it runs first
 *   in one worker or last in another, so pooled results equal serial results exactly.
 * - **Common random numbers.** Two scenarios run with the same seed get the same arrivals
 *   and the same lengths of stay for every stream they share, even when one scenario
 *   draws more numbers elsewhere (an extra pathway choice does not shift the arrival
 *   stream). Differences between scenarios are then due to the policy, not to noise.
 *
 * **Generator.** seedrandom's Alea (Baagøe), seeded with the string
 * `` `${seed}/${replication}/${name}` ``: the project's chosen generator package. Alea has a
 * period of about 2¹¹⁶, passes BigCrush as its author reports, and is the fastest of
 * seedrandom's generators here (about 7× its default ARC4 per draw); seeding hashes the
 * string with Baagøe's Mash, so nearby names give unrelated streams.
 * Changing this derivation changes every result: tests pin its first draws.
 *
 * @param seed Run seed. A number and its decimal string (`7`, `'7'`) are the same seed.
 *   Must not contain `/`, so that distinct triples always give distinct seed strings.
 * @param replication Replication index, a non-negative integer.
 * @param name Stream name, e.g. `'arrivals/single'`; may contain `/`.
 * @returns A function giving uniform numbers in [0, 1), multiples of 2⁻³² (32-bit
 *   resolution); a plain function, so callers cannot reach the generator's state.
 * @throws RangeError when `seed` contains `/` or `replication` is not a non-negative integer.
 */
export function stream(seed: string | number, replication: number, name: string): RandomSource {
  if (String(seed).includes('/')) {
    throw new RangeError(`stream seed must not contain '/', got '${seed}'`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`stream replication must be a non-negative integer, got ${replication}`);
  }
  const next = alea(`${seed}/${replication}/${name}`);
  return () => next();
}
