import { toDuration } from '../durations/toDuration.js';
import { NinesError } from '../errors.js';
import { describeValue, isRecord } from '../internal/validate.js';
import { calendarWindow } from './calendarWindow.js';
import type { CalendarWindowOptions } from './calendarWindow.js';
import type { SloWindow } from './types.js';

/** Windows already checked: the evaluator asks about the same (frozen) window many times. */
const checked = new WeakSet();

/** Run a builder's validation, reporting its problem as a RangeError of the reading function. */
function validate(fn: string, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof NinesError)) throw error;
    throw new RangeError(`${fn}: malformed window: ${error.message}`, { cause: error });
  }
}

/**
 * Throw unless `window` is a well-formed {@link SloWindow}, as {@link toWindow} would build it.
 * The functions that read a window (`windowPeriod`, `nominalWindowLength`, `formatWindow`) take
 * a validated window but may be handed a hand-built one; a bad one must not become NaN or
 * `"undefined"` text. Like their other argument checks this raises `RangeError`; the builders
 * (`toWindow`, `calendarWindow`, `rollingWindow`) raise `NinesError`. Internal to the windows
 * area.
 *
 * @param fn - the public function asking, named in the message
 * @param window - the value to check
 * @throws RangeError for a value that is not a window object, an unknown `kind`, a rolling
 *   duration that is not a positive safe integer of milliseconds, or bad calendar fields (the
 *   builder's `NinesError` is kept as `cause`)
 * @example
 * ```ts
 * assertWindow('windowPeriod', rollingWindow('30d')); // passes
 * assertWindow('windowPeriod', { kind: 'rolling', duration: Number.NaN }); // throws RangeError
 * ```
 * @internal
 */
export function assertWindow(fn: string, window: unknown): asserts window is SloWindow {
  if (isRecord(window) && checked.has(window)) return;
  if (!isRecord(window) || (window.kind !== 'rolling' && window.kind !== 'calendar')) {
    const got = isRecord(window)
      ? `an object with kind ${describeValue(window.kind)}`
      : describeValue(window);
    throw new RangeError(
      `${fn}: window must be a rolling or calendar window (from rollingWindow(), calendarWindow() or toWindow()), got ${got}`,
    );
  }
  if (window.kind === 'rolling') {
    const { duration } = window;
    if (typeof duration !== 'number') {
      throw new RangeError(
        `${fn}: a rolling window's duration must be a positive whole number of milliseconds, got ${describeValue(duration)}`,
      );
    }
    validate(fn, () => toDuration(duration, ['duration']));
  } else {
    validate(fn, () => calendarWindow(window as unknown as CalendarWindowOptions));
  }
  checked.add(window);
}
