/**
 * Benchmark of the validator: the default scenario with a long list of parameter ranges
 * (`uncertain`), the case that once grew quadratically. Ranges are made for the scenario's
 * own numbers (±5–15%, cycling through them), so every entry is valid and fully checked.
 * Usage: npm run bench:validate [-- --entries 3000 --rounds 5]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateScenario } from '../sim/scenario/validate.ts';
import { getAt } from '../sim/scenario/parameter-path.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '300,1000,3000' },
    rounds: { type: 'string', default: '5' },
    scenario: { type: 'string', default: 'scenarios/drechtsteden-2024.json' },
  },
});

type Json = Record<string, unknown>;
const base = JSON.parse(readFileSync(values.scenario, 'utf8')) as Json;

/** Paths of the numbers a range may vary: every number outside notes and `uncertain`. */
function numberPaths(x: unknown, at: string, out: string[]): string[] {
  if (typeof x === 'number' && x > 0) out.push(at);
  else if (Array.isArray(x)) x.forEach((v, i) => numberPaths(v, `${at}[${i}]`, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'notes' || k === 'uncertain' || k === 'note') continue;
      numberPaths(v, at === '' ? k : `${at}.${k}`, out);
    }
  }
  return out;
}

function withRanges(n: number): Json {
  const paths = numberPaths({ ...base, uncertain: undefined }, '', []).filter(
    // Not the calendar, run settings, goal, shares (whose sums are fixed) or places (≥ occupancy).
    (p) =>
      !/Year|replications|schemaVersion|[Ss]hare|acceptance|goal|pathways|initialOccupancy|capacity/.test(
        p,
      ),
  );
  const uncertain = Array.from({ length: n }, (_, i) => {
    const path = paths[i % paths.length];
    const v = getAt(base, path) as number;
    const whole = Number.isInteger(v);
    // A different range for each entry, so that no check is saved by repetition.
    const spread = 0.05 + (0.1 * i) / n;
    const low = whole ? Math.floor(v * (1 - spread)) : v * (1 - spread);
    const high = whole ? Math.ceil(v * (1 + spread)) : v * (1 + spread);
    return { path, label: `range ${i}`, low, high, note: { assumption: 'benchmark' } };
  });
  return { ...base, uncertain };
}

function timeMs(data: Json, rounds: number): { ms: number; ok: boolean; problems: number } {
  let best = Infinity;
  let v = validateScenario(data);
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    v = validateScenario(data);
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, ok: v.ok, problems: v.ok ? 0 : v.problems.length };
}

const rounds = Number(values.rounds);
const noRanges = timeMs({ ...base, uncertain: [] }, rounds);
console.log(`without ranges: ${noRanges.ms.toFixed(1)} ms`);
for (const n of values.entries.split(',').map(Number)) {
  const t = timeMs(withRanges(n), rounds);
  console.log(
    `${String(n).padStart(6)} ranges: ${t.ms.toFixed(1).padStart(8)} ms (${(t.ms / noRanges.ms).toFixed(1)}× without), ${t.ok ? 'valid' : `${t.problems} problems`}`,
  );
}
