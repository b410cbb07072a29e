// Test helper: profile.proto bytes read by a second decoder (pprof-format), turned into our model.
import { Profile as PprofFormatProfile } from 'pprof-format';
import type {
  Location,
  Mapping,
  Profile,
  ProfileFunction,
  Sample,
  ValueType,
} from '../../src/index.js';

/**
 * pprof-format reads every varint as unsigned; decodeProfile reads every integer as int64 (so a
 * uint64 near 2^64, a kernel mapping's address, is a small negative number, kept exact).
 */
function int64(v: number | bigint): number {
  return Number(BigInt.asIntN(64, BigInt(v)));
}

/**
 * Decodes uncompressed profile.proto with pprof-format and resolves it as decodeProfile does
 * (ids to objects, string indexes to strings, labels grouped by key), for comparing the two.
 */
export function decodeWithPprofFormat(bytes: Uint8Array): Profile {
  const pf = PprofFormatProfile.decode(bytes);
  const strings = pf.stringTable.strings;
  const str = (i: number | bigint) => strings[Number(i)] ?? '';
  const valueType = (t: { type: number | bigint; unit: number | bigint }): ValueType => ({
    type: str(t.type),
    unit: str(t.unit),
  });
  const mappings = new Map<number, Mapping>();
  for (const m of pf.mapping) {
    mappings.set(int64(m.id), {
      id: int64(m.id),
      start: int64(m.memoryStart),
      limit: int64(m.memoryLimit),
      offset: int64(m.fileOffset),
      file: str(m.filename),
      buildId: str(m.buildId),
      hasFunctions: m.hasFunctions,
      hasFilenames: m.hasFilenames,
      hasLineNumbers: m.hasLineNumbers,
      hasInlineFrames: m.hasInlineFrames,
    });
  }
  const functions = new Map<number, ProfileFunction>();
  for (const f of pf.function) {
    functions.set(Number(f.id), {
      id: Number(f.id),
      name: str(f.name),
      systemName: str(f.systemName),
      filename: str(f.filename),
      startLine: int64(f.startLine),
    });
  }
  const locations = new Map<number, Location>();
  for (const l of pf.location) {
    locations.set(Number(l.id), {
      id: Number(l.id),
      mapping: mappings.get(Number(l.mappingId)),
      address: int64(l.address),
      line: l.line.map((ln) => ({
        function: functions.get(Number(ln.functionId))!,
        line: int64(ln.line),
      })),
      isFolded: l.isFolded,
    });
  }
  const samples: Sample[] = pf.sample.map((s) => {
    const label: Record<string, string[]> = {};
    const numLabel: Record<string, number[]> = {};
    const numUnit: Record<string, string[]> = {};
    for (const l of s.label) {
      const key = str(l.key);
      if (Number(l.str) !== 0) {
        label[key] = [...(label[key] ?? []), str(l.str)];
      } else if (int64(l.num) !== 0 || Number(l.numUnit) !== 0) {
        const nums = [...(numLabel[key] ?? []), int64(l.num)];
        numLabel[key] = nums;
        if (Number(l.numUnit) !== 0 || numUnit[key] !== undefined) {
          const units = numUnit[key] ?? [];
          while (units.length < nums.length - 1) units.push('');
          units.push(str(l.numUnit));
          numUnit[key] = units;
        }
      }
    }
    for (const [key, units] of Object.entries(numUnit)) {
      while (units.length < numLabel[key]!.length) units.push('');
    }
    const hasNum = Object.keys(numLabel).length > 0;
    return {
      location: s.locationId.map((id) => locations.get(Number(id))!),
      value: s.value.map(int64),
      label,
      numLabel,
      numUnit: hasNum ? numUnit : {},
    };
  });
  return {
    sampleType: pf.sampleType.map(valueType),
    defaultSampleType: str(pf.defaultSampleType),
    sample: samples,
    mapping: [...mappings.values()],
    location: [...locations.values()],
    function: [...functions.values()],
    comments: pf.comment.map(str),
    dropFrames: str(pf.dropFrames),
    keepFrames: str(pf.keepFrames),
    timeNanos: int64(pf.timeNanos),
    durationNanos: int64(pf.durationNanos),
    periodType: pf.periodType ? valueType(pf.periodType) : { type: '', unit: '' },
    period: int64(pf.period),
  };
}
