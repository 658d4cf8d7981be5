import { randomUUID } from 'node:crypto';
import { NinesError } from '@nines/core';
import type { CategoryPolicy } from '../model/categories.js';
import type {
  Automatable,
  LedgerEntry,
  LedgerEntryInput,
  ToilEntry,
  ToilEntryInput,
  WorkEntry,
  WorkEntryInput,
} from '../model/entry.js';
import { validateEntry } from '../model/validateEntry.js';
import { categoryCheck } from '../store/categoryCheck.js';
import { isSplittable, PARTS } from '../store/ledgerParts.js';
import type { LedgerPart } from '../store/ledgerParts.js';
import type { LedgerReadItem, ToilStore } from '../store/types.js';
import { createToilInstruments } from './metrics.js';
import type { ToilMeter } from './metrics.js';
import { trackedInput, trackedMinutes } from './trackEntry.js';
import { mapAsync } from '../util/asyncIterable.js';

/** Entry fields that `track` and `toilHandler` take from the ledger when a call leaves them out. */
export interface ToilDefaults {
  /** The team doing the work, usually the service's owners. */
  readonly team?: string;
  /** The toil category. */
  readonly category?: string;
  /** Whether the task could be automated. */
  readonly automatable?: Automatable;
  /** Who does the work. */
  readonly person?: string;
}

/** Options for {@link createLedger}. */
export interface LedgerOptions {
  /** Where entries go: `createJsonLinesStore(file)`, `createMemoryStore()` or your own. */
  readonly store: ToilStore;
  /** An OpenTelemetry `Meter`; without one, no metrics are produced. */
  readonly meter?: ToilMeter;
  /** Epoch milliseconds now (default `Date.now`); drives `at` and `track` timing. */
  readonly clock?: () => number;
  /** Categories accepted besides the SRE Workbook taxonomy: a list, or `'any'`. */
  readonly categories?: CategoryPolicy;
  /** Fields `track` and `toilHandler` use when a call does not give them. */
  readonly defaults?: ToilDefaults;
  /** Id for entries recorded without one (default: a random UUID). */
  readonly generateId?: () => string;
  /**
   * Receives errors that cannot be thrown to anyone: a failed record after a tracked function
   * already threw, a failed record behind a request handler, a metrics SDK fault.
   * Default: `process.emitWarning`.
   */
  readonly onError?: (error: unknown) => void;
}

/** Options for {@link ToilLedger.track}; entry fields fall back to the ledger's defaults. */
export interface TrackOptions extends ToilDefaults {
  /** A link to the ticket or page behind the work. */
  readonly ticket?: string;
  /** Free text. */
  readonly note?: string;
  /**
   * Hands-on minutes, when they differ from the elapsed time: a number, or a function of the
   * elapsed minutes. A result of 0 means nobody was hands-on, and nothing is recorded.
   */
  readonly handsOn?: number | ((elapsedMinutes: number) => number);
}

/** Handed to a tracked function so it can report hands-on time it knows better than a timer. */
export interface TrackContext {
  /** The task being tracked. */
  readonly task: string;
  /**
   * Report the hands-on minutes (overrides the timer and `options.handsOn`); 0 records nothing.
   *
   * @param minutes - hands-on minutes
   */
  handsOn(minutes: number): void;
}

/** A toil ledger: records entries, times work, and reads everything back. */
export interface ToilLedger {
  /** The store entries go to. */
  readonly store: ToilStore;
  /**
   * Validate and append one entry, then count it in the toil metrics.
   *
   * @param input - the entry; `id` and `at` are filled in when absent
   * @returns the entry as stored
   * @throws NinesError `INVALID_LEDGER` listing every bad field
   */
  record(input: ToilEntryInput): Promise<ToilEntry>;
  record(input: WorkEntryInput): Promise<WorkEntry>;
  record(input: LedgerEntryInput): Promise<LedgerEntry>;
  /**
   * Validate all entries first, then append them in one batch (all or none).
   *
   * @param inputs - the entries
   * @returns the entries as stored
   * @throws NinesError `INVALID_LEDGER` with every problem, each path starting at its index
   */
  recordMany(inputs: readonly LedgerEntryInput[]): Promise<LedgerEntry[]>;
  /**
   * Run `fn` (sync or async) and record it as toil: elapsed time by default, or hands-on time
   * when the caller says so through `options.handsOn` or `context.handsOn()`. The entry is
   * recorded whether `fn` returns or throws, and `fn`'s result or error is passed through.
   *
   * @param task - what is being done
   * @param fn - the work
   * @param options - entry fields and hands-on time
   * @returns what `fn` returns
   * @throws what `fn` throws; NinesError `INVALID_LEDGER` when the entry is invalid
   */
  track<T>(
    task: string,
    fn: (context: TrackContext) => T | PromiseLike<T>,
    options?: TrackOptions,
  ): Promise<T>;
  /**
   * Stream the store, turning entries whose category this ledger does not allow into problems.
   *
   * @returns entries and problems in stored order
   */
  read(): AsyncIterable<LedgerReadItem>;
  /** Receives errors nobody can catch (see {@link LedgerOptions.onError}). */
  readonly onError: (error: unknown) => void;
  /** Fields `track` and `toilHandler` fall back to. */
  readonly defaults: ToilDefaults;
  /** The ledger's clock, epoch milliseconds. */
  readonly clock: () => number;
}

function defaultOnError(error: unknown): void {
  const warning = error instanceof Error ? error : new Error(String(error));
  process.emitWarning(warning, { code: 'NINES_TOIL' });
}

/**
 * Create a toil ledger over a store, optionally counting every entry as OpenTelemetry metrics.
 *
 * @param options - store, meter, clock, custom categories and defaults
 * @returns the ledger
 * @throws NinesError `INVALID_ARGUMENT` for a bad category policy
 * @example
 * ```ts
 * import { metrics } from '@opentelemetry/api';
 * const ledger = createLedger({
 *   store: createJsonLinesStore('toil.jsonl'),
 *   meter: metrics.getMeter('@nines/toil'),
 *   defaults: { team: 'payments-sre' },
 * });
 * await ledger.record({ task: 'rotate TLS certificates', category: 'release-shepherding',
 *   minutes: 25, team: 'payments-sre', automatable: 'yes', ticket: 'https://jira/OPS-12' });
 * ```
 */
export function createLedger(options: LedgerOptions): ToilLedger {
  const { store, categories = [] } = options;
  if (categories !== 'any') {
    const bad = categories.find((c) => typeof c !== 'string' || c.trim() === '');
    if (bad !== undefined) {
      throw new NinesError(
        'INVALID_ARGUMENT',
        `custom categories must be non-empty text, got ${JSON.stringify(bad)}`,
        { path: ['categories'] },
      );
    }
  }
  const clock = options.clock ?? Date.now;
  const generateId = options.generateId ?? randomUUID;
  const onError = options.onError ?? defaultOnError;
  const defaults = options.defaults ?? {};
  const instruments = createToilInstruments(options.meter, onError);

  const prepare = (input: LedgerEntryInput): ReturnType<typeof validateEntry> => {
    const at = input.at instanceof Date ? input.at.getTime() : (input.at ?? clock());
    return validateEntry({ ...input, id: input.id ?? generateId(), at }, { categories });
  };

  async function recordMany(inputs: readonly LedgerEntryInput[]): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    const issues = [];
    for (const [index, input] of inputs.entries()) {
      const result = prepare(input);
      if (result.ok) entries.push(result.entry);
      else
        for (const issue of result.issues) issues.push({ ...issue, path: [index, ...issue.path] });
    }
    if (issues.length > 0) throw NinesError.fromIssues(issues);
    await store.append(entries);
    for (const entry of entries) instruments.record(entry);
    return entries;
  }

  async function record(input: LedgerEntryInput): Promise<LedgerEntry> {
    const result = prepare(input);
    if (!result.ok) throw NinesError.fromIssues(result.issues);
    await store.append([result.entry]);
    instruments.record(result.entry);
    return result.entry;
  }

  async function track<T>(
    task: string,
    fn: (context: TrackContext) => T | PromiseLike<T>,
    trackOptions: TrackOptions = {},
  ): Promise<T> {
    let reported: number | undefined;
    const context: TrackContext = {
      task,
      handsOn(minutes) {
        reported = minutes;
      },
    };
    const start = clock();
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await fn(context) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const minutes = trackedMinutes(clock() - start, trackOptions, reported);
    const write =
      minutes === 0
        ? Promise.resolve(undefined)
        : record(trackedInput(task, start, minutes, trackOptions, defaults));
    if (outcome.ok) {
      await write;
      return outcome.value;
    }
    await write.catch(onError);
    throw outcome.error;
  }

  function read(): AsyncIterable<LedgerReadItem> {
    const items = store.read();
    if (categories === 'any') return items;
    const checked = mapAsync(items, categoryCheck(categories, store.name));
    if (!isSplittable(items)) return checked;
    // Parts read in other threads apply the same policy.
    const split = async (count: number): Promise<readonly LedgerPart[]> =>
      (await items[PARTS](count)).map((part) => ({ ...part, categories }));
    return Object.assign(checked, { [PARTS]: split });
  }

  return {
    store,
    record: record as ToilLedger['record'],
    recordMany,
    track,
    read,
    onError,
    defaults,
    clock,
  };
}
