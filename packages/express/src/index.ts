/**
 * @nines/express: Express 4 and 5 instrumentation: OpenTelemetry HTTP metrics and in-process
 * SLOs, as a middleware (`app.use(ninesExpress())`) or at the app's entry
 * (`instrumentExpress(app)`, no middleware, the cheaper).
 *
 * @packageDocumentation
 */
export { ninesExpress, ninesStatus } from './ninesExpress.js';
export type { NinesMiddleware, NodeMiddleware } from './ninesExpress.js';
export { instrumentExpress } from './instrumentExpress.js';
export type { ExpressAdapterOptions, ExpressNinesOptions } from './setup.js';
