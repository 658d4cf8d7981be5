/**
 * Integer fast paths for the count-based budget math (`sliFromCounts`, `burnRateFromCounts`,
 * `budgetConsumedFromCounts`, `budgetRemainingFromCounts`, `allowedBadEvents`): the same
 * numbers as their exact-decimal formulas, without BigInt or text, while the operands are small
 * enough to prove it. The evaluator calls these functions for every window at every evaluation.
 *
 * A target written with a short decimal is an exact rational over a power of ten: 99.9% is
 * `T = 999/1000` and `1 − T = 1/1000`. With whole counts `G ≤ N`, each formula is then one
 * quotient `a/b` of integers (`(N − G)·1000 / (1·N)` for the burn rate), and one IEEE division
 * of two integers below 2^53 is their correctly rounded quotient.
 *
 * Why that is the number the exact path returns (`exactDivide` after `exactSubtract` and
 * `exactMultiply`, `../decimal.ts`):
 *
 * 1. Every intermediate the exact path passes between its steps as a double (`(1 − T)·N`,
 *    `T·N`, `G − T·N`) is a decimal of at most 15 significant digits (its integer numerator is
 *    below 10^15), so the double round-trips to that very decimal (DBL_DIG = 15): nothing is
 *    rounded on the way.
 * 2. `exactDivide` truncates the quotient after at least `40 − digits` decimals (`digits`: the
 *    target's decimals), then rounds once to the nearest double. Truncation and rounding agree
 *    unless a midpoint between two doubles lies within the truncated tail. For `Q = a/b` in
 *    `[2^e, 2^(e+1))` a midpoint is `(2j + 1)·2^(e−53)` with `2j + 1 ≥ 2^53`, so it never equals
 *    `Q` (whose reduced numerator is at most `|a| < 2^53`), and `|Q − midpoint| ≥
 *    1/(b·2^(53−e)) > |a|/(2^54·b²)`. When `2^54·b² ≤ |a|·10^(40 − digits)` that distance is
 *    at least the truncation, so both round to the same double. {@link quotient} checks it
 *    with a factor 2 of margin.
 *
 * Anything else (fractional or huge counts, a target without a short decimal, an inconsistent
 * hand-built `Target`) returns `undefined` and the caller takes the exact-decimal path.
 *
 * @internal Not re-exported from the barrel.
 * @packageDocumentation
 */
import { toTarget } from '../objectives/target.js';
import type { Target, TargetInput } from '../objectives/target.js';

/**
 * A target as integers over one power of ten: `fraction = fractionUnits / scale` and
 * `errorBudget = budgetUnits / scale`, read from the decimals the numbers print as.
 */
export interface TargetRational {
  readonly fractionUnits: number;
  readonly budgetUnits: number;
  /** `10^digits`. */
  readonly scale: number;
  /** Decimals of the finer of the two numbers, 0 to 15. */
  readonly digits: number;
}

/** A target `toTarget` accepted, the numbers it had then, and its rational (`null`: none). */
export interface CheckedTarget {
  readonly target: Target;
  readonly fraction: number;
  readonly percent: number;
  readonly errorBudget: number;
  readonly rational: TargetRational | null;
}

/** Integers below this have at most 15 digits: their decimals survive a double round trip. */
const ROUND_TRIP = 1e15;
/** 2^55: the 2^54 of the bound, times 2 for margin over the float arithmetic of the check. */
const TWO_55 = 36_028_797_018_963_968;
/** `10^k` for k = 0..40, the truncation depth of `exactDivide`. */
const POWERS = Array.from({ length: 41 }, (_, k) => Number(`1e${String(k)}`));

const byTarget = new WeakMap<Target, CheckedTarget>();
/** Targets given as plain fractions (`0.999`): `toTarget` builds the same target each time. */
const byFraction = new Map<number, CheckedTarget>();
const MAX_FRACTIONS = 256;

/** A non-negative number as `units × 10^-digits` (both safe integers), or `null`. */
function decimalParts(value: number): { units: number; digits: number } | null {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) return null;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  let units = Number(whole + fraction);
  let digits = fraction.length - Number(exponent);
  if (digits < 0) {
    units *= 10 ** -digits;
    digits = 0;
  }
  if (!Number.isSafeInteger(units) || digits > 15) return null;
  return { units, digits };
}

/**
 * A target's fraction and error budget as integers over one power of ten.
 *
 * @param fraction - `target.fraction`
 * @param errorBudget - `target.errorBudget`
 * @returns the rational, or `null` when a number has no decimal of at most 15 places or the
 *   budget is 0
 */
export function targetRational(fraction: number, errorBudget: number): TargetRational | null {
  const t = decimalParts(fraction);
  const e = decimalParts(errorBudget);
  if (t === null || e === null || e.units === 0) return null;
  const digits = Math.max(t.digits, e.digits);
  const fractionUnits = t.units * 10 ** (digits - t.digits);
  const budgetUnits = e.units * 10 ** (digits - e.digits);
  const scale = 10 ** digits;
  if (!Number.isSafeInteger(fractionUnits) || !Number.isSafeInteger(budgetUnits)) return null;
  return { fractionUnits, budgetUnits, scale, digits };
}

/**
 * `toTarget(input)` and the target's rational, read once per `Target` object (and per plain
 * fraction) and reused; read again when one of the target's numbers changed since.
 *
 * @param input - a fraction in (0, 1) or a `Target`
 * @returns the checked target and its rational
 * @throws NinesError `INVALID_TARGET` as `toTarget` does
 */
export function checkedTarget(input: TargetInput): CheckedTarget {
  if (typeof input === 'number') {
    // toTarget builds the same target from the same fraction every time (with exact decimals):
    // build it once.
    const known = byFraction.get(input);
    if (known !== undefined) return known;
    const entry = readEntry(toTarget(input));
    if (byFraction.size >= MAX_FRACTIONS) byFraction.clear();
    byFraction.set(input, entry);
    return entry;
  }
  const target = toTarget(input);
  const known = byTarget.get(target);
  if (
    known !== undefined &&
    known.fraction === target.fraction &&
    known.percent === target.percent &&
    known.errorBudget === target.errorBudget
  ) {
    return known;
  }
  const entry = readEntry(target);
  byTarget.set(target, entry);
  return entry;
}

function readEntry(target: Target): CheckedTarget {
  const { fraction, percent, errorBudget } = target;
  return {
    target,
    fraction,
    percent,
    errorBudget,
    rational: targetRational(fraction, errorBudget),
  };
}

/**
 * `a/b` as `exactDivide` returns it for the decimals `a/10^s` and `b/10^s` (any common `s`),
 * or `undefined` when the bound of the module comment does not prove it.
 *
 * @param a - an integer with `|a| < 10^15`
 * @param b - an integer with `0 < b < 10^15`
 * @param digits - decimals of the divisor `exactDivide` reads (at most 15)
 * @returns the correctly rounded quotient, or `undefined`
 */
export function quotient(a: number, b: number, digits: number): number | undefined {
  if (a === 0) return 0;
  const size = a < 0 ? -a : a;
  if (TWO_55 * b * b > size * (POWERS[40 - digits] ?? 0)) return undefined;
  return a / b;
}

/**
 * `G/N` as `sliFromCounts` computes it (`exactDivide(good, total)`).
 *
 * @param good - checked good events
 * @param total - checked valid events, `> 0`
 * @returns the SLI, or `undefined` for the exact path
 */
export function sliQuotient(good: number, total: number): number | undefined {
  if (!Number.isSafeInteger(good) || !(total < ROUND_TRIP) || !Number.isInteger(total)) {
    return undefined;
  }
  return quotient(good, total, 0);
}

/**
 * `(N − G)/((1 − T)·N)`, the burn rate and consumed share, as `exactDivide(exactSubtract(N, G),
 * exactMultiply(errorBudget, N))` computes it.
 *
 * @param r - the target's rational
 * @param good - checked good events
 * @param total - checked valid events, `> 0`
 * @returns the quotient, or `undefined` for the exact path
 */
export function consumedQuotient(
  r: TargetRational,
  good: number,
  total: number,
): number | undefined {
  if (!Number.isSafeInteger(good) || !Number.isSafeInteger(total)) return undefined;
  const b = r.budgetUnits * total;
  const a = (total - good) * r.scale;
  if (!(b < ROUND_TRIP) || !(a < ROUND_TRIP)) return undefined;
  return quotient(a, b, r.digits);
}

/**
 * `(G − T·N)/((1 − T)·N)`, the remaining share, as `exactDivide(exactSubtract(G,
 * exactMultiply(fraction, N)), exactMultiply(errorBudget, N))` computes it.
 *
 * @param r - the target's rational
 * @param good - checked good events
 * @param total - checked valid events, `> 0`
 * @returns the quotient, or `undefined` for the exact path
 */
export function remainingQuotient(
  r: TargetRational,
  good: number,
  total: number,
): number | undefined {
  if (!Number.isSafeInteger(good) || !Number.isSafeInteger(total)) return undefined;
  const b = r.budgetUnits * total;
  const spent = r.fractionUnits * total;
  const kept = good * r.scale;
  if (!(b < ROUND_TRIP) || !(spent < ROUND_TRIP) || !(kept < ROUND_TRIP)) return undefined;
  const a = kept - spent;
  if (!(a < ROUND_TRIP && a > -ROUND_TRIP)) return undefined;
  return quotient(a, b, r.digits);
}

/**
 * `(1 − T)·N` as `exactMultiply(errorBudget, N)` computes it: the exact product of two safe
 * integers divided once by the power of ten, which is the correctly rounded decimal.
 *
 * @param r - the target's rational
 * @param total - checked valid events
 * @returns the allowed bad events, or `undefined` for the exact path
 */
export function allowedBadProduct(r: TargetRational, total: number): number | undefined {
  if (!Number.isSafeInteger(total)) return undefined;
  // -0 events (it passes the `>= 0` check) read as "0": the exact path returns +0.
  if (total === 0) return 0;
  const units = r.budgetUnits * total;
  if (!Number.isSafeInteger(units)) return undefined;
  return units / r.scale;
}
