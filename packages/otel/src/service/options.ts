import type { AlertEvent, NinesIssue } from '@nines/core';
import type { InstrumentationHttpMode, NinesOptions } from './types.js';

/** Default of {@link NinesOptions.tickIntervalMs}. */
export const DEFAULT_TICK_INTERVAL_MS = 1000;
/** Default of {@link NinesOptions.evaluateIntervalMs}. */
export const DEFAULT_EVALUATE_INTERVAL_MS = 10_000;
/** Default of {@link NinesOptions.saveIntervalMs}. */
export const DEFAULT_SAVE_INTERVAL_MS = 60_000;
/** Largest delay `setInterval` accepts (2^31 − 1 ms, about 24.8 days). */
const MAX_INTERVAL_MS = 2 ** 31 - 1;

/** The service-layer options after validation. Internal. */
export interface ResolvedServiceOptions {
  readonly instrumentationHttp: InstrumentationHttpMode;
  readonly excludeRoutes: readonly (string | RegExp)[];
  readonly excludeFromMetrics: boolean;
  readonly onAlert: ((event: AlertEvent) => unknown) | undefined;
  readonly tickIntervalMs: number;
  readonly evaluateIntervalMs: number;
  readonly saveIntervalMs: number;
  readonly statePath: string | undefined;
  readonly clock: () => number;
  readonly manualTimers: boolean;
  readonly service: string | undefined;
}

/**
 * Validates the options the service layer adds to the recorder's; every problem is collected
 * (the caller throws them together with the recorder's and the objectives').
 *
 * @param options - what the user passed
 * @param issues - where problems are appended (`INVALID_ARGUMENT`, path = the option)
 * @returns the options with defaults filled in (defaults stand in for invalid values)
 */
export function resolveServiceOptions(
  options: NinesOptions,
  issues: NinesIssue[],
): ResolvedServiceOptions {
  const fail = (name: string, message: string): void => {
    issues.push({ code: 'INVALID_ARGUMENT', message, path: [name] });
  };
  const mode: unknown = options.instrumentationHttp ?? 'enrich';
  let instrumentationHttp: InstrumentationHttpMode = 'enrich';
  if (mode === 'enrich' || mode === 'record' || mode === 'ignore') instrumentationHttp = mode;
  else {
    fail(
      'instrumentationHttp',
      `instrumentationHttp ${JSON.stringify(mode)} is not "enrich", "record" or "ignore".`,
    );
  }
  const excludeGiven: unknown = options.excludeRoutes ?? [];
  let excludeRoutes: (string | RegExp)[] = [];
  if (!Array.isArray(excludeGiven)) {
    fail('excludeRoutes', 'excludeRoutes must be an array of route templates and RegExps.');
  } else {
    excludeRoutes = (excludeGiven as unknown[]).filter((one, i): one is string | RegExp => {
      if (typeof one === 'string' || one instanceof RegExp) return true;
      issues.push({
        code: 'INVALID_ARGUMENT',
        message: `excludeRoutes[${i}] is ${typeof one}; give a route template (string) or a RegExp.`,
        path: ['excludeRoutes', i],
      });
      return false;
    });
  }
  const interval = (name: keyof NinesOptions, fallback: number): number => {
    const value: unknown = options[name];
    if (value === undefined) return fallback;
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 1 &&
      value <= MAX_INTERVAL_MS
    )
      return value;
    fail(
      name,
      `${name} ${typeof value === 'number' ? String(value) : typeof value} is not an integer number of ms in [1, ${MAX_INTERVAL_MS}].`,
    );
    return fallback;
  };
  const tickIntervalMs = interval('tickIntervalMs', DEFAULT_TICK_INTERVAL_MS);
  const evaluateIntervalMs = interval('evaluateIntervalMs', DEFAULT_EVALUATE_INTERVAL_MS);
  const saveIntervalMs = interval('saveIntervalMs', DEFAULT_SAVE_INTERVAL_MS);
  const statePath: unknown = options.statePath;
  if (statePath !== undefined && (typeof statePath !== 'string' || statePath === '')) {
    fail('statePath', `statePath must be a non-empty file path, got ${typeof statePath}.`);
  }
  const clock: unknown = options.clock ?? Date.now;
  if (typeof clock !== 'function') fail('clock', 'clock must be a function returning epoch ms.');
  const onAlert: unknown = options.onAlert;
  if (onAlert !== undefined && typeof onAlert !== 'function') {
    fail('onAlert', 'onAlert must be a function receiving AlertEvents.');
  }
  const service: unknown = options.service;
  if (service !== undefined && (typeof service !== 'string' || service === '')) {
    fail('service', 'service must be a non-empty string.');
  }
  return {
    instrumentationHttp,
    excludeRoutes,
    excludeFromMetrics: options.excludeFromMetrics === true,
    onAlert:
      typeof onAlert === 'function' ? (onAlert as (event: AlertEvent) => unknown) : undefined,
    tickIntervalMs,
    evaluateIntervalMs,
    saveIntervalMs,
    statePath: typeof statePath === 'string' && statePath !== '' ? statePath : undefined,
    clock: typeof clock === 'function' ? (clock as () => number) : Date.now,
    manualTimers: options.manualTimers === true,
    service: typeof service === 'string' && service !== '' ? service : undefined,
  };
}
