/**
 * Worker-thread entry: reads the parts of a JSON Lines ledger it is sent, one at a time, runs
 * the fold named in `workerData` over each and posts back a `PartResult`. Started by
 * `foldLedger`; not part of the public API.
 *
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LedgerPart } from '../store/ledgerParts.js';
import type { FoldJob } from './folds.js';
import { foldPart } from './foldPart.js';

const job = workerData as FoldJob;

// A failure (say the file became unreadable) is left unhandled: it ends the worker with an
// `error` event carrying it, which the thread that started it rethrows.
parentPort?.on('message', (part: LedgerPart) => {
  void foldPart(part, job).then((result) => {
    parentPort?.postMessage(result);
  });
});
