import { showValue } from '../internal/validate.js';
import { PROMETHEUS_UNITS } from './units.js';

/**
 * Format milliseconds as Prometheus prints a duration (`model.Duration.String()` in
 * prometheus/common), so that rule names such as `slo:sli_error:ratio_rate4w` match what
 * Sloth and Prometheus produce byte for byte.
 *
 * Largest units first; years and weeks are used only when they divide what is left exactly
 * (28 days is `4w`, 30 days is `30d`, not `4w2d`; 90 days is `90d`), then d, h, m, s and ms.
 *
 * @param ms - a duration in milliseconds, a non-negative safe integer
 * @returns the text, `"0s"` for 0
 * @throws RangeError when `ms` is negative, fractional or not a safe integer
 * @example
 * ```ts
 * formatDuration(86_400_000); // "1d"
 * formatDuration(2_419_200_000); // "4w"
 * formatDuration(2_592_000_000); // "30d"
 * formatDuration(5_400_000); // "1h30m"
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new RangeError(
      `formatDuration needs a non-negative safe integer of milliseconds, got ${showValue(ms)}`,
    );
  }
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const [unit, size] of PROMETHEUS_UNITS) {
    // prometheus/common: "Only format years and weeks if the remainder is zero".
    const exactOnly = unit === 'y' || unit === 'w';
    const remainder = rest % size;
    if (exactOnly && remainder !== 0) continue;
    const count = (rest - remainder) / size;
    if (count > 0) {
      text += `${count}${unit}`;
      rest = remainder;
    }
  }
  return text;
}
