import { formatDecimal } from '@nines/core';
import { ALERTS_PER_INCIDENT_TARGET, MAX_ON_CALL_SHARE, onCallLoad } from '@nines/toil';
import { CliUsageError, EXIT, parseFlags } from '../../command.js';
import type { Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { formatPercent } from '../../output.js';
import { parsePositive } from './shared.js';

const COMMAND = 'toil oncall';

const HELP = `Usage: nines toil oncall [--rotation N] [--incidents N [--shifts N] [--shift-hours H] [--alerts N]]

On-call load against the SRE book's limits: each incident costs about 6 hours, so at most 2
incidents per 12-hour shift; one alert per incident; a rotation with a primary and a secondary
each week puts everyone on call at least 2/N of the time, which should stay at or under 25%.

Options:
  --rotation N             people in the rotation
  --incidents N            incidents handled
  --shifts N               shifts they were handled in (default 1)
  --shift-hours H          hours per shift (default 12)
  --alerts N               alerts (pages) received in those shifts
  --json                   print the figures as JSON
  -h, --help               show this help

Example:
  nines toil oncall --rotation 6 --incidents 9 --shifts 7 --alerts 14
`;

const FLAGS = {
  rotation: { type: 'string' },
  incidents: { type: 'string' },
  shifts: { type: 'string' },
  'shift-hours': { type: 'string' },
  alerts: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function count(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0) {
    throw new CliUsageError(
      COMMAND,
      `--${flag} must be a whole number ≥ 0, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

async function oncall(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(COMMAND, args, FLAGS);
  if (values.help === true) {
    io.stdout.write(HELP);
    return Promise.resolve(EXIT.ok);
  }
  if (
    values.incidents === undefined &&
    (values.alerts ?? values.shifts ?? values['shift-hours']) !== undefined
  ) {
    throw new CliUsageError(COMMAND, '--alerts, --shifts and --shift-hours need --incidents');
  }
  if (values.rotation === undefined && values.incidents === undefined) {
    throw new CliUsageError(COMMAND, 'give --rotation, --incidents, or both');
  }
  const rotationSize =
    values.rotation === undefined
      ? undefined
      : parsePositive(COMMAND, 'rotation', values.rotation, true);
  if (rotationSize !== undefined && rotationSize < 2) {
    throw new CliUsageError(
      COMMAND,
      '--rotation needs at least 2 people (a primary and a secondary)',
    );
  }
  const incidents = values.incidents === undefined ? 0 : count('incidents', values.incidents);
  const load = onCallLoad({
    incidents,
    ...(values.shifts === undefined
      ? {}
      : { shifts: parsePositive(COMMAND, 'shifts', values.shifts) }),
    ...(values['shift-hours'] === undefined
      ? {}
      : { shiftHours: parsePositive(COMMAND, 'shift-hours', values['shift-hours']) }),
    ...(values.alerts === undefined ? {} : { alerts: count('alerts', values.alerts) }),
    ...(rotationSize === undefined ? {} : { rotationSize }),
  });
  if (values.json === true) {
    const { incidentsPer12h, incidentLimit, overIncidentLimit, incidentHours, ...rest } = load;
    io.stdout.write(
      `${JSON.stringify(values.incidents === undefined ? rest : { incidentsPer12h, incidentLimit, overIncidentLimit, incidentHours, ...rest }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  let out = '';
  if (load.onCallFloor !== undefined && rotationSize !== undefined) {
    const needed = Math.ceil(2 / MAX_ON_CALL_SHARE);
    out += `On-call floor: 2/${rotationSize} = ${formatPercent(load.onCallFloor)} of each person's time (limit ${formatPercent(MAX_ON_CALL_SHARE)})`;
    out +=
      load.rotationTooSmall === true
        ? `: rotation too small, ${needed} people bring it to ${formatPercent(MAX_ON_CALL_SHARE)}\n`
        : ': ok\n';
  }
  if (values.incidents !== undefined) {
    out += `Incidents: ${formatDecimal(load.incidentsPer12h, 2)} per 12 h on call (limit ${load.incidentLimit})${load.overIncidentLimit ? ': over the limit' : ': ok'}; about ${formatDecimal(load.incidentHours)} h of incident work\n`;
    if (load.alertsPerIncident !== undefined) {
      out += `Alerts per incident: ${formatDecimal(load.alertsPerIncident, 2)} (target ${ALERTS_PER_INCIDENT_TARGET})${load.noisyAlerts === true ? ': noisy, deduplicate or group alerts' : ': ok'}\n`;
    }
  }
  io.stdout.write(out);
  return EXIT.ok;
}

/** `nines toil oncall`: on-call load and rotation floor. */
export const oncallCommand: Command = {
  name: 'oncall',
  summary: 'on-call load: incidents per 12 h shift, alerts per incident, rotation floor',
  run: oncall,
};
