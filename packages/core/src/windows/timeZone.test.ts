import { describe, expect, it } from 'vitest';
import { instantFromLocal, isValidTimeZone, localFields, zoneOffset } from './timeZone.js';

const H = 3_600_000;

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT+5'])(
    'knows %s',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );
  it.each(['', 'Mars/Olympus_Mons', 'Europe/Pariss', 'Paris', 'GMT+25'])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
  it('refuses non-strings from JavaScript callers', () => {
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });
});

describe('zone arithmetic', () => {
  it('reads offsets on both sides of a DST change (America/New_York 2026-03-08)', () => {
    expect(zoneOffset(Date.parse('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-5 * H);
    expect(zoneOffset(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-4 * H);
    expect(zoneOffset(Date.parse('1969-12-31T23:59:59.500Z'), 'Europe/Paris')).toBe(H);
  });

  it('maps local times to instants like Temporal "compatible"', () => {
    const ny = 'America/New_York';
    const local = (hour: number, minute: number, day: number, month: number) => ({
      year: 2026,
      month,
      day,
      hour,
      minute,
      second: 0,
    });
    // Ordinary time.
    expect(instantFromLocal(local(12, 0, 8, 3), ny)).toBe(Date.parse('2026-03-08T16:00:00Z'));
    // 02:30 does not exist on 2026-03-08: moved forward by the gap, to 03:30 EDT.
    expect(instantFromLocal(local(2, 30, 8, 3), ny)).toBe(Date.parse('2026-03-08T07:30:00Z'));
    // 01:30 happens twice on 2026-11-01: the earlier (EDT) instant.
    expect(instantFromLocal(local(1, 30, 1, 11), ny)).toBe(Date.parse('2026-11-01T05:30:00Z'));
    expect(localFields(Date.parse('2026-11-01T06:30:00Z'), ny)).toEqual(local(1, 30, 1, 11));
  });
});
