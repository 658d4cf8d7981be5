/**
 * One benchmark server as a child process: started with the orchestrator's own loader flags
 * (tsx, `--conditions=@nines/source`), port read from its first stdout line, then driven with
 * the line protocol of servers/common.ts.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { spawnPlaced, type Placement } from './placement.js';
import type { Verification } from './servers/common.js';
import type { DriveResult } from './servers/drive.js';

/** CPU time of the server process, µs (process.cpuUsage). */
export interface CpuTime {
  readonly user: number;
  readonly system: number;
}

type Reply =
  | { port: number }
  | { cpu: CpuTime }
  | { verify: Verification }
  | { drive: DriveResult }
  | { error: string };

const START_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 10_000;

/** A running server child. */
export class ServerChild {
  private readonly waiting: ((reply: Reply) => void)[] = [];
  private stderrTail = '';
  private exited = false;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly file: string,
  ) {
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    child.on('exit', () => {
      this.exited = true;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        return; // a stray log line from a library; the protocol lines are JSON
      }
      this.waiting.shift()?.(reply);
    });
  }

  /** The port the server listens on (127.0.0.1). */
  port = 0;

  /** Process id, for the report. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last 4000 characters the server wrote to stderr. */
  get stderr(): string {
    return this.stderrTail;
  }

  /**
   * Start `file` in a new Node process.
   *
   * @param file - server module path
   * @param nodeArgs - extra Node flags (e.g. `--cpu-prof`)
   * @param placement - priority and CPU of the server process
   * @returns the child, listening
   * @throws Error when it exits or does not report a port within 60 s
   */
  static async start(
    file: string,
    nodeArgs: readonly string[] = [],
    placement: Placement = {},
  ): Promise<ServerChild> {
    const child = spawnPlaced(
      process.execPath,
      [...process.execArgv, ...nodeArgs, file],
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
      placement,
    ) as ChildProcessWithoutNullStreams;
    const server = new ServerChild(child, file);
    const reply = await server.next(START_TIMEOUT_MS);
    if (!('port' in reply))
      throw new Error(`${file}: expected a port, got ${JSON.stringify(reply)}`);
    server.port = reply.port;
    return server;
  }

  private next(timeoutMs: number): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const onReply = (reply: Reply): void => {
        clearTimeout(timer);
        this.child.off('exit', onExit);
        resolve(reply);
      };
      const onExit = (code: number | null): void => {
        clearTimeout(timer);
        reject(new Error(`${this.file} exited (${String(code)}):\n${this.stderrTail}`));
      };
      const timer = setTimeout(() => {
        this.child.off('exit', onExit);
        const index = this.waiting.indexOf(onReply);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new Error(`${this.file}: no reply within ${timeoutMs} ms:\n${this.stderrTail}`));
      }, timeoutMs);
      this.waiting.push(onReply);
      this.child.once('exit', onExit);
    });
  }

  private async ask(command: string, timeoutMs = REPLY_TIMEOUT_MS): Promise<Reply> {
    const reply = this.next(timeoutMs);
    this.child.stdin.write(`${command}\n`);
    return reply;
  }

  /** @returns the server's CPU time so far */
  async cpu(): Promise<CpuTime> {
    const reply = await this.ask('cpu');
    if (!('cpu' in reply))
      throw new Error(`${this.file}: expected cpu, got ${JSON.stringify(reply)}`);
    return reply.cpu;
  }

  /** @returns what the server's instrumentation recorded */
  async verify(): Promise<Verification> {
    const reply = await this.ask('verify');
    if (!('verify' in reply))
      throw new Error(`${this.file}: expected verify, got ${JSON.stringify(reply)}`);
    return reply.verify;
  }

  /**
   * Load the server from inside its own process (servers/drive.ts).
   *
   * @param seconds - how long
   * @param connections - concurrent in-memory connections
   * @returns what the drive measured
   */
  async drive(seconds: number, connections: number): Promise<DriveResult> {
    const reply = await this.ask(
      `drive ${String(seconds)} ${String(connections)}`,
      REPLY_TIMEOUT_MS + seconds * 1000,
    );
    if (!('drive' in reply))
      throw new Error(`${this.file}: expected drive, got ${JSON.stringify(reply)}`);
    return reply.drive;
  }

  /** Ask the server to exit (writes a `--cpu-prof` profile); kill it after 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => {
      this.child.once('exit', () => {
        resolve();
      });
    });
    this.child.stdin.end('exit\n');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}
