import { readLedgerPart } from '../store/ledgerParts.js';
import type { LedgerPart } from '../store/ledgerParts.js';
import type { LedgerProblem } from '../store/types.js';
import { createFold } from './folds.js';
import type { FoldJob } from './folds.js';

/**
 * What reading one part gives: the fold's sums, the problems met (lines numbered from the
 * part's start) and how many lines the part held. Plain data, so a worker can post it back.
 *
 * @internal
 */
export interface PartResult {
  /** The fold's state. */
  readonly state: unknown;
  /** Problems, in order, with part-relative line numbers. */
  readonly problems: readonly LedgerProblem[];
  /** Lines in the part. */
  readonly lines: number;
}

/**
 * Run a fresh fold over one part of a ledger, in whichever thread calls it.
 *
 * @param part - the part
 * @param job - the fold to run
 * @returns the part's sums, problems and line count
 * @throws file system errors
 * @internal
 */
export async function foldPart(part: LedgerPart, job: FoldJob): Promise<PartResult> {
  const fold = createFold(job);
  const problems: LedgerProblem[] = [];
  const lines = await readLedgerPart(part, {
    entry: (entry) => {
      fold.add(entry);
    },
    problem: (problem) => problems.push(problem),
  });
  return { state: fold.state, problems, lines };
}
