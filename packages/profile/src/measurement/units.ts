// Units and scaling of sample values, as google/pprof's internal/measurement does it.
import { goFixed, goG } from './go-format.js';

interface Unit {
  name: string;
  aliases: string[];
  factor: number;
}
interface UnitType {
  defaultUnit: Unit;
  units: Unit[];
}

const unitTypes: UnitType[] = [
  {
    units: [
      { name: 'B', aliases: ['b', 'byte'], factor: 1 },
      { name: 'kB', aliases: ['kb', 'kbyte', 'kilobyte'], factor: 2 ** 10 },
      { name: 'MB', aliases: ['mb', 'mbyte', 'megabyte'], factor: 2 ** 20 },
      { name: 'GB', aliases: ['gb', 'gbyte', 'gigabyte'], factor: 2 ** 30 },
      { name: 'TB', aliases: ['tb', 'tbyte', 'terabyte'], factor: 2 ** 40 },
      { name: 'PB', aliases: ['pb', 'pbyte', 'petabyte'], factor: 2 ** 50 },
    ],
    defaultUnit: { name: 'B', aliases: ['b', 'byte'], factor: 1 },
  },
  {
    units: [
      { name: 'ns', aliases: ['ns', 'nanosecond'], factor: 1 },
      { name: 'us', aliases: ['μs', 'us', 'microsecond'], factor: 1e3 },
      { name: 'ms', aliases: ['ms', 'millisecond'], factor: 1e6 },
      { name: 's', aliases: ['s', 'sec', 'second'], factor: 1e9 },
      { name: 'hrs', aliases: ['hour', 'hr'], factor: 3600e9 },
    ],
    defaultUnit: { name: 's', aliases: [], factor: 1e9 },
  },
  {
    units: [
      { name: 'n*GCU', aliases: ['nanogcu'], factor: 1e-9 },
      { name: 'u*GCU', aliases: ['microgcu'], factor: 1e-6 },
      { name: 'm*GCU', aliases: ['milligcu'], factor: 1e-3 },
      { name: 'GCU', aliases: ['gcu'], factor: 1 },
      { name: 'k*GCU', aliases: ['kilogcu'], factor: 1e3 },
      { name: 'M*GCU', aliases: ['megagcu'], factor: 1e6 },
      { name: 'G*GCU', aliases: ['gigagcu'], factor: 1e9 },
      { name: 'T*GCU', aliases: ['teragcu'], factor: 1e12 },
      { name: 'P*GCU', aliases: ['petagcu'], factor: 1e15 },
    ],
    defaultUnit: { name: 'GCU', aliases: [], factor: 1 },
  },
];

function sniffUnit(ut: UnitType, unit: string): Unit | undefined {
  let u = unit.toLowerCase();
  if (Buffer.byteLength(u) > 2 && u.endsWith('s')) u = u.slice(0, -1);
  return ut.units.find((x) => x.aliases.includes(u));
}

function autoScale(ut: UnitType, value: number): [number, string] | undefined {
  let f = 0;
  let name = '';
  for (const u of ut.units) {
    if (u.factor >= f && value / u.factor >= 1) {
      f = u.factor;
      name = u.name;
    }
  }
  return f === 0 ? undefined : [value / f, name];
}

function convertUnit(
  ut: UnitType,
  value: number,
  from: string,
  to: string,
): [number, string] | undefined {
  const fromUnit = sniffUnit(ut, from);
  if (fromUnit === undefined) return undefined;
  const v = value * fromUnit.factor;
  if (to === 'minimum' || to === 'auto') {
    return autoScale(ut, v) ?? [v / ut.defaultUnit.factor, ut.defaultUnit.name];
  }
  const toUnit = sniffUnit(ut, to);
  if (toUnit === undefined) return [v / ut.defaultUnit.factor, ut.defaultUnit.name];
  return [v / toUnit.factor, toUnit.name];
}

/** Scales `value` from `fromUnit` to `toUnit` ('minimum'/'auto' pick the best fit): [value, unit]. */
export function scale(value: number, fromUnit: string, toUnit: string): [number, string] {
  if (value < 0) {
    const [v, u] = scale(-value, fromUnit, toUnit);
    return [-v, u];
  }
  for (const ut of unitTypes) {
    const r = convertUnit(ut, value, fromUnit, toUnit);
    if (r !== undefined) return r;
  }
  switch (toUnit) {
    case 'count':
    case 'sample':
    case 'unit':
    case 'minimum':
    case 'auto':
      return [value, ''];
    default:
      return [value, toUnit];
  }
}

/** A value with its unit, auto-scaled: `1.38kB`, `3.12s`. */
export function label(value: number, unit: string): string {
  return scaledLabel(value, unit, 'auto');
}

/** A value scaled to `toUnit`, two decimals at most: `156668.82kB`, `0`. */
export function scaledLabel(value: number, fromUnit: string, toUnit: string): string {
  const [v, u] = scale(value, fromUnit, toUnit);
  let sv = goFixed(v, 2);
  if (sv.endsWith('.00')) sv = sv.slice(0, -3);
  if (sv === '0' || sv === '-0') return '0';
  return sv + u;
}

/** A percentage as pprof prints it: `  100%`, `85.54%`, `0.0051%`. */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${goFixed(ratio, 2).padStart(5)}%`;
  return `${goG(ratio, 2).padStart(5)}%`;
}

/** Whether two value types can be merged (same type modulo a plural 's', convertible units). */
export function compatibleValueTypes(
  a: { type: string; unit: string } | undefined,
  b: { type: string; unit: string } | undefined,
): boolean {
  if (a === undefined || b === undefined) return true;
  const strip = (t: string): string => (t.endsWith('s') ? t.slice(0, -1) : t);
  if (strip(a.type) !== strip(b.type)) return false;
  if (a.unit === b.unit) return true;
  return unitTypes.some(
    (ut) => sniffUnit(ut, a.unit) !== undefined && sniffUnit(ut, b.unit) !== undefined,
  );
}
