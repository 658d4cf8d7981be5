/**
 * @nines/express: Express 4 and 5 middleware: OpenTelemetry HTTP metrics and in-process SLOs.
 *
 * @packageDocumentation
 */
export { ninesExpress, ninesStatus } from './ninesExpress.js';
export type {
  ExpressAdapterOptions,
  ExpressNinesOptions,
  NinesMiddleware,
  NodeMiddleware,
} from './ninesExpress.js';
