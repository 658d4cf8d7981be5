import { ABSENT, OTHER } from './boundedValues.js';
import { VALUE_OTHER } from './semconv.js';

/** One `server.address` / `server.port` pair; `port` is `undefined` when not known. */
export interface ServerEntry {
  readonly address: string;
  readonly port: number | undefined;
}

const NO_PORT = -1;

/**
 * A capped table of (server.address, server.port) pairs, the opt-in attributes semconv warns
 * are header-derived and attacker-inflatable. Index 0 is absent, 1 is the overflow pair
 * (`server.address="_OTHER"`, no port), then the first `capacity` pairs seen. Lookups are two
 * `Map.get` calls and never allocate. Internal to the recorder.
 */
export class ServerTable {
  /** Number of indexes: `capacity + 2`. */
  readonly dimension: number;
  readonly #capacity: number;
  readonly #byAddress = new Map<string, Map<number, number>>();
  readonly #entries: (ServerEntry | undefined)[] = [
    undefined,
    { address: VALUE_OTHER, port: undefined },
  ];
  readonly #onOverflow: () => void;

  /**
   * @param capacity - distinct pairs to keep
   * @param onOverflow - called when a pair is refused
   */
  constructor(capacity: number, onOverflow: () => void) {
    this.#capacity = capacity;
    this.dimension = capacity + 2;
    this.#onOverflow = onOverflow;
  }

  /** Distinct pairs stored. */
  get size(): number {
    return this.#entries.length - 2;
  }

  /**
   * @param address - `server.address`, or `undefined`/empty when unknown (then the port is ignored)
   * @param port - `server.port`; anything but an integer in [0, 65535] counts as unknown
   * @returns the pair's index
   */
  indexOf(address: unknown, port: unknown): number {
    if (typeof address !== 'string' || address === '') return address == null ? ABSENT : OTHER;
    const portKey =
      typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535
        ? port
        : NO_PORT;
    let ports = this.#byAddress.get(address);
    const found = ports?.get(portKey);
    if (found !== undefined) return found;
    if (address === VALUE_OTHER) return OTHER;
    if (this.size >= this.#capacity) {
      this.#onOverflow();
      return OTHER;
    }
    if (ports === undefined) {
      ports = new Map();
      this.#byAddress.set(address, ports);
    }
    const index = this.#entries.length;
    this.#entries.push({ address, port: portKey === NO_PORT ? undefined : portKey });
    ports.set(portKey, index);
    return index;
  }

  /**
   * @param index - an index this table returned
   * @returns the pair, or `undefined` for absent
   */
  entryOf(index: number): ServerEntry | undefined {
    return this.#entries[index];
  }
}
