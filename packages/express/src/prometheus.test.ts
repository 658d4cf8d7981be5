import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { createNines } from '@nines/otel';
import { EXPRESS_VERSIONS, listen, watch, type Listening } from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

/*
 * REFERENCE.md §11.1 #22 and §5.6: what a Prometheus scrape of an Express app sees. The JS
 * Prometheus exporter writes `http_server_request_duration_*` with the unit in `# UNIT` only;
 * the OTLP path (Collector exporter, Prometheus OTLP ingestion) appends the unit, giving
 * `http_server_request_duration_seconds_*` from the same instrument (name
 * `http.server.request.duration`, unit `s`). That translation happens outside the process; here
 * the exporter's exposition is asserted, with the name and unit the other variant is made from.
 */

const prometheus = { PrometheusExporter };

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

/** Parses `name{a="b",...} value` lines into name, labels and value. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const out = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)/.exec(line);
    if (match === null) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] ?? ''] = pair[2] ?? '';
    }
    out.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return out;
}

describe.each(EXPRESS_VERSIONS)('Prometheus exposition on $name (#22)', ({ express }) => {
  it('exposes the duration with the route template as http_route, /metrics excluded', async () => {
    const exporter = new prometheus.PrometheusExporter({ preventServerStart: true });
    const provider = new MeterProvider({ readers: [exporter] });
    const nines = watch(
      createNines({
        meterProvider: provider,
        excludeRoutes: ['/metrics'],
        excludeFromMetrics: true,
      }),
    );
    const app = express();
    app.use(ninesExpress(nines));
    const users = express.Router();
    users.get('/:id', (_req, res) => {
      res.send('user');
    });
    app.use('/api/users', users);
    app.get('/metrics', (req, res) => {
      exporter.getMetricsRequestHandler(req, res);
    });
    const server = await listen(app);
    running.push(server);
    for (let i = 0; i < 4; i++) await fetch(`${server.url}/api/users/${i}`).then((r) => r.text());
    await nines.recorded(4);
    const text = await fetch(`${server.url}/metrics`).then((r) => r.text());

    expect(text).toContain('# TYPE http_server_request_duration histogram');
    expect(text).toContain('# UNIT http_server_request_duration s');
    const found = samples(text).filter((one) =>
      one.name.startsWith('http_server_request_duration'),
    );
    const count = found.filter((one) => one.name === 'http_server_request_duration_count');
    expect(count.map(({ labels, value }) => ({ ...labels, value }))).toEqual([
      {
        http_request_method: 'GET',
        url_scheme: 'http',
        http_route: '/api/users/:id',
        http_response_status_code: '200',
        network_protocol_version: '1.1',
        otel_scope_name: '@nines/otel',
        otel_scope_version: expect.any(String) as string,
        value: 4,
      },
    ]);
    const buckets = found.filter((one) => one.name === 'http_server_request_duration_bucket');
    expect(buckets.map((one) => one.labels.le)).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.075',
      '0.1',
      '0.25',
      '0.5',
      '0.75',
      '1',
      '2.5',
      '5',
      '7.5',
      '10',
      '+Inf',
    ]);
    expect(buckets.at(-1)?.value).toBe(4);
    await exporter.shutdown();
  });
});
