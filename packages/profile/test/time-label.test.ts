// The Time: header in the process's zone, with Go's abbreviations from the system zone files.
import { existsSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { formatProfileTime } from '../src/report/time-label.js';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

// 2026-11-27 07:37:33 UTC, the fixtures' time.
const T = Date.UTC(2026, 10, 27, 7, 37, 33) * 1e6;

test('UTC, an empty TZ and an unknown zone print UTC, as Go does', () => {
  for (const tz of ['UTC', '', 'Nowhere/Atlantis']) {
    process.env.TZ = tz;
    expect(formatProfileTime(T)).toBe('Nov 27, 2026 at 7:37am (UTC)');
  }
});

test('named zones print local time with the zone file abbreviation (go tool pprof output)', () => {
  const cases: Array<[string, string]> = [
    ['Europe/Berlin', 'Nov 27, 2026 at 8:37am (CET)'],
    ['Asia/Shanghai', 'Nov 27, 2026 at 3:37pm (CST)'],
    ['America/New_York', 'Nov 27, 2026 at 2:37am (EST)'],
    ['Asia/Kolkata', 'Nov 27, 2026 at 1:07pm (IST)'],
    ['Australia/Sydney', 'Nov 27, 2026 at 6:37pm (AEDT)'],
    ['America/Sao_Paulo', 'Nov 27, 2026 at 4:37am (-03)'],
  ];
  for (const [tz, expected] of cases) {
    process.env.TZ = tz;
    const text = formatProfileTime(T);
    if (existsSync(`/usr/share/zoneinfo/${tz}`)) {
      expect(text).toBe(expected);
    } else {
      // Without tzdata, the time is still right; only the name comes from Intl.
      expect(text.slice(0, text.indexOf('('))).toBe(expected.slice(0, expected.indexOf('(')));
    }
  }
});
