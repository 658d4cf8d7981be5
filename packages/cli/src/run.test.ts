import { describe, expect, it } from 'vitest';
import { CliUsageError, EXIT } from './command.js';
import type { Command } from './command.js';
import { memoryIo } from './io.js';
import { run } from './run.js';
import { VERSION } from './version.js';

describe('run', () => {
  it('prints the command list for --help, and for no command on stderr with exit 2', async () => {
    const io = memoryIo();
    expect(await run(['--help'], io)).toBe(EXIT.ok);
    expect(io.out()).toContain('Usage: nines <command> [options]');
    expect(io.out()).toContain('  toil      toil ledger');
    expect(io.out()).toContain(
      '  gate      release gate: exit 1 when an objective has spent its error budget',
    );
    const bare = memoryIo();
    expect(await run([], bare)).toBe(EXIT.usage);
    expect(bare.out()).toBe('');
    expect(bare.err()).toContain('Usage: nines <command> [options]');
  });

  it('prints the version', async () => {
    const io = memoryIo();
    expect(await run(['--version'], io)).toBe(EXIT.ok);
    expect(io.out()).toBe(`${VERSION}\n`);
  });

  it('"help toil log" is "toil log --help"', async () => {
    const a = memoryIo();
    const b = memoryIo();
    expect(await run(['help', 'toil', 'log'], a)).toBe(EXIT.ok);
    expect(await run(['toil', 'log', '--help'], b)).toBe(EXIT.ok);
    expect(a.out()).toBe(b.out());
    expect(a.out()).toContain('Usage: nines toil log');
  });

  it('reports an unknown command as a usage error', async () => {
    const io = memoryIo();
    expect(await run(['frobnicate'], io)).toBe(EXIT.usage);
    expect(io.err()).toBe(
      'nines: unknown command "frobnicate"; expected one of validate, generate, budget, explain, gate, toil\nRun "nines --help" for usage.\n',
    );
  });

  it('dispatches through a command table, mapping errors to exit codes', async () => {
    const table: Command[] = [
      {
        name: 'ok',
        summary: 'fine',
        run: (args, io) => (io.stdout.write(args.join(',')), Promise.resolve(0)),
      },
      {
        name: 'usage',
        summary: 'bad',
        run: () => Promise.reject(new CliUsageError('usage', 'no')),
      },
      { name: 'boom', summary: 'bug', run: () => Promise.reject(new Error('kaput')) },
    ];
    const io = memoryIo();
    expect(await run(['ok', 'a', 'b'], io, table)).toBe(0);
    expect(io.out()).toBe('a,b');
    expect(await run(['usage'], io, table)).toBe(EXIT.usage);
    expect(io.err()).toBe('nines usage: no\nRun "nines usage --help" for usage.\n');
    const failure = memoryIo();
    expect(await run(['boom'], failure, table)).toBe(EXIT.failure);
    expect(failure.err()).toBe('nines: kaput\n');
  });
});
