import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NinesError } from '@nines/core';
import type { LedgerEntry } from '../model/entry.js';
import { isSplittable, PARTS } from '../store/ledgerParts.js';
import type { LedgerPart } from '../store/ledgerParts.js';
import type { LedgerProblem, LedgerReadItem } from '../store/types.js';
import { forEachItem } from '../util/asyncIterable.js';
import { createFold } from './folds.js';
import type { FoldJob, FoldStates } from './folds.js';
import { foldPart } from './foldPart.js';
import type { PartResult } from './foldPart.js';
import { workerEntry } from './workerEntry.js';
import type { WorkerEntry } from './workerEntry.js';

/** Parts per thread: smaller parts even out threads slowed by other work on the machine. */
const PARTS_PER_THREAD = 4;

/** The default number of threads for reading a ledger: the available parallelism, at most 4. */
function defaultThreads(): number {
  return Math.min(availableParallelism(), 4);
}

/**
 * Check a `threads` option.
 *
 * @param threads - the option as given
 * @throws NinesError `INVALID_ARGUMENT` (path `threads`) unless absent or a whole number ≥ 1
 * @internal
 */
export function checkThreads(threads: number | undefined): void {
  if (threads !== undefined && !(Number.isSafeInteger(threads) && threads >= 1)) {
    throw new NinesError('INVALID_ARGUMENT', `threads must be a whole number ≥ 1, got ${threads}`, {
      path: ['threads'],
    });
  }
}

/** How {@link foldLedger} reads. @internal */
export interface FoldLedgerOptions {
  /**
   * Most threads reading at once, this one included (default {@link defaultThreads}); 1 reads
   * in this thread only.
   */
  readonly threads?: number;
  /** Receives each problem met, in file order. */
  readonly onProblem?: (problem: LedgerProblem) => void;
}

/**
 * Run a fold over everything a ledger read yields. A JSON Lines ledger big enough to cut into
 * parts is read in parallel: this thread and up to `threads − 1` worker threads take parts in
 * file order as they become free, and the parts' sums are merged, and their problems passed on
 * with line numbers counted from the start of the file, in file order as soon as every part
 * before them is done. Anything else is read in this thread, batch by batch, as is any ledger
 * when the worker's file is missing (the package bundled into an application without it).
 *
 * @param source - ledger entries, or what `ledger.read()` / `store.read()` yields
 * @param job - the fold to run, in this thread and in workers
 * @param options - threads and the problem sink
 * @returns the fold's sums over the whole ledger, and the number of problems met
 * @throws whatever reading the ledger throws (file system errors); workers are stopped first
 * @internal
 */
export async function foldLedger<J extends FoldJob>(
  source: Iterable<LedgerEntry | LedgerReadItem> | AsyncIterable<LedgerEntry | LedgerReadItem>,
  job: J,
  options: FoldLedgerOptions,
): Promise<{ readonly state: FoldStates[J['fold']]; readonly problems: number }> {
  const fold = createFold(job);
  const threads = options.threads ?? defaultThreads();
  let problems = 0;
  const onProblem = (problem: LedgerProblem): void => {
    problems += 1;
    options.onProblem?.(problem);
  };
  const entry = threads > 1 && isSplittable(source) ? workerEntry() : undefined;
  const parts =
    entry !== undefined && isSplittable(source)
      ? await source[PARTS](threads * PARTS_PER_THREAD)
      : [];
  if (entry === undefined || parts.length < 2) {
    await forEachItem(source, (item) => {
      if (!('type' in item)) fold.add(item);
      else if (item.type === 'entry') fold.add(item.entry);
      else onProblem(item.problem);
    });
    return { state: fold.state, problems };
  }
  const results: (PartResult | undefined)[] = [];
  let next = 0;
  let done = 0;
  let offset = 0;
  // Pass on every finished part whose predecessors are all done, in file order.
  const finish = (index: number, result: PartResult): void => {
    results[index] = result;
    for (let ready = results[done]; ready !== undefined; ready = results[done]) {
      for (const problem of ready.problems) onProblem({ ...problem, line: problem.line + offset });
      offset += ready.lines;
      fold.merge(ready.state as FoldStates[J['fold']]);
      results[done] = undefined;
      done += 1;
    }
  };
  const take = (): number | undefined => (next < parts.length ? next++ : undefined);
  const workers = Array.from({ length: Math.min(threads, parts.length) - 1 }, () =>
    startWorker(entry, job),
  );
  try {
    await Promise.all([
      (async () => {
        for (let index = take(); index !== undefined; index = take()) {
          finish(index, await foldPart(parts[index] as LedgerPart, job));
        }
      })(),
      ...workers.map(async (worker) => {
        for (let index = take(); index !== undefined; index = take()) {
          finish(index, await worker.read(parts[index] as LedgerPart));
        }
      }),
    ]);
  } finally {
    for (const worker of workers) worker.stop();
  }
  return { state: fold.state, problems };
}

/** A worker thread that reads the parts it is given, one at a time. */
interface PartWorker {
  /** Read a part; rejects when the worker fails or stops. */
  read(part: LedgerPart): Promise<PartResult>;
  /** Stop the worker. */
  stop(): void;
}

function startWorker({ entry, options }: WorkerEntry, job: FoldJob): PartWorker {
  const worker = new Worker(entry, { ...options, workerData: job });
  let failure: Error | undefined;
  let pending:
    { resolve: (result: PartResult) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    pending?.reject(failure);
    pending = undefined;
  };
  worker.on('message', (result: PartResult) => {
    pending?.resolve(result);
    pending = undefined;
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`a worker reading the ledger stopped (exit code ${code})`));
  });
  return {
    read: (part) =>
      failure === undefined
        ? new Promise((resolve, reject) => {
            pending = { resolve, reject };
            worker.postMessage(part);
          })
        : Promise.reject(failure),
    stop: () => void worker.terminate(),
  };
}
