// Synthetic scenarios that reduce the chain to a textbook queue, built on minimalScenario:
// an M/M/c (or M/G/c) queue at a 24-hour shelter, and an M/M/c/c loss system at a crisis
// shelter. Rates are per day; the reported period is long so time averages settle.
import type { ScenarioInput } from '../../sim/scenario/schema.ts';
import type { DurationSpec } from '../../sim/random/duration-spec.ts';
import { DAYS_PER_YEAR } from '../../sim/scenario/calendar.ts';
import { START_YEAR, minimalScenario } from './scenarios.ts';

/** Parameters of a synthetic queue. */
export interface QueueParams {
  /** Places (servers). */
  c: number;
  /** Poisson arrival rate (per day). */
  lambdaPerDay: number;
  /** Holding time of a place (days). */
  stay: DurationSpec;
  /** Reported years (the time averages run over these). */
  years: number;
  /** Unreported years before, starting empty. */
  warmupYears: number;
}

/** Id of the facility of the synthetic queues. */
export const QUEUE_FACILITY = 'place';

function base(p: QueueParams): ScenarioInput {
  const s = minimalScenario();
  s.id = 'synthetic-queue';
  s.endYear = START_YEAR + p.years - 1;
  s.warmupYears = p.warmupYears;
  s.arrivals[0].ratePerYear = { [START_YEAR]: p.lambdaPerDay * DAYS_PER_YEAR };
  s.arrivals[0].entry = QUEUE_FACILITY;
  return s;
}

/**
 * M/M/c (M/G/c with a non-exponential `stay`): a 24-hour shelter of `c` places entered
 * directly (pre-triaged: people wait outside in FIFO order, holding no place), everyone
 * leaving the chain after their stay. The queue is the weekly series `waitShelter24`.
 */
export function queueScenario(p: QueueParams): ScenarioInput {
  const s = base(p);
  s.facilities = [
    {
      id: QUEUE_FACILITY,
      name: '24-hour shelter as an M/M/c queue',
      kind: 'shelter24',
      serves: ['single'],
      capacity: { [START_YEAR]: p.c },
      stay: p.stay,
      exitAfterStayShare: 1,
    },
  ];
  // Nobody enters a crisis shelter, so no triage outcome is needed.
  s.triage.pathways = {};
  return s;
}

/**
 * M/M/c/c (M/G/c/c) loss system: a crisis shelter of `c` places where everyone self-resolves
 * after `stay` (their holding time), and whoever finds it full gives up at once (patience 0).
 * Blocked arrivals are counted as `turnedAway` (and `gaveUp`).
 */
export function lossScenario(p: QueueParams): ScenarioInput {
  const s = base(p);
  s.facilities = [
    {
      id: QUEUE_FACILITY,
      name: 'Crisis shelter as an Erlang loss system',
      kind: 'crisis',
      serves: ['single'],
      capacity: { [START_YEAR]: p.c },
      patienceDays: { dist: 'fixed', mean: 0 },
    },
  ];
  s.arrivals[0].selfResolveShare = 1;
  s.arrivals[0].selfResolveDays = p.stay;
  return s;
}
