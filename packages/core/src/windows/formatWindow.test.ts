import { describe, expect, it } from 'vitest';
import { calendarWindow } from './calendarWindow.js';
import { formatWindow } from './formatWindow.js';
import { rollingWindow } from './rollingWindow.js';
import type { SloWindow } from './types.js';

describe('formatWindow', () => {
  // [window, text, source]
  const rows: [SloWindow, string, string][] = [
    [rollingWindow('30d'), '30d', 'REFERENCE.md §3.1 (Prometheus Duration.String)'],
    [rollingWindow('28d'), '4w', 'REFERENCE.md §3.1 672h→4w'],
    [rollingWindow('90m'), '1h30m', 'prometheus/common Duration.String'],
    [
      calendarWindow({ unit: 'month', timeZone: 'Europe/Paris' }),
      '1 month (calendar, Europe/Paris)',
      'task brief',
    ],
    [calendarWindow({ unit: 'quarter' }), '1 quarter (calendar, UTC)', 'default zone'],
    [
      calendarWindow({ unit: 'week', count: 2, startTime: '2026-01-05 00:00:00' }),
      '2 weeks (calendar, UTC, from 2026-01-05 00:00:00)',
      'plural and anchor',
    ],
  ];
  it.each(rows)('%j → %s (%s)', (window, text) => {
    expect(formatWindow(window)).toBe(text);
  });

  it('throws RangeError for a hand-built rolling window with a bad duration', () => {
    expect(() => formatWindow({ kind: 'rolling', duration: 1.5 })).toThrow(RangeError);
  });
});
