import { VALUE_OTHER } from './semconv.js';

/** Index of "no value" (attribute omitted). */
export const ABSENT = 0;
/** Index of the `_OTHER` catch-all (cap reached, or a value that is not a non-empty string). */
export const OTHER = 1;

/**
 * A capped string-to-index table for one attribute dimension. Index 0 means absent, index 1 is
 * `_OTHER`, and the first `capacity` distinct values get 2, 3, ...; later values share `_OTHER`
 * and are never stored, so memory does not grow with whatever a client sends. Lookups never
 * allocate. Internal to the recorder.
 */
export class BoundedValues {
  /** Number of indexes this dimension can produce: `capacity + 2`. */
  readonly dimension: number;
  readonly #capacity: number;
  readonly #index = new Map<string, number>([[VALUE_OTHER, OTHER]]);
  readonly #values: (string | undefined)[] = [undefined, VALUE_OTHER];
  readonly #onOverflow: () => void;

  /**
   * @param capacity - how many distinct values to keep, presets included
   * @param presets - values to register up front; `[alias, value]` pairs map an alias to a value
   * @param onOverflow - called (by the caller's once-per-kind logic) when a value is refused
   */
  constructor(
    capacity: number,
    presets: readonly (string | readonly [string, string])[],
    onOverflow: () => void,
  ) {
    this.#capacity = capacity;
    this.dimension = capacity + 2;
    this.#onOverflow = onOverflow;
    for (const preset of presets) {
      if (typeof preset === 'string') this.#add(preset);
      else this.#index.set(preset[0], this.#add(preset[1]));
    }
  }

  /** Distinct values stored (presets included, `_OTHER` not). */
  get size(): number {
    return this.#values.length - 2;
  }

  /**
   * @param value - the raw attribute value, or `undefined` when absent
   * @returns the index; {@link ABSENT} for `undefined`, {@link OTHER} past the cap or for a
   *   value that is not a non-empty string
   */
  indexOf(value: unknown): number {
    if (value === undefined) return ABSENT;
    if (typeof value !== 'string') return OTHER;
    const index = this.#index.get(value);
    if (index !== undefined) return index;
    if (value === '') return OTHER;
    if (this.size >= this.#capacity) {
      this.#onOverflow();
      return OTHER;
    }
    return this.#add(value);
  }

  /**
   * @param index - an index this table returned
   * @returns the attribute value, or `undefined` for {@link ABSENT}
   */
  valueOf(index: number): string | undefined {
    return this.#values[index];
  }

  #add(value: string): number {
    const existing = this.#index.get(value);
    if (existing !== undefined) return existing;
    const index = this.#values.length;
    this.#values.push(value);
    this.#index.set(value, index);
    return index;
  }
}
