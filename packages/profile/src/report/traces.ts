// The `traces` report: every sample's labels, value and stack, leaf first.
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md
import { createNodes } from '../graph/graph.js';
import { padLeft } from '../measurement/go-format.js';
import { label } from '../measurement/units.js';
import { forEachSample } from '../profile/samples.js';
import type { ReportContext } from './context.js';
import type { ReportData, TraceEntry } from './report-data.js';

const SEPARATOR = '-----------+-------------------------------------------------------';

/** pprof's printTraces (values are each scaled on their own, as pprof does here). */
export function tracesReport(rpt: ReportContext): { text: string; data: Partial<ReportData> } {
  const labels = rpt.profileLabels();
  const lines = [...labels];
  const { byLocation } = createNodes(rpt.prof, { sampleValue: (v) => rpt.value(v) });
  const traces: TraceEntry[] = [];
  forEachSample(rpt.prof.sample, (sample) => {
    const stack: Array<{ name: string; inline: boolean }> = [];
    for (const loc of sample.location) {
      const nodes = byLocation.get(loc.id) ?? [];
      nodes.forEach((n, i) => {
        if (n !== undefined)
          stack.push({ name: n.printableName(), inline: i !== nodes.length - 1 });
      });
    }
    if (stack.length === 0) return;
    lines.push(SEPARATOR);
    const labelLines = Object.entries(sample.label)
      .map(([k, vs]) => `${padLeft(k, 10)}:  ${vs.join(' ')}`)
      .sort(byGoString);
    lines.push(...labelLines);
    const numLabels: Record<string, string[]> = {};
    const numLines: string[] = [];
    for (const [k, vals] of Object.entries(sample.numLabel)) {
      const unit = rpt.o.numLabelUnits.get(k) ?? k;
      const formatted = vals.map((v) => label(v, unit));
      numLabels[k] = formatted;
      numLines.push(`${padLeft(k, 10)}:  ${formatted.join(' ')}`);
    }
    lines.push(...numLines.sort(byGoString));
    const v = rpt.value(sample.value);
    stack.forEach((s, i) => {
      lines.push(
        `${padLeft(i === 0 ? rpt.formatValue(v) : '', 10)}   ${s.name}${s.inline ? ' (inline)' : ''}`,
      );
    });
    traces.push({ labels: structuredClone(sample.label), numLabels, value: v, frames: stack });
  });

  lines.push(SEPARATOR);
  return { text: `${lines.join('\n')}\n`, data: { labels, traces } };
}

function byGoString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
