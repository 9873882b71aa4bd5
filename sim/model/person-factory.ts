/**
 * Makes persons with their random attributes, drawn at arrival from the source's own
 * streams, so the n-th person from a source is the same whatever else the scenario
 * changes (common random numbers). Attributes that take exactly one uniform share one
 * stream (a fixed number of draws per person keeps it aligned); each duration, whose
 * sampler may draw a variable count (rejection), has a stream of its own.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RandomSource } from '../random/source.ts';
import { durationSampler } from '../random/duration.ts';
import { Steps } from '../scenario/step-function.ts';
import { Person } from './person.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';

type Sampler = () => number;
const never: Sampler = () => Infinity;

/** Where a factory's persons come from. */
export interface PersonOrigin {
  /** Stream name prefix, e.g. "persons/night-single" or "initial/bw". */
  prefix: string;
  /** Index into scenario.arrivals, or -1 for initial occupants. */
  stream: number;
  /** Index into scenario.householdTypes. */
  type: number;
  /** Index into scenario.facilities of the entry (a crisis shelter or a waiting list). */
  entry: number;
}

export class PersonFactory {
  private readonly tenure: Sampler;
  /** One stream for the single-uniform attributes, drawn in a fixed order. */
  private readonly uniform: RandomSource;
  private readonly selfResolveDays: Sampler;
  private readonly patience: Sampler;
  private readonly triageDelay: Steps<Sampler>;
  private readonly relapseDays: Sampler;
  /** Whether persons enter at a crisis shelter (and so may self-resolve, wait, be triaged). */
  private readonly crisis: boolean;
  private readonly selfResolveShare: number;
  private readonly relapseShare: number;
  /** Unit exponential from the uniform stream (d3's inversion: exactly one draw). */
  private readonly unitExponential: Sampler;

  constructor(
    s: Scenario,
    readonly origin: PersonOrigin,
    streamOf: (name: string) => RandomSource,
  ) {
    const src = (attr: string) => streamOf(`${origin.prefix}/${attr}`);
    const arrival = origin.stream >= 0 ? s.arrivals[origin.stream] : undefined;
    const entry = s.facilities[origin.entry];
    this.crisis = entry.kind === 'crisis';
    this.selfResolveShare = arrival?.selfResolveShare ?? 0;
    this.relapseShare = origin.stream >= 0 ? s.relapse.share : 0;
    this.tenure = durationSampler(s.householdTypes[origin.type].tenureYears, src('tenure'));
    this.uniform = src('uniform');
    this.unitExponential = durationSampler({ dist: 'exponential', mean: 1 }, this.uniform);
    this.selfResolveDays = arrival?.selfResolveDays
      ? durationSampler(arrival.selfResolveDays, src('selfResolveDays'))
      : never;
    // Streams are seeded only for what this source's persons can need (seeding costs µs).
    this.patience =
      this.crisis && entry.patienceDays
        ? durationSampler(entry.patienceDays, src('patience'))
        : never;
    const triageSrc = this.crisis ? src('triageDelay') : undefined;
    const samplers: Record<string, Sampler> = {};
    for (const [key, spec] of Object.entries(s.triage.delayDays)) {
      samplers[key] = triageSrc ? durationSampler(spec, triageSrc) : never;
    }
    this.triageDelay = new Steps(samplers, s.startYear);
    this.relapseDays =
      this.relapseShare > 0 ? durationSampler(s.relapse.afterDays, src('relapseDays')) : never;
  }

  /**
   * A new person arriving at model time `t` (days), on calendar day `calendarDay` (for
   * time-varying distributions). Durations are drawn only for persons who need them
   * (self-resolvers, those to be triaged, those who will relapse): whether they do is
   * decided by uniforms drawn for everyone, so each duration stream stays aligned.
   */
  make(id: number, t: number, calendarDay: number, returning: boolean): Person {
    const o = this.origin;
    const p = new Person(id, o.stream, o.type, o.entry, t, returning);
    const u = this.uniform;
    const selfResolves = u() < this.selfResolveShare;
    p.selfResolves = selfResolves;
    p.pathwayU = u();
    p.elsewhereU = u();
    p.marketE = this.unitExponential();
    const relapses = u() < this.relapseShare;
    p.relapses = relapses;
    p.tenureYears = this.tenure();
    if (selfResolves) p.selfResolveDays = this.selfResolveDays();
    if (this.crisis) p.patienceDays = this.patience();
    if (this.crisis && !selfResolves) p.triageDelayDays = this.triageDelay.at(calendarDay)();
    if (relapses) p.relapseDays = this.relapseDays();
    p.cohort = this.crisis && !selfResolves;
    p.bindingKey = p.tenureYears * DAYS_PER_YEAR - t;
    return p;
  }
}
