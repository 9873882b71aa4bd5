// A worker thread that checks cases for the pool (case-pool.ts): it says it is ready once its
// modules are loaded, then answers each { id, case } with { id, verdict, steps }.
import { parentPort } from 'node:worker_threads';
import { checkInput } from './check-case.ts';
import { materialize, type ScenarioCase } from './scenario-case.ts';

if (!parentPort) throw new Error('case-worker.ts must run in a worker thread');
const port = parentPort;
port.on('message', ({ id, scenarioCase }: { id: number; scenarioCase: ScenarioCase }) => {
  const { input, steps } = materialize(scenarioCase);
  port.postMessage({ id, verdict: checkInput(input, scenarioCase.inputUncertainty), steps });
});
port.postMessage('ready');
