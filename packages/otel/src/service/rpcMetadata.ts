import { context, createContextKey } from '@opentelemetry/api';

/**
 * The context key `@opentelemetry/core` stores RPC metadata under (`setRPCMetadata`,
 * `getRPCMetadata`; JS packages/opentelemetry-core/src/trace/rpc-metadata.ts). `createContextKey`
 * is `Symbol.for(description)`, so this is the very same key without depending on
 * `@opentelemetry/core` (REFERENCE.md §5.7).
 */
export const RPC_METADATA_KEY: symbol = createContextKey(
  'OpenTelemetry SDK Context Key RPC_METADATA',
);

/**
 * What `@opentelemetry/instrumentation-http` puts on the context of every incoming request
 * (`{ type: RPCType.HTTP, span }`); framework layers set `route`, and instrumentation-http reads
 * it for `http.route` when the response closes.
 */
export interface HttpRpcMetadata {
  readonly type: 'http';
  route?: string;
  readonly span?: unknown;
}

/**
 * Reads instrumentation-http's metadata from the active context, as `getRPCMetadata(context.active())`
 * does. No allocation: one `AsyncLocalStorage` read (with a context manager) and one `Map.get`.
 *
 * @returns the metadata when instrumentation-http is handling the current request, else
 *   `undefined` (also when no context manager is registered)
 * @example
 * ```ts
 * const metadata = activeHttpRpcMetadata();
 * if (metadata !== undefined) metadata.route = '/users/:id';
 * ```
 */
export function activeHttpRpcMetadata(): HttpRpcMetadata | undefined {
  const value = context.active().getValue(RPC_METADATA_KEY);
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { type?: unknown }).type === 'http' ? (value as HttpRpcMetadata) : undefined;
}
