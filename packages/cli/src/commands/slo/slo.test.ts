import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promtool } from '../../../../rules/test/promtool.js';
import { CliUsageError } from '../../command.js';
import { memoryIo } from '../../io.js';
import { budgetCommand } from './budget.js';
import { explainCommand } from './explain.js';
import { gateCommand } from './gate.js';
import { generateCommand } from './generate.js';
import { validateCommand } from './validate.js';

const SLOS = resolve(import.meta.dirname, '../../../../../examples/fleet/slos');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nines-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('nines validate', () => {
  it('accepts the example specs', async () => {
    const io = memoryIo({ cwd: SLOS });
    expect(await validateCommand.run(['pay.openslo.yaml', 'pay.sloth.yaml'], io)).toBe(0);
    expect(io.out()).toBe('ok: 3 objectives in 2 files\n');
  });

  it('reports every problem with file:line:column and exits 1', async () => {
    await writeFile(
      join(dir, 'bad.yaml'),
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 100\n    sli:\n      raw:\n        error_ratio_query: x\n',
    );
    const io = memoryIo({ cwd: dir });
    expect(await validateCommand.run(['bad.yaml'], io)).toBe(1);
    const lines = io.err().trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ problems? found$/);
    expect(lines[0]).toMatch(/^bad\.yaml:\d+:\d+: /);
    expect(io.err()).toContain('{{.window}}');
  });

  it('says which file cannot be read', async () => {
    const io = memoryIo({ cwd: dir });
    expect(await validateCommand.run(['missing.yaml'], io)).toBe(1);
    expect(io.err()).toContain('missing.yaml: cannot read: ENOENT');
  });

  it('rejects bad usage with a CliUsageError', async () => {
    await expect(validateCommand.run([], memoryIo())).rejects.toThrow(CliUsageError);
    await expect(validateCommand.run(['--format', 'xml', 'a.yaml'], memoryIo())).rejects.toThrow(
      /--format/,
    );
  });
});

describe('nines generate prometheus', () => {
  it('writes rules and promtool tests that promtool accepts and passes', async () => {
    const io = memoryIo({ cwd: dir });
    const code = await generateCommand.run(
      [
        'prometheus',
        join(SLOS, 'pay.openslo.yaml'),
        '-o',
        'rules.yaml',
        '--tests',
        '--metric-naming',
        'exporter',
      ],
      io,
    );
    expect(code).toBe(0);
    const rules = await readFile(join(dir, 'rules.yaml'), 'utf8');
    const tests = await readFile(join(dir, 'rules.test.yaml'), 'utf8');
    expect(rules).toContain('nines:slo_error_ratio:rate1h');
    const check = await promtool(['check', 'rules', 'rules.yaml'], { 'rules.yaml': rules });
    expect(check.output).toContain('SUCCESS');
    const run = await promtool(['test', 'rules', 'rules.test.yaml'], {
      'rules.yaml': rules,
      'rules.test.yaml': tests,
    });
    expect(run.output).toContain('SUCCESS');
    expect(io.err()).toContain('note: no promtool test for pay-latency: alerting is disabled');
  }, 120_000);

  it('writes a PrometheusRule with Sloth naming to stdout', async () => {
    const io = memoryIo({ cwd: SLOS });
    expect(
      await generateCommand.run(
        ['prometheus', 'pay.sloth.yaml', '--crd', '--naming', 'sloth', '--namespace', 'shop'],
        io,
      ),
    ).toBe(0);
    expect(io.out()).toMatch(/^apiVersion: monitoring.coreos.com\/v1\nkind: PrometheusRule\n/);
    expect(io.out()).toContain('record: slo:sli_error:ratio_rate30d');
    expect(io.out()).toContain('sloth_id: fleet-pay-availability');
  });

  it('rejects bad flags', async () => {
    await expect(
      generateCommand.run(['prometheus', 'a.yaml', '--naming', 'pyrra'], memoryIo()),
    ).rejects.toThrow(/--naming must be one of nines, sloth/);
    await expect(
      generateCommand.run(['prometheus', 'a.yaml', '--tests'], memoryIo()),
    ).rejects.toThrow(/--tests needs --output/);
    await expect(
      generateCommand.run(['prometheus', 'a.yaml', '--label', 'novalue'], memoryIo()),
    ).rejects.toThrow(/KEY=VALUE/);
    await expect(generateCommand.run(['helm', 'a.yaml'], memoryIo())).rejects.toThrow(
      /unknown command "helm"/,
    );
  });
});

describe('nines budget', () => {
  it('prints the budget, the nines table and the tiers for 99.9% / 30d (REFERENCE.md §1.8, WB-5 Table 5-8)', async () => {
    const io = memoryIo();
    expect(await budgetCommand.run(['--target', '99.9', '--window', '30d'], io)).toBe(0);
    const out = io.out();
    expect(out.split('\n')[0]).toBe(
      '99.9% over 30d (3 nines): error budget 0.1% = 43.2 min of downtime, or 1000 bad events out of 1000000',
    );
    expect(out).toMatch(/99\.9%\s+43\.2 min\s+10\.08 min\s+40\.32 min\s+2\.16 h\s+8\.76 h/);
    expect(out).toMatch(
      /page-fast\s+page\s+1h\/5m\s+14\.4\s+1\.44%\s+51\.84 s\s+5 min\s+2%\s+2\.083 d/,
    );
    expect(out).toMatch(/ticket-slow\s+ticket\s+3d\/6h\s+1\s+0\.1%/);
  });

  it('accepts a fraction, and JSON output keeps the exact target', async () => {
    const io = memoryIo();
    expect(
      await budgetCommand.run(['--target', '0.9995', '--window', '28d', '--format', 'json'], io),
    ).toBe(0);
    const json = JSON.parse(io.out()) as {
      target: { percent: number };
      allowedDowntimeMs: number;
      errorBudget: number;
    };
    expect(json.target.percent).toBe(99.95);
    expect(json.errorBudget).toBe(0.0005);
    expect(json.allowedDowntimeMs).toBe(1_209_600); // 20.16 min (REFERENCE.md §10 #3)
  });

  it('warns about tiers that can never fire (REFERENCE.md §2.6: 90% target)', async () => {
    const io = memoryIo();
    expect(await budgetCommand.run(['--target', '90', '--window', '30d'], io)).toBe(0);
    expect(io.err()).toMatch(/^warning: .*14\.4 × 0\.1 = 1\.44/m);
    expect(io.out()).toMatch(/page-fast .* never/);
  });

  it.each([
    [['--window', '30d'], /--target is required/],
    [['--target', '100', '--window', '30d'], /--target must be/],
    [['--target', 'abc', '--window', '30d'], /--target must be/],
    [['--target', '99.9', '--window', '1M'], /--window/],
    [['--target', '99.9'], /--window is required/],
    [['--target', '99.9', '--window', '30d', '--policy', 'nobl9'], /--policy must be one of/],
    [['--target', '99.9', '--window', '14d', '--policy', 'sloth'], /30d, 28d and 7d/],
  ])('rejects %j', async (args, message) => {
    await expect(budgetCommand.run(args, memoryIo())).rejects.toThrow(message);
  });
});

describe('nines explain', () => {
  it('explains each objective and alert in words and numbers', async () => {
    const io = memoryIo({ cwd: SLOS });
    expect(await explainCommand.run(['pay.openslo.yaml'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain(
      'pay-availability (service fleet): 99.9% of HTTP requests where http.route = "/pay" succeed',
    );
    expect(out).toContain('Error budget: 0.1% of events, i.e. 43.2 min of total outage per 30d.');
    expect(out).toContain(
      'page-fast (page): fires when at least 1.44% of events are bad over both the last 1 h and the last 5 min',
    );
    expect(out).toContain('A total outage trips it after 51.84 s.');
    expect(out).toContain(
      'pay-latency (service fleet): 99% of HTTP requests where http.route = "/pay" succeed within 0.25 s',
    );
    expect(out).toContain('No burn-rate alerts (alerting is off).');
  });
});

describe('nines gate', () => {
  let server: Server;
  let url: string;
  let remaining = '0.5';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/api/v1/query')) {
        const result = remaining === 'none' ? [] : [{ metric: {}, value: [1, remaining] }];
        res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
        return;
      }
      if (req.url === '/slo') {
        res.end(
          JSON.stringify({ objectives: [{ id: 'pay', budget: { remaining: Number(remaining) } }] }),
        );
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((r) =>
        server.close(() => {
          r();
        }),
      ),
  );

  it.each([
    ['0.5', 0, /^GO pay: /],
    ['0.1', 0, /^CAUTION pay: /],
    ['-0.125', 1, /^STOP pay: error budget exhausted: 112.5% consumed/],
    ['none', 0, /^CAUTION pay: no data/],
  ])('remaining %s from Prometheus exits %i', async (value, code, line) => {
    remaining = value;
    const io = memoryIo();
    expect(await gateCommand.run(['--prometheus', url, '--slo', 'pay'], io)).toBe(code);
    expect(io.out()).toMatch(line);
  });

  it('--strict stops on a warning', async () => {
    remaining = '0.1';
    expect(
      await gateCommand.run(['--prometheus', url, '--slo', 'pay', '--strict'], memoryIo()),
    ).toBe(1);
  });

  it('reads a service status endpoint', async () => {
    remaining = '-1';
    const io = memoryIo();
    expect(
      await gateCommand.run(['--status', `${url}/slo`, '--slo', 'pay', '--format', 'json'], io),
    ).toBe(1);
    expect(JSON.parse(io.out())).toMatchObject({
      stop: true,
      objectives: [{ slo: 'pay', decision: 'freeze' }],
    });
  });

  it('exits 3 when the source cannot be read', async () => {
    const io = memoryIo();
    expect(await gateCommand.run(['--status', `${url}/nothing`, '--slo', 'pay'], io)).toBe(3);
    expect(io.err()).toContain('answered HTTP 404');
  });

  it('rejects bad usage', async () => {
    await expect(gateCommand.run(['--slo', 'pay'], memoryIo())).rejects.toThrow(
      /exactly one of --prometheus/,
    );
    await expect(gateCommand.run(['--prometheus', url], memoryIo())).rejects.toThrow(/--slo/);
    await expect(
      gateCommand.run(['--prometheus', 'ftp://x', '--slo', 'a'], memoryIo()),
    ).rejects.toThrow(/http/);
    await expect(
      gateCommand.run(['--prometheus', url, '--slo', 'a', '--warn-below', '2'], memoryIo()),
    ).rejects.toThrow(/--warn-below/);
  });
});
