/**
 * Per-request cost of the plugin's hooks, measured two ways (not a test; run by hand):
 *
 *   npx tsx --conditions=@nines/source packages/fastify/test/overhead.ts [fastify4]
 *
 * 1. Micro: the `onRequest` + `onResponse` pair called directly on a real Fastify request and
 *    reply (captured from one finished request), 1,000,000 times per round, CPU time per pair.
 *    With a stub Nines (the adapter alone) and with real ones (`none`, `producer`, `api` export).
 * 2. End to end: servers (bare, two empty hooks, the plugin with a stub Nines, the plugin with
 *    and without abort tracking) in a child process; per round 40,000 pipelined GET requests
 *    over 8 keep-alive sockets to each, in alternating order; the child's own CPU time per
 *    request, median of the rounds. The difference to bare is what the plugin adds, including
 *    Fastify running its hooks.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createNines, type Nines } from '@nines/otel';
import Fastify5, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import Fastify4 from 'fastify4';
import { createHooks } from '../src/hooks.js';
import { createRouteReader } from '../src/routeTemplate.js';
import { fastifyNines } from '../src/plugin.js';
import { PullReader, listen, pipelined } from './harness.js';

const useV4 = process.argv.includes('fastify4');
const create = (): FastifyInstance =>
  useV4 ? (Fastify4({ logger: false }) as unknown as FastifyInstance) : Fastify5({ logger: false });

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function sign(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function capture(): Promise<{ request: FastifyRequest; reply: FastifyReply }> {
  const app = create();
  let captured: { request: FastifyRequest; reply: FastifyReply } | undefined;
  // The plugin's request decorations, so the request has its real shape.
  await app.register(fastifyNines, { manualTimers: true, export: 'none' });
  app.addHook('onResponse', (request, reply, done) => {
    captured = { request, reply };
    done();
  });
  app.get('/users/:id', () => ({ id: 1 }));
  const base = await listen(app);
  await (await fetch(`${base}/users/7`)).text();
  await app.close();
  if (captured === undefined) throw new Error('no request captured');
  return captured;
}

const stub: Nines = {
  requestStarted: () => 1,
  requestEnded: (): undefined => undefined,
  status: () => ({ service: undefined, at: 0, objectives: [] }),
  shutdown: () => Promise.resolve(),
} as unknown as Nines;

async function micro(): Promise<void> {
  const { request, reply } = await capture();
  const done = (): void => undefined;
  const variants: [string, () => Nines][] = [
    ['adapter alone (stub Nines)', () => stub],
    ['+ Nines export none', () => createNines({ manualTimers: true, export: 'none' })],
    ['+ Nines export producer', () => createNines({ manualTimers: true, export: 'producer' })],
    [
      '+ Nines export api (SDK MeterProvider)',
      () =>
        createNines({
          manualTimers: true,
          meterProvider: new MeterProvider({ readers: [new PullReader()] }),
        }),
    ],
  ];
  const N = 1_000_000;
  console.log(
    `micro: onRequest + onResponse on a real ${useV4 ? 'Fastify 4' : 'Fastify 5'} request`,
  );
  for (const [name, make] of variants) {
    const hooks = createHooks(make(), { aborts: true, serverAttributes: false, bodySizes: false });
    const rounds: number[] = [];
    for (let round = 0; round < 5; round++) {
      const start = cpuMicros();
      for (let i = 0; i < N; i++) {
        hooks.onRequest(request, reply, done);
        hooks.onResponse(request, reply, done);
      }
      rounds.push(((cpuMicros() - start) * 1000) / N);
    }
    console.log(
      `  ${name}: ${median(rounds.slice(1)).toFixed(0)} ns per request (median of 4 rounds after 1 warm-up)`,
    );
  }
  // What `request.routeOptions.url` costs on its own (Fastify builds an object per access),
  // and the reader the hooks use instead.
  let sink = 0;
  const routeOf = createRouteReader();
  let start = cpuMicros();
  for (let i = 0; i < N; i++) sink += routeOf(request)?.length ?? 0;
  console.log(
    `  of which the route read (createRouteReader): ${(((cpuMicros() - start) * 1000) / N).toFixed(0)} ns`,
  );
  start = cpuMicros();
  for (let i = 0; i < N; i++) sink += request.routeOptions.url?.length ?? 0;
  console.log(
    `  request.routeOptions.url instead: ${(((cpuMicros() - start) * 1000) / N).toFixed(0)} ns (${sink > 0 ? 'read' : 'empty'})`,
  );
}

type Variant = 'bare' | 'empty hooks' | 'plugin, stub Nines' | 'plugin, aborts off' | 'plugin';
const VARIANTS: Variant[] = [
  'bare',
  'empty hooks',
  'plugin, stub Nines',
  'plugin, aborts off',
  'plugin',
];

async function build(variant: Variant): Promise<FastifyInstance> {
  const app = create();
  if (variant === 'empty hooks') {
    // What Fastify itself charges for running two callback hooks.
    app.addHook('onRequest', (_request, _reply, done) => {
      done();
    });
    app.addHook('onResponse', (_request, _reply, done) => {
      done();
    });
  }
  if (variant === 'plugin, stub Nines') await app.register(fastifyNines, { nines: stub });
  if (variant === 'plugin, aborts off') {
    await app.register(fastifyNines, { manualTimers: true, export: 'producer', aborts: false });
  }
  if (variant === 'plugin') {
    await app.register(fastifyNines, { manualTimers: true, export: 'producer' });
  }
  app.get('/users/:id', () => ({ id: 1 }));
  return app;
}

/** Child process: the servers, reporting their own CPU time on request. */
async function serve(): Promise<void> {
  const bases: string[] = [];
  for (const variant of VARIANTS) bases.push(await listen(await build(variant)));
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.(cpuMicros());
    if (message === 'exit') process.exit(0);
  });
  process.send?.(bases);
}

async function endToEnd(): Promise<void> {
  const REQUESTS = 40_000;
  const ROUNDS = 15;
  const child = fork(fileURLToPath(import.meta.url), ['--server', ...process.argv.slice(2)], {
    execArgv: ['--import', 'tsx', '--conditions=@nines/source'],
  });
  const next = (): Promise<unknown> =>
    new Promise((resolve) => {
      child.once('message', resolve);
    });
  const bases = (await next()) as string[];
  const serverCpu = async (): Promise<number> => {
    const reply = next();
    child.send('cpu');
    return (await reply) as number;
  };
  const requests = Array.from({ length: REQUESTS }, (_, i) => ['GET', `/users/${i}`] as const);
  const cost = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order every round so drift hits every variant alike.
    const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      const base = bases[VARIANTS.indexOf(variant)] ?? '';
      const start = await serverCpu();
      await pipelined(base, requests);
      cost.get(variant)?.push(((await serverCpu()) - start) / REQUESTS);
    }
  }
  child.send('exit');
  const bare = median(cost.get('bare')?.slice(1) ?? []);
  const bareMin = Math.min(...(cost.get('bare')?.slice(1) ?? []));
  console.log(
    `end to end (${useV4 ? 'Fastify 4' : 'Fastify 5'}; server in its own process, ${REQUESTS} pipelined GETs over 8 sockets per round, ${ROUNDS} rounds alternating, first dropped; server CPU µs per request):`,
  );
  for (const variant of VARIANTS) {
    const rounds = cost.get(variant) ?? [];
    const m = median(rounds.slice(1));
    const low = Math.min(...rounds.slice(1));
    // On a shared machine the minimum is the least disturbed round; both are shown.
    console.log(
      `  ${variant.padEnd(20)} median ${m.toFixed(2)} µs (${sign(m - bare)} vs bare), min ${low.toFixed(2)} µs (${sign(low - bareMin)})  rounds: ${rounds.map((x) => x.toFixed(1)).join(' ')}`,
    );
  }
}

if (process.argv.includes('--server')) {
  await serve();
} else {
  await micro();
  if (!process.argv.includes('--micro')) await endToEnd();
}
