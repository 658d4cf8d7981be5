import { formatIssue } from '@nines/core';
import { EXIT, wantsHelp, type Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { loadSpec, specArguments } from './specFiles.js';

const COMMAND = 'validate';

const HELP = `Usage: nines validate [--format text|json] FILE...

Read OpenSLO v1 and Sloth (prometheus/v1, PrometheusServiceLevel) files together, resolve
references across them, and report every problem at once, one line each:
  file:line:column: path: message

Options:
  --format FORMAT   text (default) or json ({ ok, objectives, issues, warnings })

Exit codes: 0 valid (warnings, such as a tier that can never fire, go to stderr);
1 problems found; 2 usage error; 3 failure.

Example:
  nines validate slos/*.yaml
`;

/** `nines validate FILE...`: check spec files and report every problem. */
export const validateCommand: Command = {
  name: COMMAND,
  summary: 'check OpenSLO and Sloth files, reporting every problem with file:line:column',
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    if (wantsHelp(args)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { format, positionals } = specArguments(COMMAND, args);
    const loaded = await loadSpec(positionals, io.cwd);
    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          loaded.ok
            ? {
                ok: true,
                objectives: loaded.result.objectives.map((o) => o.id),
                issues: [],
                warnings: loaded.result.warnings.map(formatIssue),
              }
            : { ok: false, objectives: [], issues: loaded.lines, warnings: [] },
          null,
          2,
        )}\n`,
      );
      return loaded.ok ? EXIT.ok : EXIT.problems;
    }
    if (!loaded.ok) {
      for (const line of loaded.lines) io.stderr.write(`${line}\n`);
      io.stderr.write(
        `${loaded.lines.length} problem${loaded.lines.length === 1 ? '' : 's'} found\n`,
      );
      return EXIT.problems;
    }
    for (const warning of loaded.result.warnings)
      io.stderr.write(`warning: ${formatIssue(warning)}\n`);
    const count = loaded.result.objectives.length;
    io.stdout.write(
      `ok: ${count} objective${count === 1 ? '' : 's'} in ${positionals.length} file${positionals.length === 1 ? '' : 's'}\n`,
    );
    return EXIT.ok;
  },
};
