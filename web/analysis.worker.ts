// The analyses (contingent sizing, sensitivity) in a worker of their own, with a worker pool of
// their own, so a search of many runs never blocks the page nor stops the verdict's run. The
// page talks to it through analysis-service.ts; what it does is in analysis-api.ts.
import { expose, type Endpoint } from 'comlink';
import { createAnalysisApi } from './analysis-api.ts';
import { createBrowserPool } from '../workers/browser.ts';

expose(
  createAnalysisApi(() => createBrowserPool()),
  self as unknown as Endpoint,
);
