import { createAutomationFold } from '../automation/automationTally.js';
import type { AutomationTally } from '../automation/automationTally.js';
import { createReportFold } from '../report/reportTally.js';
import type { ReportScope, ReportTally } from '../report/reportTally.js';
import type { EntryFold } from './entryFold.js';
import type { EntryScope } from './entryScope.js';

/**
 * What a worker thread runs over its part of a ledger: a fold by name, with plain-data
 * parameters (functions cannot cross threads).
 *
 * @internal
 */
export type FoldJob =
  | { readonly fold: 'report'; readonly scope: ReportScope }
  | { readonly fold: 'automation'; readonly scope: EntryScope };

/** The sums each kind of fold keeps. @internal */
export interface FoldStates {
  report: ReportTally;
  automation: AutomationTally;
}

/**
 * Make the fold a job names, in whichever thread runs it.
 *
 * @param job - the job
 * @returns a fresh fold
 * @internal
 */
export function createFold<J extends FoldJob>(job: J): EntryFold<FoldStates[J['fold']]> {
  const fold =
    job.fold === 'report' ? createReportFold(job.scope) : createAutomationFold(job.scope);
  return fold as EntryFold<FoldStates[J['fold']]>;
}
