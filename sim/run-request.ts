/**
 * What a run is: replications 0..n−1 of one validated scenario, under one seed, engine and
 * input-uncertainty setting. The one request type of every run, whether for the verdict, its
 * first impression or an analysis, on the worker pool or in the calling thread. The same
 * request always gives the same summary (apart from its wall time and worker count).
 */
import type { EngineKind } from './engine/engine.ts';
import type { InputUncertainty } from './scenario/parameter-draws.ts';

export interface RunRequest {
  /** Number of replications (≥ 1). */
  replications: number;
  /** Seed of the run. */
  seed: string | number;
  /** Engine implementation; 'fast' (the heap kernel) if omitted. */
  engine?: EngineKind;
  /** Draw the scenario's uncertain parameters per group of replications (off if absent). */
  inputUncertainty?: InputUncertainty;
}
