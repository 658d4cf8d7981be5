/**
 * Instrumentation scope of everything @nines/otel exports: the meter name and version of the API
 * path and the scope of the producer path, identical so both paths yield the same data.
 * The version is kept equal to package.json by a test (reading JSON at runtime would not work in
 * both the ESM and CJS builds).
 */
export const SCOPE_NAME = '@nines/otel';
/** Package version, see {@link SCOPE_NAME}. */
export const SCOPE_VERSION = '0.1.0';
