/** `server.address` and `server.port` of a request, from its Host (or HTTP/2 `:authority`) header. */
export interface ServerAddress {
  address: string | undefined;
  port: number | undefined;
}

/**
 * Reads `server.address` and `server.port` the way semconv wants them on the server side: from
 * the Host header (`:authority` under HTTP/2), the port defaulting to the scheme's (80, 443).
 * The values are client-chosen, which is why they are opt-in and capped by the recorder
 * (`serverAttributes`, `maxServers`). Writes into `into` rather than allocating a result.
 *
 * @param host - the Host header value, or `undefined`
 * @param scheme - `http` or `https`, for the default port
 * @param into - the object to fill
 * @example
 * ```ts
 * const into = { address: undefined, port: undefined };
 * readServerAddress('api.example.com:8443', 'https', into); // into = { address: 'api.example.com', port: 8443 }
 * readServerAddress('[::1]', 'http', into); // into = { address: '::1', port: 80 }
 * ```
 */
export function readServerAddress(
  host: string | undefined,
  scheme: string,
  into: ServerAddress,
): void {
  into.address = undefined;
  into.port = undefined;
  if (host === undefined || host === '') return;
  let address = host;
  let portText: string | undefined;
  if (host.charCodeAt(0) === 0x5b /* [ */) {
    const close = host.indexOf(']');
    if (close < 0) return;
    address = host.slice(1, close);
    if (host.charCodeAt(close + 1) === 0x3a /* : */) portText = host.slice(close + 2);
    else if (close + 1 !== host.length) return;
  } else {
    const colon = host.indexOf(':');
    if (colon >= 0) {
      if (host.indexOf(':', colon + 1) >= 0) return; // not a host[:port]
      address = host.slice(0, colon);
      portText = host.slice(colon + 1);
    }
  }
  if (address === '') return;
  let port: number | undefined;
  if (portText === undefined) {
    port = scheme === 'https' ? 443 : scheme === 'http' ? 80 : undefined;
  } else {
    if (!/^[0-9]{1,5}$/.test(portText)) return;
    port = Number(portText);
    if (port < 1 || port > 65535) return;
  }
  into.address = address;
  into.port = port;
}
