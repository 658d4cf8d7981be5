import { NinesError } from '@nines/core';

/** Where `nines gate` reads an objective's error budget from. */
export type BudgetSource =
  | {
      readonly kind: 'prometheus';
      /** Base URL of a Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir). */
      readonly url: string;
      /** Record names of the rules: `nines` (default) or `sloth`. */
      readonly naming?: 'nines' | 'sloth';
    }
  | {
      readonly kind: 'status';
      /** A service's status endpoint (the JSON that `@nines/otel` serves, e.g. `/slo`). */
      readonly url: string;
    };

/** The budget of one objective as read from a source. */
export interface BudgetReading {
  readonly objective: string;
  /** Remaining share of the error budget (negative when overspent), or `null` for no data. */
  readonly remaining: number | null;
  /** Where the figure came from, for the one-line reason. */
  readonly from: string;
}

type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

function promqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

async function getJson(fetcher: FetchLike, url: string, timeoutMs: number): Promise<unknown> {
  let response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new NinesError(
      'INVALID_CLI_ARGUMENT',
      `cannot reach ${url}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!response.ok)
    throw new NinesError('INVALID_CLI_ARGUMENT', `${url} answered HTTP ${response.status}`);
  try {
    return await response.json();
  } catch (error) {
    throw new NinesError('INVALID_CLI_ARGUMENT', `${url} did not return JSON`, { cause: error });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Read the remaining error budget of one objective: from Prometheus, the
 * `nines:slo_error_budget_remaining:ratio` series of the rules `@nines/rules` generates (or
 * Sloth's `slo:period_error_budget_remaining:ratio`); from a status endpoint, the objective's
 * `budget.remaining`. Several series (per-route grouping) give the lowest.
 *
 * @param source - Prometheus API or status endpoint
 * @param objective - the objective id (`nines_slo` / `sloth_id` label)
 * @param options - `fetch` to use and a timeout
 * @returns the reading; `remaining` is `null` when the source has no data for it
 * @throws NinesError `INVALID_CLI_ARGUMENT` when the source cannot be reached or answers badly
 */
export async function readBudget(
  source: BudgetSource,
  objective: string,
  options: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<BudgetReading> {
  const fetcher: FetchLike = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (source.kind === 'prometheus') {
    const slothNaming = source.naming === 'sloth';
    const metric = slothNaming
      ? 'slo:period_error_budget_remaining:ratio'
      : 'nines:slo_error_budget_remaining:ratio';
    const label = slothNaming ? 'sloth_id' : 'nines_slo';
    const expr = `min(${metric}{${label}=${promqlString(objective)}})`;
    const url = `${source.url.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(expr)}`;
    const body = await getJson(fetcher, url, timeoutMs);
    const data = isRecord(body) && isRecord(body.data) ? body.data : undefined;
    const result = Array.isArray(data?.result) ? (data.result as unknown[]) : undefined;
    if (!isRecord(body) || body.status !== 'success' || result === undefined) {
      throw new NinesError(
        'INVALID_CLI_ARGUMENT',
        `${source.url} did not answer like a Prometheus query API`,
      );
    }
    const first = result[0];
    const value =
      isRecord(first) && Array.isArray(first.value) ? Number(first.value[1]) : Number.NaN;
    return {
      objective,
      remaining: Number.isFinite(value) ? value : null,
      from: `${metric} at ${source.url}`,
    };
  }
  const body = await getJson(fetcher, source.url, timeoutMs);
  const list =
    isRecord(body) && Array.isArray(body.objectives) ? (body.objectives as unknown[]) : undefined;
  if (list === undefined) {
    throw new NinesError(
      'INVALID_CLI_ARGUMENT',
      `${source.url} is not a Nines status endpoint (no "objectives" list)`,
    );
  }
  const entry = list.find((o) => isRecord(o) && o.id === objective);
  if (entry === undefined) {
    throw new NinesError('UNKNOWN_OBJECTIVE', `${source.url} has no objective "${objective}"`);
  }
  const budget = isRecord(entry) && isRecord(entry.budget) ? entry.budget : undefined;
  const remaining = typeof budget?.remaining === 'number' ? budget.remaining : null;
  return { objective, remaining, from: source.url };
}
