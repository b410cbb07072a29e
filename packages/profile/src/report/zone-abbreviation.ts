// Time zone abbreviations ("CET", "IST", "-03") read from the system's TZif files, as Go does.
import { readFileSync } from 'node:fs';

interface ZoneInfo {
  transitions: number[];
  types: number[];
  ttinfos: Array<{ utoff: number; abbr: string }>;
}

const cache = new Map<string, ZoneInfo | undefined>();

/** The zone file Go would load for TZ (undefined: the local zone). */
function zonePath(tz: string | undefined): string {
  if (tz === undefined) return '/etc/localtime';
  if (tz.startsWith('/')) return tz;
  return `/usr/share/zoneinfo/${tz}`;
}

/** Parses a TZif file (version 1, or the 64-bit block of versions 2+). */
function parseTzif(buf: Buffer): ZoneInfo | undefined {
  if (buf.length < 44 || buf.toString('latin1', 0, 4) !== 'TZif') return undefined;
  const header = (at: number) => ({
    isut: buf.readUInt32BE(at + 20),
    isstd: buf.readUInt32BE(at + 24),
    leap: buf.readUInt32BE(at + 28),
    time: buf.readUInt32BE(at + 32),
    type: buf.readUInt32BE(at + 36),
    char: buf.readUInt32BE(at + 40),
  });
  let h = header(0);
  let at = 44;
  let timeSize = 4;
  if (buf[4] !== 0) {
    // Skip the 32-bit block: versions 2+ repeat everything with 64-bit times.
    at += h.time * 5 + h.type * 6 + h.char + h.leap * 8 + h.isstd + h.isut;
    if (buf.length < at + 44) return undefined;
    h = header(at);
    at += 44;
    timeSize = 8;
  }
  const need = h.time * (timeSize + 1) + h.type * 6 + h.char;
  if (buf.length < at + need) return undefined;
  const transitions: number[] = [];
  for (let i = 0; i < h.time; i++, at += timeSize) {
    transitions.push(timeSize === 8 ? Number(buf.readBigInt64BE(at)) : buf.readInt32BE(at));
  }
  const types: number[] = [];
  for (let i = 0; i < h.time; i++) types.push(buf[at++]!);
  const raw: Array<{ utoff: number; abbrind: number }> = [];
  for (let i = 0; i < h.type; i++, at += 6) {
    raw.push({ utoff: buf.readInt32BE(at), abbrind: buf[at + 5]! });
  }
  const chars = buf.toString('latin1', at, at + h.char);
  const ttinfos = raw.map((t) => {
    const end = chars.indexOf('\0', t.abbrind);
    return { utoff: t.utoff, abbr: chars.slice(t.abbrind, end === -1 ? undefined : end) };
  });
  return { transitions, types, ttinfos };
}

function load(tz: string | undefined): ZoneInfo | undefined {
  const path = zonePath(tz);
  if (!cache.has(path)) {
    let info: ZoneInfo | undefined;
    try {
      info = parseTzif(readFileSync(path));
    } catch {
      info = undefined;
    }
    cache.set(path, info);
  }
  return cache.get(path);
}

/**
 * The abbreviation Go prints for a time at `offsetSeconds` east of UTC: the zone type in effect
 * at that moment when its offset agrees, else the latest type with that offset (times past the
 * file's last transition follow its rule). Undefined when the zone file cannot be read.
 */
export function zoneAbbreviation(
  tz: string | undefined,
  unixSeconds: number,
  offsetSeconds: number,
): string | undefined {
  const info = load(tz);
  if (info === undefined || info.ttinfos.length === 0) return undefined;
  let idx = -1;
  for (let i = 0; i < info.transitions.length && info.transitions[i]! <= unixSeconds; i++) idx = i;
  const current = idx >= 0 ? info.ttinfos[info.types[idx]!] : undefined;
  if (current !== undefined && current.utoff === offsetSeconds) return current.abbr;
  for (let i = info.types.length - 1; i >= 0; i--) {
    const t = info.ttinfos[info.types[i]!];
    if (t !== undefined && t.utoff === offsetSeconds) return t.abbr;
  }
  return info.ttinfos.find((t) => t.utoff === offsetSeconds)?.abbr;
}
