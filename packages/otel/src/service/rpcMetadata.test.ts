import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { activeHttpRpcMetadata, RPC_METADATA_KEY } from './rpcMetadata.js';

afterEach(() => {
  context.disable();
});

describe('activeHttpRpcMetadata', () => {
  it('uses the key of @opentelemetry/core (Symbol.for, REFERENCE.md §5.7)', () => {
    expect(RPC_METADATA_KEY).toBe(Symbol.for('OpenTelemetry SDK Context Key RPC_METADATA'));
  });

  it('is undefined without a context manager (the API is a no-op then)', () => {
    expect(activeHttpRpcMetadata()).toBeUndefined();
  });

  it('finds http metadata on the active context, and only http metadata', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const http = { type: 'http', span: {} };
    expect(context.with(ROOT_CONTEXT.setValue(RPC_METADATA_KEY, http), activeHttpRpcMetadata)).toBe(
      http,
    );
    expect(
      context.with(
        ROOT_CONTEXT.setValue(RPC_METADATA_KEY, { type: 'grpc' }),
        activeHttpRpcMetadata,
      ),
    ).toBeUndefined();
    expect(
      context.with(ROOT_CONTEXT.setValue(RPC_METADATA_KEY, 'http'), activeHttpRpcMetadata),
    ).toBeUndefined();
    expect(activeHttpRpcMetadata()).toBeUndefined();
  });
});
