import type { Attributes } from '@opentelemetry/api';
import { NinesError, type Objective } from '@nines/core';
import { compileMatchers, type AttributePredicate } from './matchers.js';

/**
 * Where good and bad events go: the structural part of `@nines/core`'s evaluator handle
 * (`evaluator.handle(objectiveId)`), so any counter with these two methods can be fed.
 */
export interface SliHandle {
  /** One good event. */
  good(): void;
  /** One bad event. */
  bad(): void;
}

/** An availability feed: bad when the request failed (5xx or `error.type` set), else good. */
export interface AvailabilityFeed {
  readonly kind: 'availability';
  readonly handle: SliHandle;
}

/**
 * A latency feed: good when the request did not fail and took at most `threshold` seconds
 * (inclusive, Prometheus `le` semantics; REFERENCE.md §1.7). In-process the duration is compared
 * directly, so the count is exact even off a bucket boundary; the fleet path needs the threshold
 * on a boundary.
 */
export interface LatencyFeed {
  readonly kind: 'latency';
  /** Seconds. */
  readonly threshold: number;
  readonly handle: SliHandle;
}

/** One way a series feeds an SLI. */
export type SeriesFeed = AvailabilityFeed | LatencyFeed;

/**
 * Decides, once per series, which SLIs that series feeds. The recorder calls
 * {@link SeriesListener.bindSeries} when a series first appears (and for every existing series
 * when the listener is added), keeps the feeds on the series record, and from then on only calls
 * `good()`/`bad()` per request: objective matching never runs on the request path.
 */
export interface SeriesListener {
  /**
   * @param attributes - the series' frozen attributes, exactly as exported (the overflow series
   *   carries only `otel.metric.overflow=true`)
   * @returns the feeds for this series; empty when it feeds nothing
   */
  bindSeries(attributes: Readonly<Attributes>): readonly SeriesFeed[];
}

/** Anything that hands out a handle per objective id, such as `@nines/core`'s evaluator. */
export interface SliHandleSource {
  /**
   * @param objectiveId - an objective's id
   * @returns the handle counting that objective's events
   */
  handle(objectiveId: string): SliHandle;
}

/**
 * Builds the listener that feeds HTTP objectives (`http-availability`, `http-latency`) from
 * matching series. Matchers are compiled and handles fetched here, once; objectives of other
 * SLI kinds are ignored (custom events are recorded by application code).
 *
 * @param objectives - objectives from `defineObjective`
 * @param source - gives the handle per objective id (the evaluator)
 * @returns a listener to pass to `createHttpMetrics({ listeners })` or `addListener`
 * @throws NinesError `INVALID_SLI` when a matcher regex does not compile or a latency threshold
 *   is not a finite number of seconds ≥ 0
 * @example
 * ```ts
 * const listener = createObjectiveListener(objectives, evaluator);
 * const metrics = createHttpMetrics({ listeners: [listener] });
 * ```
 */
export function createObjectiveListener(
  objectives: readonly Objective[],
  source: SliHandleSource,
): SeriesListener {
  const bindings: { matches: AttributePredicate; feed: SeriesFeed }[] = [];
  for (const [i, objective] of objectives.entries()) {
    const { sli } = objective;
    if (sli.kind !== 'http-availability' && sli.kind !== 'http-latency') continue;
    const matches = compileMatchers(sli.matchers, ['objectives', i, 'sli', 'matchers']);
    const handle = source.handle(objective.id);
    if (sli.kind === 'http-availability') {
      bindings.push({ matches, feed: { kind: 'availability', handle } });
    } else {
      if (!Number.isFinite(sli.threshold) || sli.threshold < 0) {
        throw new NinesError(
          'INVALID_SLI',
          `Latency threshold ${String(sli.threshold)} of objective "${objective.id}" is not a finite number of seconds ≥ 0.`,
          { path: ['objectives', i, 'sli', 'threshold'] },
        );
      }
      bindings.push({ matches, feed: { kind: 'latency', threshold: sli.threshold, handle } });
    }
  }
  return {
    bindSeries(attributes) {
      const feeds: SeriesFeed[] = [];
      for (const { matches, feed } of bindings) if (matches(attributes)) feeds.push(feed);
      return feeds;
    },
  };
}
