import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { diag } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDiag } from '../../test/diag.js';
import { DiagOnce } from '../diagnostics.js';
import { createNines } from './createNines.js';
import { serveJson } from './statusHandler.js';
import type { Nines, RequestEnd } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
let now = T0;
let server: Server | undefined;
let nines: Nines | undefined;

afterEach(async () => {
  diag.disable();
  await nines?.shutdown();
  await new Promise<void>((resolve) => {
    if (server === undefined) resolve();
    else
      server.close(() => {
        resolve();
      });
  });
  server = undefined;
  now = T0;
});

async function serve(service: Nines): Promise<string> {
  nines = service;
  server = createServer((req, res) => {
    service.statusHandler(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/slo`;
}

function service(options: Parameters<typeof createNines>[0] = {}): Nines {
  return createNines({
    manualTimers: true,
    clock: () => now,
    objectives: [
      {
        id: 'api',
        service: 'shop',
        target: 0.9,
        window: '1h',
        sli: { kind: 'http-availability', matchers: [] },
      },
    ],
    ...options,
  });
}

function traffic(one: Nines): void {
  const end: RequestEnd = {
    route: '/',
    method: 'GET',
    status: 200,
    error: undefined,
    failure: undefined,
    scheme: 'http',
    httpVersion: '1.1',
  };
  for (const status of [200, 200, 200, 500]) {
    end.status = status;
    one.requestEnded(one.requestStarted('GET', 'http'), end);
  }
  now += 1000;
}

describe('statusHandler over a real node:http server', () => {
  it('GET: the status JSON, no-store, with what `nines gate --status` reads', async () => {
    const one = service();
    traffic(one);
    const url = await serve(one);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      service: string;
      at: number;
      objectives: { id: string; budget: { remaining: number } }[];
    };
    // packages/cli/src/commands/slo/readBudget.ts reads objectives[].id and budget.remaining.
    // Budget: error ratio 1/4 over a 10% budget = 2.5 consumed, so −1.5 remaining.
    expect(body).toMatchObject({
      service: 'shop',
      at: T0 + 1000,
      objectives: [{ id: 'api', budget: { remaining: -1.5 } }],
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(one.status())));
  });

  it('HEAD: the same headers, no body', async () => {
    const one = service();
    const url = await serve(one);
    const get = await fetch(url);
    const getBody = await get.text();
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(getBody)));
    expect(head.headers.get('cache-control')).toBe('no-store');
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('%s: 405 with allow: GET, HEAD', async (method) => {
    const url = await serve(service());
    const response = await fetch(url, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'method not allowed: use GET or HEAD' });
  });

  it('without objectives: an empty list', async () => {
    const url = await serve(createNines({ manualTimers: true, clock: () => now }));
    expect(await (await fetch(url)).json()).toEqual({ at: T0, objectives: [] });
  });

  it('edge case: a clock gone bad leaves the endpoint answering (no figures), reported once', async () => {
    const lines = captureDiag();
    let clock = T0;
    const one = service({ clock: () => clock });
    const url = await serve(one);
    clock = Number.NaN;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { objectives: unknown[] }).objectives).toEqual([]);
    expect(lines.filter((line) => line.includes('evaluating the objectives failed'))).toHaveLength(
      1,
    );
  });

  it('edge case: a payload that throws answers 500, is reported once, and the server goes on', async () => {
    const lines = captureDiag();
    const diagOnce = new DiagOnce();
    let fail = true;
    server = createServer((req, res) => {
      serveJson(
        req,
        res,
        () => {
          if (fail) throw new Error('payload broke');
          return { ok: true };
        },
        diagOnce,
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
    for (let i = 0; i < 2; i++) {
      const response = await fetch(url);
      expect(response.status).toBe(500);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: 'SLO status unavailable' });
    }
    expect(lines.filter((line) => line.includes('serving the SLO status failed'))).toHaveLength(1);
    fail = false;
    expect(await (await fetch(url)).json()).toEqual({ ok: true });
  });
});
