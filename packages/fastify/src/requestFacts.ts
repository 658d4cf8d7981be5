/*
 * Small parsers for the opt-in attributes. Internal: the hooks call them only when
 * `serverAttributes` or `bodySizes` is on.
 */

/**
 * The host of an authority (`Host`, `:authority` or `X-Forwarded-Host` value), without the
 * port; IPv6 literals keep their brackets, as `server.address` wants them written.
 *
 * @param authority - e.g. `api.example.com:8443`, `[::1]:3000`, or `undefined`
 * @returns the host, or `undefined` when there is none
 * @example
 * ```ts
 * authorityHost('[::1]:3000'); // '[::1]'
 * ```
 */
export function authorityHost(authority: string | undefined): string | undefined {
  if (authority === undefined || authority === '') return undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    return close < 0 ? undefined : authority.slice(0, close + 1);
  }
  const colon = authority.indexOf(':');
  const host = colon < 0 ? authority : authority.slice(0, colon);
  return host === '' ? undefined : host;
}

/**
 * The port of an authority, when it names one.
 *
 * @param authority - e.g. `api.example.com:8443`
 * @returns the port in 1..65535, or `undefined` when absent or not a port
 * @example
 * ```ts
 * authorityPort('api.example.com:8443'); // 8443
 * authorityPort('api.example.com'); // undefined
 * ```
 */
export function authorityPort(authority: string | undefined): number | undefined {
  if (authority === undefined) return undefined;
  const close = authority.startsWith('[') ? authority.indexOf(']') : -1;
  const colon = authority.indexOf(':', close + 1);
  if (colon < 0) return undefined;
  const text = authority.slice(colon + 1);
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/**
 * A `content-length` value as a byte count.
 *
 * @param value - the header as Node gives it (string, number, array or undefined)
 * @returns the length, or `undefined` when absent or not a plain non-negative integer
 * @example
 * ```ts
 * contentLength('512'); // 512
 * contentLength(undefined); // undefined (chunked, or no body)
 * ```
 */
export function contentLength(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  }
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
