import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  generatePromtoolTests,
  generateRules,
  renderPrometheusRule,
  renderRuleFile,
  toPrometheusRule,
  type MetricNaming,
  type NamingMode,
  type RulesOptions,
} from '@nines/rules';
import {
  CliUsageError,
  EXIT,
  parseFlags,
  runSubcommand,
  wantsHelp,
  type Command,
} from '../../command.js';
import type { CliIo } from '../../io.js';
import { loadSpec } from './specFiles.js';

const HELP = `Usage: nines generate prometheus [options] FILE...

Prometheus recording and alerting rules for the objectives in OpenSLO/Sloth files: the error
ratio over every alert window and the whole period, budget metadata, and one alert per
burn-rate tier. Every file passes promtool check rules.

Options:
  -o, --output FILE        write the rules here (default: stdout)
  --crd                    write a Kubernetes PrometheusRule resource instead of a rule file
  --name NAME              metadata.name of the PrometheusRule (default: nines-slos)
  --namespace NS           metadata.namespace of the PrometheusRule
  --naming MODE            nines (default) or sloth (Sloth's record names and labels)
  --metric-naming MODE     both (default), exporter (http_server_request_duration_*) or
                           otlp (http_server_request_duration_seconds_*)
  --group-by ATTR          one SLO per value of this attribute, e.g. http.route (repeatable)
  --selector KEY=VALUE     add a matcher to every built-in SLI selector, e.g. job=checkout
  --label KEY=VALUE        add a label to every record and alert (repeatable)
  --no-data-alert DURATION alert when the SLI metric is absent this long (e.g. 10m)
  --runbook-url URL        runbook link on every alert; {{id}} becomes the objective id
  --interval DURATION      rule group evaluation interval (e.g. 30s)
  --tests                  also write promtool unit tests next to the output
                           (FILE.test.yaml; needs --output, not with --crd). Objectives
                           that read the same series set off each other's alerts in
                           these tests: generate such objectives from separate files

Exit codes: 0 written; 1 the files have problems (one line each on stderr);
2 usage error; 3 failure.

Examples:
  nines generate prometheus slos/*.yaml -o slo-rules.yaml --tests
  nines generate prometheus checkout.yaml --crd --namespace shop --naming sloth
`;

const FLAGS = {
  output: { type: 'string', short: 'o' },
  crd: { type: 'boolean' },
  name: { type: 'string' },
  namespace: { type: 'string' },
  naming: { type: 'string' },
  'metric-naming': { type: 'string' },
  'group-by': { type: 'string', multiple: true },
  selector: { type: 'string', multiple: true },
  label: { type: 'string', multiple: true },
  'no-data-alert': { type: 'string' },
  'runbook-url': { type: 'string' },
  interval: { type: 'string' },
  tests: { type: 'boolean' },
} as const;

const COMMAND = 'generate prometheus';

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliUsageError(
      COMMAND,
      `--${flag} must be one of ${allowed.join(', ')}, got "${value}"`,
    );
  }
  return value as T;
}

function pairs(
  flag: string,
  values: readonly string[] | undefined,
): Record<string, string> | undefined {
  if (values === undefined) return undefined;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const entry of values) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new CliUsageError(COMMAND, `--${flag} takes KEY=VALUE, got "${entry}"`);
    out[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return { ...out };
}

function duration(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^(\d+(ms|s|m|h|d|w|y))+$/.test(value)) {
    throw new CliUsageError(
      COMMAND,
      `--${flag} must be a Prometheus duration such as 30s or 10m, got "${value}"`,
    );
  }
  return value;
}

async function prometheus(args: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const { values, positionals } = parseFlags(COMMAND, args, FLAGS, true);
  if (positionals.length === 0) throw new CliUsageError(COMMAND, 'give at least one spec file');
  if (values.tests === true && (values.output === undefined || values.crd === true)) {
    throw new CliUsageError(COMMAND, '--tests needs --output and cannot be used with --crd');
  }
  const noData = duration('no-data-alert', values['no-data-alert']);
  const naming = oneOf<NamingMode>('naming', values.naming, ['nines', 'sloth']);
  const metricNaming = oneOf<MetricNaming>('metric-naming', values['metric-naming'], [
    'both',
    'exporter',
    'otlp',
  ]);
  const selector = pairs('selector', values.selector);
  const labels = pairs('label', values.label);
  const interval = duration('interval', values.interval);
  const options: RulesOptions = {
    ...(naming === undefined ? {} : { naming }),
    ...(metricNaming === undefined ? {} : { metricNaming }),
    ...(values['group-by'] === undefined ? {} : { groupBy: values['group-by'] }),
    ...(selector === undefined ? {} : { selector }),
    ...(labels === undefined ? {} : { labels }),
    ...(noData === undefined ? {} : { noDataAlert: { for: noData } }),
    ...(values['runbook-url'] === undefined ? {} : { runbookUrl: values['runbook-url'] }),
    ...(interval === undefined ? {} : { interval }),
  };
  const loaded = await loadSpec(positionals, io.cwd);
  if (!loaded.ok) {
    for (const line of loaded.lines) io.stderr.write(`${line}\n`);
    return EXIT.problems;
  }
  const file = generateRules(loaded.result.objectives, options);
  const text =
    values.crd === true
      ? renderPrometheusRule(
          toPrometheusRule(file, {
            name: values.name ?? 'nines-slos',
            ...(values.namespace === undefined ? {} : { namespace: values.namespace }),
          }),
        )
      : renderRuleFile(file);
  if (values.output === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, values.output);
  await writeFile(target, text);
  io.stderr.write(
    `wrote ${values.output} (${file.groups.length} rule groups, one per objective)\n`,
  );
  if (values.tests === true) {
    const tests = generatePromtoolTests(loaded.result.objectives, {
      ...options,
      ruleFile: basename(target),
    });
    const testPath = values.output.replace(/(\.ya?ml)?$/, '.test.yaml');
    await writeFile(resolve(io.cwd, testPath), tests.text);
    io.stderr.write(`wrote ${testPath}; run: promtool test rules ${testPath}\n`);
    for (const skip of tests.skipped)
      io.stderr.write(`note: no promtool test for ${skip.id}: ${skip.reason}\n`);
  }
  return EXIT.ok;
}

const GENERATE_HELP = `Usage: nines generate TARGET [options] FILE...

Targets:
  prometheus   recording and alerting rules (rule file or PrometheusRule), and promtool tests

Run "nines generate prometheus --help" for the options.
`;

/** `nines generate prometheus ...`: rules from spec files. */
export const generateCommand: Command = {
  name: 'generate',
  summary: 'generate Prometheus rules (or a PrometheusRule) and promtool tests from spec files',
  run: (args, io) =>
    runSubcommand(
      'generate',
      [{ name: 'prometheus', summary: 'Prometheus rules', run: prometheus }],
      GENERATE_HELP,
      args,
      io,
    ),
};
