import { createAutomationFold } from '../automation/automationTally.js';
import { createReportFold } from '../report/reportTally.js';
import type { ReportScope } from '../report/reportTally.js';
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

/**
 * Make the fold a job names, in whichever thread runs it.
 *
 * @param job - the job
 * @returns a fresh fold
 * @internal
 */
export function createFold(job: FoldJob): EntryFold<unknown> {
  return job.fold === 'report' ? createReportFold(job.scope) : createAutomationFold(job.scope);
}
