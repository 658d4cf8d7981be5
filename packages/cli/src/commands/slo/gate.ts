import { releaseDecision, type ErrorBudgetPolicy } from '@nines/core';
import { CliUsageError, EXIT, parseFlags, wantsHelp, type Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { readBudget, type BudgetSource } from './readBudget.js';

const COMMAND = 'gate';

const HELP = `Usage: nines gate (--prometheus URL | --status URL) --slo ID [options]

Release gate for CI/CD pipelines: read each objective's remaining error budget and exit
non-zero when the error-budget policy says stop, printing one line per objective with the
reason.

Sources:
  --prometheus URL   a Prometheus-compatible API (Prometheus, Thanos, Mimir) with the rules
                     "nines generate prometheus" writes
  --naming MODE      nines (default) or sloth: which record names the rules use
  --status URL       a service's Nines status endpoint (JSON), e.g. http://svc:3000/slo

Options:
  --slo ID           objective id (repeatable; the gate stops if any one says stop)
  --warn-below R     remaining budget share below which to warn (default 0.25)
  --freeze-below R   remaining budget share at or below which to stop (default 0)
  --strict           also stop on a warning or on no data
  --timeout SECONDS  per request (default 10)
  --format FORMAT    text (default) or json

Exit codes: 0 go (or a warning without --strict); 1 stop: budget exhausted (or warning or
no data with --strict); 2 usage error; 3 the source could not be read.

Example:
  nines gate --prometheus http://prometheus:9090 --slo checkout-availability
`;

const FLAGS = {
  prometheus: { type: 'string' },
  status: { type: 'string' },
  naming: { type: 'string' },
  slo: { type: 'string', multiple: true },
  'warn-below': { type: 'string' },
  'freeze-below': { type: 'string' },
  strict: { type: 'boolean' },
  timeout: { type: 'string' },
  format: { type: 'string' },
} as const;

function share(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < -1e6 || value > 1) {
    throw new CliUsageError(
      COMMAND,
      `--${flag} must be a budget share such as 0.25 (at most 1), got "${text}"`,
    );
  }
  return value;
}

function source(values: { prometheus?: string; status?: string; naming?: string }): BudgetSource {
  if ((values.prometheus === undefined) === (values.status === undefined)) {
    throw new CliUsageError(COMMAND, 'give exactly one of --prometheus URL and --status URL');
  }
  const url = values.prometheus ?? values.status ?? '';
  if (!/^https?:\/\/[^\s]+$/.test(url))
    throw new CliUsageError(COMMAND, `not an http(s) URL: "${url}"`);
  if (values.naming !== undefined && values.naming !== 'nines' && values.naming !== 'sloth') {
    throw new CliUsageError(COMMAND, `--naming must be nines or sloth, got "${values.naming}"`);
  }
  if (values.prometheus !== undefined) {
    return {
      kind: 'prometheus',
      url,
      ...(values.naming === 'sloth' ? { naming: 'sloth' as const } : {}),
    };
  }
  return { kind: 'status', url };
}

/** `nines gate`: exit non-zero when the error-budget policy says stop. */
export const gateCommand: Command = {
  name: COMMAND,
  summary: 'release gate: exit 1 when an objective has spent its error budget',
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    if (wantsHelp(args)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { values } = parseFlags(COMMAND, args, FLAGS);
    const from = source(values);
    const slos = values.slo ?? [];
    if (slos.length === 0) throw new CliUsageError(COMMAND, 'give at least one --slo ID');
    const policy: ErrorBudgetPolicy = {
      warnBelow: share('warn-below', values['warn-below'], 0.25),
      freezeBelow: share('freeze-below', values['freeze-below'], 0),
    };
    if (policy.freezeBelow > policy.warnBelow) {
      throw new CliUsageError(COMMAND, '--freeze-below must not be above --warn-below');
    }
    const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new CliUsageError(
        COMMAND,
        `--timeout must be a positive number of seconds, got "${values.timeout ?? ''}"`,
      );
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new CliUsageError(COMMAND, `--format must be text or json, got "${format}"`);
    const results = [];
    for (const slo of slos) {
      let reading;
      try {
        reading = await readBudget(from, slo, { timeoutMs: timeout * 1000 });
      } catch (error) {
        io.stderr.write(`nines gate: ${slo}: ${(error as Error).message}\n`);
        return EXIT.failure;
      }
      const decision = releaseDecision(reading.remaining, policy);
      const stop =
        decision.decision === 'freeze' ||
        (values.strict === true && decision.decision === 'caution');
      results.push({ slo, from: reading.from, ...decision, stop });
    }
    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify({ stop: results.some((r) => r.stop), objectives: results }, null, 2)}\n`,
      );
    } else {
      for (const r of results)
        io.stdout.write(
          `${r.stop ? 'STOP' : r.decision === 'go' ? 'GO' : 'CAUTION'} ${r.slo}: ${r.reason}\n`,
        );
    }
    return results.some((r) => r.stop) ? EXIT.problems : EXIT.ok;
  },
};
