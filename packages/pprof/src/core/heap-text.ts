// The plain-text heap listing of /heap?debug=1, modelled on Go's legacy heap profile text.
// Hand-written: no library writes Go's legacy heap text (go tool pprof parses it, never writes it).
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import type { ProfileData } from '../profiles/profile-data.js';

/**
 * Renders a heap profile as Go's `debug=1` text: a totals line, one record per stack (in-use
 * objects and bytes, then `#` lines with each frame, leaf first), then process and V8 heap
 * statistics in place of Go's runtime.MemStats. V8's sampler keeps live objects only, so the
 * bracketed "allocated" columns repeat the in-use ones.
 */
export function renderHeapText(profile: ProfileData, intervalBytes: number): string {
  const strings = profile.stringTable.strings;
  const str = (i: unknown) => strings[Number(i)] ?? '';
  const objectsIndex = profile.sampleType.findIndex((t) => str(t.type) === 'inuse_objects');
  const spaceIndex = profile.sampleType.findIndex((t) => str(t.type) === 'inuse_space');
  const functions = new Map(profile.function.map((f) => [Number(f.id), f]));
  const locations = new Map(profile.location.map((l) => [Number(l.id), l]));

  const records = profile.sample
    .map((s) => ({
      objects: Number(s.value[objectsIndex] ?? 0),
      bytes: Number(s.value[spaceIndex] ?? 0),
      stack: s.locationId.map(Number),
    }))
    .sort((a, b) => b.bytes - a.bytes || b.objects - a.objects);
  const totalObjects = records.reduce((n, r) => n + r.objects, 0);
  const totalBytes = records.reduce((n, r) => n + r.bytes, 0);

  const lines = [
    `heap profile: ${totalObjects}: ${totalBytes} [${totalObjects}: ${totalBytes}] @ heap/${intervalBytes}`,
  ];
  for (const record of records) {
    const addresses = record.stack.map((id) => `0x${id.toString(16)}`).join(' ');
    lines.push(
      `${record.objects}: ${record.bytes} [${record.objects}: ${record.bytes}] @ ${addresses}`,
    );
    for (const id of record.stack) {
      for (const line of locations.get(id)?.line ?? []) {
        const fn = functions.get(Number(line.functionId));
        const name = str(fn?.name) || '(anonymous)';
        const file = str(fn?.filename) || '(unknown)';
        lines.push(`#\t0x${id.toString(16)}\t${name}\t${file}:${Number(line.line)}`);
      }
    }
    lines.push('');
  }

  lines.push('', '# process.memoryUsage()');
  const memory = process.memoryUsage();
  for (const [key, value] of Object.entries(memory)) lines.push(`# ${key} = ${value}`);
  lines.push('', '# v8.getHeapStatistics()');
  for (const [key, value] of Object.entries(getHeapStatistics())) lines.push(`# ${key} = ${value}`);
  lines.push('', '# v8.getHeapSpaceStatistics()');
  for (const space of getHeapSpaceStatistics()) {
    lines.push(
      `# ${space.space_name}: size ${space.space_size}, used ${space.space_used_size}, available ${space.space_available_size}, physical ${space.physical_space_size}`,
    );
  }
  lines.push(
    '',
    `# Sampling: one sample per ${intervalBytes} bytes allocated on average (V8 sampling heap profiler).`,
    '# Allocation totals are not tracked by that sampler: the bracketed columns repeat in-use.',
    '',
  );
  return lines.join('\n');
}
