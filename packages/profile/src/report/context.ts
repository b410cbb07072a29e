// Shared state of one report: the profile, its total, units and the header labels.
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md
import { basename } from 'node:path';
import { buildGraph, type Graph } from '../graph/graph.js';
import { sumNodes } from '../graph/trim.js';
import { label, percentage, scale, scaledLabel } from '../measurement/units.js';
import { isDiffBaseSample } from '../profile/filter.js';
import { forEachSample, type ReportProfile } from '../profile/samples.js';
import type { ResolvedOptions } from './resolve-options.js';
import { pathTrimmer } from './source-path.js';
import { formatProfileTime } from './time-label.js';

/** A report in progress: the filtered profile, the total and the value formatter. */
export class ReportContext {
  readonly prof: ReportProfile;
  readonly o: ResolvedOptions;
  /** Total of the profile before filters, as pprof's report.New computes it. */
  readonly total: number;
  /** The unit values print in; 'minimum' scales each value on its own. */
  outputUnit = 'minimum';
  /** pprof trims recorded file names each time it builds a graph. */
  readonly trimFile: (path: string) => string;

  constructor(prof: ReportProfile, o: ResolvedOptions) {
    this.prof = prof;
    this.o = o;
    this.total = computeTotal(prof, o.sampleIndex);
    this.trimFile = pathTrimmer(o.trimPath, o.sourcePath);
  }

  /** The value of a sample at the report's index. */
  value(values: readonly number[]): number {
    return values[this.o.sampleIndex] ?? 0;
  }

  formatValue(v: number): string {
    return scaledLabel(v, this.o.sampleUnit, this.outputUnit);
  }

  /** pprof's report.newGraph: trims file paths and builds the graph. */
  newGraph(kept?: ReadonlySet<string>, objNames = false, edges = true): Graph {
    for (const f of this.prof.function) f.filename = this.trimFile(f.filename);
    return buildGraph(this.prof, {
      sampleValue: (v) => this.value(v),
      keptNodes: kept,
      objNames,
      edges,
    });
  }

  /** pprof's selectOutputUnit: one unit fitting the smallest value and the total. */
  selectOutputUnit(g: Graph): void {
    if (g.nodes.length === 0) return;
    let minValue = 0;
    for (const n of g.nodes) {
      let nodeMin = Math.abs(n.flat);
      if (nodeMin === 0) nodeMin = Math.abs(n.cum);
      if (nodeMin > 0 && (minValue === 0 || nodeMin < minValue)) minValue = nodeMin;
    }
    const maxValue = this.total;
    if (minValue === 0) minValue = maxValue;
    const [, minUnit] = scale(minValue, this.o.sampleUnit, 'minimum');
    const [, maxUnit] = scale(maxValue, this.o.sampleUnit, 'minimum');
    let unit = minUnit;
    if (minUnit !== maxUnit && minValue * 100 < maxValue) {
      unit = scale(100 * minValue, this.o.sampleUnit, 'minimum')[1];
    }
    this.outputUnit = unit !== '' ? unit : this.o.sampleUnit;
  }

  /** File, Build ID, comments, Type, Time and Duration lines. */
  profileLabels(): string[] {
    const out: string[] = [];
    const p = this.prof;
    const m0 = p.mapping[0];
    if (m0 !== undefined) {
      if (m0.file !== '') out.push(`File: ${basename(m0.file)}`);
      if (m0.buildId !== '') out.push(`Build ID: ${m0.buildId}`);
    }
    for (const c of p.comments) if (!c.startsWith('#')) out.push(c);
    if (this.o.sampleType !== '') out.push(`Type: ${this.o.sampleType}`);
    if (p.timeNanos !== 0) out.push(`Time: ${formatProfileTime(p.timeNanos)}`);
    if (p.durationNanos !== 0) {
      const duration = label(p.durationNanos, 'nanoseconds');
      const [totalNanos, totalUnit] = scale(this.total, this.o.sampleUnit, 'nanoseconds');
      const ratio =
        totalUnit === 'ns' && totalNanos !== 0
          ? `(${percentage(Math.trunc(totalNanos), p.durationNanos)})`
          : '';
      out.push(`Duration: ${duration}, Total samples = ${this.formatValue(this.total)} ${ratio}`);
    }
    return out;
  }

  /** Profile labels, active filters, and the Showing/Dropped lines of a graph report. */
  reportLabels(g: Graph, origCount: number, droppedNodes: number): string[] {
    const out = this.profileLabels();
    const flatSum = sumNodes(g.nodes).flat;
    if (this.o.activeFilters.length > 0) {
      out.push('Active filters:');
      for (const f of this.o.activeFilters) {
        const chars = [...f];
        out.push(`   ${chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : f}`);
      }
    }
    out.push(
      `Showing nodes accounting for ${this.formatValue(flatSum)}, ${percentage(flatSum, this.total).trim()} of ${this.formatValue(this.total)} total`,
    );
    if (this.total !== 0) {
      if (droppedNodes > 0) {
        const cutoff = Math.abs(Math.trunc(this.total * this.o.nodeFraction));
        out.push(
          `Dropped ${droppedNodes} ${droppedNodes > 1 ? 'nodes' : 'node'} (cum <= ${this.formatValue(cutoff)})`,
        );
      }
      const nodeCount = g.nodes.length;
      if (nodeCount > 0 && nodeCount < origCount) {
        out.push(`Showing top ${nodeCount} nodes out of ${origCount}`);
      }
    }
    return out;
  }

  /** A percentage of the total, as a number. */
  percentOf(v: number, total = this.total): number {
    return total === 0 ? 0 : (Math.abs(v) / Math.abs(total)) * 100;
  }
}

/** pprof's computeTotal: sum of |values|; with a diff base, the base's total. */
export function computeTotal(p: ReportProfile, index: number): number {
  let total = 0;
  let diffTotal = 0;
  forEachSample(p.sample, (s) => {
    let v = s.value[index] ?? 0;
    if (v < 0) v = -v;
    total += v;
    if (isDiffBaseSample(s)) diffTotal += v;
  });
  return diffTotal > 0 ? diffTotal : total;
}
