/**
 * The two applications under test, identical in every configuration but for `setup`, which
 * adds the configuration's instrumentation before the route is registered. The frameworks are
 * imported lazily so that instrumentation-http can be registered before they are loaded.
 */
import type { Express } from 'express';
import type { FastifyInstance } from 'fastify';
import { ROUTE, user, type Started } from './common.js';

/**
 * Start an Express app on 127.0.0.1, port 0, with `GET /api/users/:id`.
 *
 * @param setup - adds middleware before the route
 * @returns the port and a close function
 */
export async function startExpress(setup: (app: Express) => void | Promise<void>): Promise<Started> {
  const { default: express } = await import('express');
  const app = express();
  await setup(app);
  app.get(ROUTE, (req, res) => {
    res.json(user(String(req.params['id'])));
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
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
