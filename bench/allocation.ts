/**
 * Bytes allocated by a piece of work, counted twice in different ways.
 *
 * The figure is V8's sampling heap profiler (the inspector's HeapProfiler.startSampling)
 * with objects collected by major and minor GCs kept in the profile: it samples one
 * allocation in about every `samplingInterval` bytes, on every space, and scales each sample
 * by the chance that it was drawn, so the profile's total is an unbiased estimate of all
 * bytes allocated, short-lived garbage included, with a relative standard error of about
 * 1/√samples. Without those two flags it would count only what is still alive at the end.
 *
 * The check is a GC-trace sum (v8.GCProfiler): the used heap before each collection minus
 * the used heap after the one before. It needs no sampling, but counts at whole-heap
 * granularity (pretenured and compiled code too), so it is shown beside the figure to catch
 * a profiler that silently dropped the collected objects, not as the figure itself.
 */
import { Session } from 'node:inspector/promises';
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** Mean bytes between two samples of the heap profiler: ~250 samples per MB. */
const SAMPLING_INTERVAL = 4096;

/** Bytes allocated while `work` ran, by two counts. */
export interface Allocated {
  /** Sampling heap profiler's estimate (bytes). */
  sampled: number;
  /** Relative standard error of `sampled` (1/√samples). */
  sampledRelativeError: number;
  /** GC-trace sum (bytes). */
  gcSum: number;
}

/** Node of the profiler's call tree (the fields read here). */
interface ProfileNode {
  selfSize: number;
  children: ProfileNode[];
}

function totalSize(node: ProfileNode): number {
  let sum = node.selfSize;
  for (const child of node.children) sum += totalSize(child);
  return sum;
}

/** Runs `work` once and counts the bytes it allocated. */
export async function measureAllocation(work: () => void): Promise<Allocated> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    const gc = new GCProfiler();
    const usedBefore = getHeapStatistics().used_heap_size;
    gc.start();
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: SAMPLING_INTERVAL,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    work();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const trace = gc.stop();
    const usedAfter = getHeapStatistics().used_heap_size;

    let gcSum = 0;
    let used = usedBefore;
    for (const entry of trace.statistics) {
      gcSum += entry.beforeGC.heapStatistics.usedHeapSize - used;
      used = entry.afterGC.heapStatistics.usedHeapSize;
    }
    gcSum += usedAfter - used;

    // `samples` is in the protocol since V8 8 but not in the typings of @types/node 20.
    const samples = (profile as { samples?: unknown[] }).samples?.length ?? 0;
    return {
      sampled: totalSize(profile.head as ProfileNode),
      sampledRelativeError: samples > 0 ? 1 / Math.sqrt(samples) : Number.NaN,
      gcSum,
    };
  } finally {
    session.disconnect();
  }
}
