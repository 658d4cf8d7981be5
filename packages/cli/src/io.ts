import process from 'node:process';

/** Somewhere text goes: `process.stdout`, `process.stderr`, or a buffer in tests. */
export interface CliOutput {
  /** Write text as is (add your own newlines). */
  write(text: string): unknown;
}

/**
 * Everything a command touches outside its arguments, so tests can run `run([...], io)` in
 * process with captured output, a fixed clock, a temporary directory and a clean environment.
 */
export interface CliIo {
  /** Results. */
  readonly stdout: CliOutput;
  /** Problems and notes, one line each. */
  readonly stderr: CliOutput;
  /** Directory relative paths start from. */
  readonly cwd: string;
  /** Environment variables (e.g. `NINES_TOIL_LEDGER`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Now, epoch milliseconds. */
  readonly now: () => number;
  /** Standard input, for commands that read `-`. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
}

/**
 * The real process: its streams, working directory, environment and clock.
 *
 * @returns io bound to `process`
 * @example
 * ```ts
 * process.exitCode = await run(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    now: Date.now,
    stdin: process.stdin,
  };
}

/** {@link CliIo} that keeps what was written, for tests. */
export interface MemoryIo extends CliIo {
  /** Everything written to stdout so far. */
  readonly out: () => string;
  /** Everything written to stderr so far. */
  readonly err: () => string;
}

/** Options for {@link memoryIo}. */
export interface MemoryIoOptions {
  /** Working directory (default `process.cwd()`). */
  readonly cwd?: string;
  /** Environment (default empty: tests do not see the real one). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Fixed or moving clock (default `Date.now`). */
  readonly now?: () => number;
  /** Text on standard input (default none). */
  readonly stdin?: string;
}

/**
 * In-memory io for tests: output is captured, the environment is empty unless given.
 *
 * @param options - cwd, env, clock and stdin
 * @returns the io, with `out()` and `err()` to read what was written
 * @example
 * ```ts
 * const io = memoryIo({ cwd: tmp });
 * const code = await run(['toil', 'report'], io);
 * console.log(code, io.out(), io.err());
 * ```
 */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let out = '';
  let err = '';
  const input = options.stdin ?? '';
  return {
    stdout: {
      write: (text: string) => {
        out += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        err += text;
        return true;
      },
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    now: options.now ?? Date.now,
    stdin: {
      [Symbol.asyncIterator]: () => {
        let done = input === '';
        return {
          next: () => {
            const result: IteratorResult<string> = done
              ? { value: undefined, done: true }
              : { value: input, done: false };
            done = true;
            return Promise.resolve(result);
          },
        };
      },
    },
    out: () => out,
    err: () => err,
  };
}
