/**
 * The configurations of the HTTP overhead benchmark: per framework, the bare app, Nines and
 * its peers, each a server module under servers/ started as its own process.
 */
import { fileURLToPath } from 'node:url';

/** Framework under test. */
export type Framework = 'express' | 'fastify';

/**
 * What a configuration is, for the report: `reference` rows (a no-op middleware) show the floor
 * any instrumentation of that shape pays, and are not peers Nines must beat.
 */
export type Kind = 'bare' | 'nines' | 'peer' | 'reference';

/** One configuration. */
export interface Configuration {
  /** Short id, also the server module's file name (servers/<id>.ts). */
  readonly id: string;
  readonly framework: Framework;
  readonly kind: Kind;
  /** Row label in the report. */
  readonly label: string;
  /** Absolute path of the server module. */
  readonly file: string;
}

function config(id: string, framework: Framework, kind: Kind, label: string): Configuration {
  return {
    id,
    framework,
    kind,
    label,
    file: fileURLToPath(new URL(`./servers/${id}.ts`, import.meta.url)),
  };
}

/** Every configuration, bare first within each framework. */
export const CONFIGURATIONS: readonly Configuration[] = [
  config('express-bare', 'express', 'bare', 'express 5.3.0 bare'),
  config(
    'express-noop',
    'express',
    'reference',
    '+ one no-op middleware (the floor of any middleware)',
  ),
  config(
    'express-nines',
    'express',
    'nines',
    '+ @nines/express instrumentExpress(app) (producer export, objectives, Prometheus exporter)',
  ),
  config(
    'express-nines-middleware',
    'express',
    'nines',
    '+ @nines/express app.use(ninesExpress()) (same options)',
  ),
  config(
    'express-prom-bundle',
    'express',
    'peer',
    '+ express-prom-bundle 8.0.0 (includeMethod, includePath)',
  ),
  config(
    'express-otel',
    'express',
    'peer',
    '+ plain OTel middleware (histogram.record on finish, 5 attributes)',
  ),
  config(
    'express-instrumentation-http',
    'express',
    'peer',
    '+ @opentelemetry/instrumentation-http 0.223.0',
  ),
  config('fastify-bare', 'fastify', 'bare', 'fastify 5.12.8 bare'),
  config(
    'fastify-nines',
    'fastify',
    'nines',
    '+ @nines/fastify (producer export, objectives, Prometheus exporter)',
  ),
  config('fastify-metrics', 'fastify', 'peer', '+ fastify-metrics 13.2.1 (default metrics off)'),
  config('fastify-otel', 'fastify', 'peer', '+ plain OTel hook (onResponse, 5 attributes)'),
  config(
    'fastify-instrumentation-http',
    'fastify',
    'peer',
    '+ @opentelemetry/instrumentation-http 0.223.0',
  ),
];

/** Throughput targets of issue #4: Nines' share of bare req/s. */
export const TARGET_SHARE: Readonly<Record<Framework, number>> = { express: 0.97, fastify: 0.92 };
