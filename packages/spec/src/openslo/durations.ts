/**
 * OpenSLO duration fields read into milliseconds through the core parsers, with errors located
 * at the field.
 *
 * @internal
 */
import { openSloDurationToMilliseconds, parseDuration, parseOpenSloDuration } from '@nines/core';
import type { OpenSloDuration } from '@nines/core';
import { attempt } from '../reader/attempt.js';
import type { Field } from '../reader/field.js';

/**
 * Read OpenSLO duration shorthand (`5m`, `1h`, `28d`) as written.
 *
 * @param field - the field
 * @param what - its name for messages
 * @returns the count and unit, or `undefined` after reporting
 */
export function readShorthand(field: Field, what: string): OpenSloDuration | undefined {
  const text = field.string(what);
  if (text === undefined) return undefined;
  return attempt(field, () => parseOpenSloDuration(text, field.path), what);
}

/**
 * Read a fixed-length OpenSLO duration into milliseconds; `allowZero` also accepts `0m`, `0h`...
 * (OpenSLO's documented default of `alertAfter` is `0m`, which the shorthand grammar forbids).
 *
 * @param field - the field
 * @param what - its name for messages
 * @param allowZero - accept a zero count
 * @returns milliseconds, or `undefined` after reporting
 */
export function readFixedShorthand(
  field: Field,
  what: string,
  allowZero = false,
): number | undefined {
  if (allowZero && field.kind === 'string' && /^0+[mhdw]$/.test(String(field.scalar))) return 0;
  const duration = readShorthand(field, what);
  if (duration === undefined) return undefined;
  return attempt(field, () => openSloDurationToMilliseconds(duration, field.path), what);
}

/**
 * Read `timeSliceWindow`: a number of minutes, or shorthand.
 *
 * @param field - the field
 * @returns milliseconds, or `undefined` after reporting
 */
export function readSliceWindow(field: Field): number | undefined {
  if (field.kind === 'number') {
    const minutes = field.number('timeSliceWindow');
    if (minutes === undefined) return undefined;
    const ms = minutes * 60_000;
    if (minutes <= 0 || !Number.isSafeInteger(ms)) {
      field.report(
        `timeSliceWindow ${minutes} must be a positive number of minutes (a whole number of milliseconds), or shorthand such as "1m"`,
      );
      return undefined;
    }
    return ms;
  }
  return readFixedShorthand(field, 'timeSliceWindow');
}

/**
 * Read a Prometheus duration written as text in an annotation (`5m`, `1h30m`, `30s`).
 *
 * @param field - the annotation value field
 * @param what - its name for messages
 * @returns milliseconds, or `undefined` after reporting
 */
export function readPrometheusDuration(field: Field, what: string): number | undefined {
  const text = field.string(what);
  if (text === undefined) return undefined;
  return attempt(field, () => parseDuration(text), what);
}
