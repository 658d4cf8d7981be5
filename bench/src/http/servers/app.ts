/**
 * The two applications under test, identical in every configuration but for `setup`, which
 * adds the configuration's instrumentation before the route is registered. The frameworks are
 * imported lazily so that instrumentation-http can be registered before they are loaded.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ROUTE, user, type Started } from './common.js';

/** The slice of an Express 5 request the servers read (bench has no `@types/express`). */
export interface ExpressRequest extends IncomingMessage {
  readonly method: string;
  readonly protocol: string;
  readonly baseUrl: string;
  readonly route: { readonly path?: unknown } | undefined;
  readonly params: Readonly<Record<string, string | undefined>>;
}

/** The slice of an Express 5 response the servers use. */
export interface ExpressResponse extends ServerResponse {
  json(body: unknown): unknown;
}

/** An Express middleware or handler, loosely typed so peers' own typings fit. */
export type ExpressHandler = (
  req: ExpressRequest,
  res: ExpressResponse,
  next: (error?: unknown) => void,
) => void;

/** The slice of an Express 5 application the servers use. */
export interface ExpressApp {
  use(handler: unknown): unknown;
  get(path: string, handler: ExpressHandler): unknown;
  listen(port: number, host: string, callback: (error?: Error) => void): Server;
}

/**
 * Start an Express app on 127.0.0.1, port 0, with `GET /api/users/:id`.
 *
 * @param setup - adds middleware before the route
 * @returns the port and a close function
 */
export async function startExpress(
  setup: (app: ExpressApp) => void | Promise<void>,
): Promise<Started> {
  // A computed specifier: Express 5 ships no types and bench has no @types/express; the
  // slice above is all the servers need.
  const specifier = 'express';
  const { default: express } = (await import(specifier)) as { default: () => ExpressApp };
  const app = express();
  await setup(app);
  app.get(ROUTE, (req, res) => {
    res.json(user(req.params['id'] ?? ''));
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}

/**
 * Start a Fastify app on 127.0.0.1, port 0, with `GET /api/users/:id`.
 *
 * @param setup - registers plugins and hooks before the route
 * @returns the port and a close function
 */
export async function startFastify(
  setup: (app: FastifyInstance) => void | Promise<void>,
): Promise<Started> {
  const { default: fastify } = await import('fastify');
  const app = fastify({ logger: false });
  await setup(app);
  app.get<{ Params: { id: string } }>(ROUTE, (request) => user(request.params.id));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    server: app.server,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
