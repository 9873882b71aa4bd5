// The page's handle on the analyses in its pool worker (workers/pool.worker.ts): contingent
// sizing and sensitivity, with progress and cancellation. Cancelling rejects at once with
// RunCancelled and tells the worker, which stops the run in flight (or drops the analysis from
// its queue).
import { proxy, type Remote } from 'comlink';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { SizingPoint, SizingResult } from '../../sim/analysis/contingent-sizing.ts';
import type { Sensitivity } from '../../sim/analysis/sensitivity.ts';
import { RunCancelled } from '../run/run-service.ts';
import type {
  AnalysisApi,
  RunProgress,
  SensitivityRequest,
  SizingRequest,
} from '../../workers/analysis-api.ts';

export type { RunProgress, SensitivityRequest, SizingRequest };

/** What the panels need from the analyses. */
export interface AnalysisService {
  size(
    scenario: Scenario,
    request: SizingRequest,
    on: { point?: (p: SizingPoint, evaluated: number) => void; run?: RunProgress },
    signal?: AbortSignal,
  ): Promise<SizingResult>;
  sensitivity(
    scenario: Scenario,
    request: SensitivityRequest,
    on: { step?: (done: number, total: number) => void; run?: RunProgress },
    signal?: AbortSignal,
  ): Promise<Sensitivity>;
}

/**
 * A service on `remote` (the worker's API, or a stand-in in tests). Callbacks are dropped once
 * the signal is aborted, so a cancelled analysis never reports again.
 */
export function analysisService(remote: Remote<AnalysisApi> | AnalysisApi): AnalysisService {
  let ids = 0;
  function call<R>(
    signal: AbortSignal | undefined,
    start: (
      id: number,
      live: <A extends unknown[]>(f?: (...a: A) => void) => (...a: A) => void,
    ) => Promise<R>,
  ): Promise<R> {
    if (signal?.aborted) return Promise.reject(new RunCancelled());
    const id = ++ids;
    const live =
      <A extends unknown[]>(f?: (...a: A) => void) =>
      (...a: A) => {
        if (!signal?.aborted) f?.(...a);
      };
    return new Promise<R>((resolve, reject) => {
      const onAbort = () => {
        reject(new RunCancelled());
        void remote.cancel(id);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      start(id, live)
        .then(resolve, (e: unknown) =>
          reject((e as Error)?.name === 'CancelledError' ? new RunCancelled() : (e as Error)),
        )
        .finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }
  return {
    size(scenario, request, on, signal) {
      return call(signal, (id, live) =>
        Promise.resolve(
          remote.size(id, scenario, request, proxy(live(on.point)), proxy(live(on.run))),
        ),
      );
    },
    sensitivity(scenario, request, on, signal) {
      return call(signal, (id, live) =>
        Promise.resolve(
          remote.sensitivity(id, scenario, request, proxy(live(on.step)), proxy(live(on.run))),
        ),
      );
    },
  };
}
