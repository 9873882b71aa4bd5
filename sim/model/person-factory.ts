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
import { DAYS_PER_YEAR, reportStartOf } from '../scenario/calendar.ts';
import type { People } from './people.ts';
import { entersForTriage } from './entry.ts';
import { inGoalCohort } from './goal.ts';

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
  /** Model time (days) of 1 January of the start year: reported years count from here. */
  private readonly reportStart: number;
  private readonly reportedYears: number;
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
    private readonly people: People,
  ) {
    this.reportStart = reportStartOf(s);
    this.reportedYears = s.endYear - s.startYear + 1;
    const src = (attr: string) => streamOf(`${origin.prefix}/${attr}`);
    const arrival = origin.stream >= 0 ? s.arrivals[origin.stream] : undefined;
    const entry = s.facilities[origin.entry];
    this.crisis = entersForTriage(entry.kind);
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
   * time-varying distributions): a new row of the people table, returned. Durations are
   * drawn only for persons who need them (self-resolvers, those to be triaged, those who
   * will relapse): whether they do is decided by uniforms drawn for everyone, so each
   * duration stream stays aligned.
   */
  make(t: number, calendarDay: number, returning: boolean): number {
    const o = this.origin;
    const people = this.people;
    const p = people.add();
    people.stream[p] = o.stream;
    people.type[p] = o.type;
    people.arrival[p] = t;
    people.returning[p] = returning ? 1 : 0;
    const u = this.uniform;
    const selfResolves = u() < this.selfResolveShare;
    people.selfResolves[p] = selfResolves ? 1 : 0;
    people.pathwayU[p] = u();
    people.elsewhereU[p] = u();
    people.marketE[p] = this.unitExponential();
    const relapses = u() < this.relapseShare;
    people.relapses[p] = relapses ? 1 : 0;
    const tenureYears = this.tenure();
    people.tenureYears[p] = tenureYears;
    if (selfResolves) people.selfResolveDays[p] = this.selfResolveDays();
    if (this.crisis) people.patienceDays[p] = this.patience();
    if (this.crisis && !selfResolves) {
      people.triageDelayDays[p] = this.triageDelay.at(calendarDay)();
    }
    if (relapses) people.relapseDays[p] = this.relapseDays();
    people.bindingKey[p] = tenureYears * DAYS_PER_YEAR - t;
    const year = Math.floor((t - this.reportStart) / DAYS_PER_YEAR);
    const reported = year >= 0 && year < this.reportedYears;
    people.cohortYear[p] = reported && inGoalCohort(this.crisis, selfResolves) ? year : -1;
    return p;
  }
}
