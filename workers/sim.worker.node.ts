/**
 * The simulation worker for Node (worker_threads): the same API as sim.worker.ts, exposed on
 * the parent port through comlink's node adapter.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimApi } from './sim-api.ts';

if (!parentPort) throw new Error('sim.worker.node.ts must run in a worker thread');
expose(createSimApi(), nodeEndpoint(parentPort));
