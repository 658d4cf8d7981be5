import { NinesError } from '../errors.js';
import type { NinesPath } from '../errors.js';
import { describeValue, isRecord } from '../internal/validate.js';
import { DAY, HOUR, MINUTE, WEEK } from './units.js';

/**
 * A unit of OpenSLO's duration shorthand. Case matters: `m` is a minute, `M` a month.
 * `M` (month), `Q` (quarter) and `Y` (year) are calendar units with no fixed length.
 */
export type OpenSloDurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/** The OpenSLO units that name calendar periods rather than fixed lengths. */
export type OpenSloCalendarUnit = 'M' | 'Q' | 'Y';

/** An OpenSLO duration shorthand such as `30d` or `1M`, kept as written. */
export interface OpenSloDuration {
  /** A positive integer. */
  readonly count: number;
  /** The case-sensitive unit. */
  readonly unit: OpenSloDurationUnit;
}

const FIXED: Readonly<Record<'m' | 'h' | 'd' | 'w', number>> = {
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: WEEK,
};

const UNIT_NAMES: Readonly<Record<OpenSloCalendarUnit, string>> = {
  M: 'month',
  Q: 'quarter',
  Y: 'year',
};

const ACCEPTED =
  'expected OpenSLO duration shorthand: a positive integer followed by one case-sensitive unit, ' +
  'm (minute), h, d, w, M (month), Q (quarter) or Y (year), e.g. "30d", "1M"';

/**
 * Tell whether an OpenSLO unit names a calendar period (`M`, `Q`, `Y`), which has no fixed
 * length in milliseconds and needs a calendar window.
 *
 * @param unit - an OpenSLO unit
 * @returns `true` for `M`, `Q` and `Y`
 * @example
 * ```ts
 * isCalendarUnit('M'); // true
 * isCalendarUnit('m'); // false: a minute
 * ```
 */
export function isCalendarUnit(unit: OpenSloDurationUnit): unit is OpenSloCalendarUnit {
  return unit === 'M' || unit === 'Q' || unit === 'Y';
}

function isUnit(value: unknown): value is OpenSloDurationUnit {
  return typeof value === 'string' && /^[mhdwMQY]$/.test(value);
}

/** The problem with a hand-built OpenSLO duration, or `undefined` when it is well formed. */
function durationProblem(duration: unknown): string | undefined {
  // Guard callers outside TypeScript: a hand-built value may be anything.
  if (!isRecord(duration)) {
    return `${describeValue(duration)}: expected an object { count, unit }, e.g. { count: 1, unit: 'M' }`;
  }
  const { count, unit } = duration;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count <= 0 || !isUnit(unit)) {
    return (
      `{count: ${describeValue(count)}, unit: ${describeValue(unit)}}: count must ` +
      'be a positive safe integer and unit one of m, h, d, w, M, Q, Y'
    );
  }
  return undefined;
}

/**
 * Throw unless `duration` is a well-formed OpenSLO duration (a hand-built one may be anything).
 *
 * @param duration - the value to check
 * @param path - where the value sits in the caller's input, for the error
 * @throws NinesError `INVALID_DURATION` naming the value and the accepted counts and units
 * @example
 * ```ts
 * checkOpenSloDuration({ count: 0, unit: 'd' }, []); // throws INVALID_DURATION
 * ```
 * @internal
 */
export function checkOpenSloDuration(
  duration: unknown,
  path: NinesPath,
): asserts duration is OpenSloDuration {
  const problem = durationProblem(duration);
  if (problem !== undefined) {
    throw new NinesError('INVALID_DURATION', `Invalid OpenSLO duration ${problem}`, { path });
  }
}

/**
 * Parse OpenSLO duration shorthand (`30d`, `1w`, `1M`), keeping the unit as written, because a
 * month, quarter or year has no fixed length (OpenSLO/OpenSLO#267: `1M` is not `30d`).
 *
 * @param text - shorthand matching `^[1-9][0-9]*[mhdwMQY]$` (OpenSLO duration-shorthand schema)
 * @param path - where the value sits in the caller's input, for the error
 * @returns the count and unit
 * @throws NinesError `INVALID_DURATION` naming the text and the accepted forms
 * @example
 * ```ts
 * parseOpenSloDuration('1M'); // { count: 1, unit: 'M' }: one calendar month
 * parseOpenSloDuration('1m'); // { count: 1, unit: 'm' }: one minute
 * ```
 */
export function parseOpenSloDuration(text: string, path: NinesPath = []): OpenSloDuration {
  const match = typeof text === 'string' ? /^([1-9]\d*)([mhdwMQY])$/.exec(text) : null;
  const digits = match?.[1];
  const unit = match?.[2];
  if (digits === undefined || !isUnit(unit)) {
    let hint = '';
    if (typeof text === 'string' && /^\d+[a-zA-Z]+\d/.test(text)) {
      hint = 'compound durations such as "1h30m" are not allowed; ';
    } else if (typeof text === 'string' && /^0+[mhdwMQY]$/.test(text)) {
      hint = 'the count must be positive; ';
    }
    throw new NinesError(
      'INVALID_DURATION',
      `Invalid OpenSLO duration ${describeValue(text)}: ${hint}${ACCEPTED}`,
      { path },
    );
  }
  const count = Number(digits);
  if (!Number.isSafeInteger(count)) {
    throw new NinesError(
      'INVALID_DURATION',
      `Invalid OpenSLO duration "${text}": the count exceeds Number.MAX_SAFE_INTEGER`,
      { path },
    );
  }
  return { count, unit };
}

/**
 * Convert a fixed-length OpenSLO duration (`m`, `h`, `d`, `w`) to milliseconds, e.g. for
 * a rolling window, a time slice or an alert lookback.
 *
 * @param duration - a parsed OpenSLO duration
 * @param path - where the value sits in the caller's input, for the error
 * @returns the length in milliseconds
 * @throws NinesError `INVALID_DURATION` for `M`, `Q` and `Y` (calendar periods have no fixed
 *   length; use a calendar window), for an invalid object, or when the result is not a safe integer
 * @example
 * ```ts
 * openSloDurationToMilliseconds({ count: 30, unit: 'd' }); // 2_592_000_000
 * openSloDurationToMilliseconds({ count: 1, unit: 'M' }); // throws: a calendar month
 * ```
 */
export function openSloDurationToMilliseconds(
  duration: OpenSloDuration,
  path: NinesPath = [],
): number {
  checkOpenSloDuration(duration, path);
  const { count, unit } = duration;
  if (isCalendarUnit(unit)) {
    throw new NinesError(
      'INVALID_DURATION',
      `${count}${unit} is a calendar ${UNIT_NAMES[unit]}, not a fixed duration; use a calendar ` +
        `window (calendarWindow({ unit: '${UNIT_NAMES[unit]}' })), or write a fixed length such ` +
        'as "30d" for a rolling window',
      { path },
    );
  }
  const ms = count * FIXED[unit];
  if (!Number.isSafeInteger(ms)) {
    throw new NinesError(
      'INVALID_DURATION',
      `${count}${unit} has more milliseconds than Number.MAX_SAFE_INTEGER`,
      { path },
    );
  }
  return ms;
}

/**
 * Write an OpenSLO duration back as shorthand, as the spec expects it in YAML.
 *
 * @param duration - a count and unit
 * @returns the shorthand, e.g. `"1M"`
 * @throws RangeError when `duration` is not an object, the count is not a positive safe integer
 *   or the unit is unknown
 * @example
 * ```ts
 * formatOpenSloDuration({ count: 4, unit: 'w' }); // "4w"
 * ```
 */
export function formatOpenSloDuration(duration: OpenSloDuration): string {
  const problem = durationProblem(duration);
  if (problem !== undefined) throw new RangeError(`Cannot format OpenSLO duration ${problem}`);
  return `${duration.count}${duration.unit}`;
}

/**
 * Express a fixed length as OpenSLO shorthand, using the largest of w, d, h, m that divides it
 * exactly, so a rolling window can be written back to an OpenSLO file (28 days is `4w`,
 * 30 days `30d`, 90 minutes `90m`).
 *
 * @param ms - a positive whole number of minutes, in milliseconds
 * @param path - where the value sits in the caller's input, for the error
 * @returns the count and unit
 * @throws NinesError `INVALID_DURATION` when `ms` is not a positive multiple of one minute
 *   (OpenSLO shorthand has no seconds)
 * @example
 * ```ts
 * openSloDurationFromMilliseconds(2_419_200_000); // { count: 4, unit: 'w' }
 * openSloDurationFromMilliseconds(5_400_000); // { count: 90, unit: 'm' }
 * ```
 */
export function openSloDurationFromMilliseconds(ms: number, path: NinesPath = []): OpenSloDuration {
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms % MINUTE !== 0) {
    throw new NinesError(
      'INVALID_DURATION',
      `${describeValue(ms)} ms cannot be written as OpenSLO shorthand: it must be a positive whole ` +
        'number of minutes (OpenSLO shorthand has no seconds)',
      { path },
    );
  }
  for (const unit of ['w', 'd', 'h'] as const) {
    if (ms % FIXED[unit] === 0) return { count: ms / FIXED[unit], unit };
  }
  return { count: ms / MINUTE, unit: 'm' };
}
