// The `list` report: per matching function, its source lines annotated with flat and cum.
// Layout rules: https://github.com/pugo-dev/pugo/blob/main/packages/profile/docs/pprof-text-format.md

import { fail } from '../errors.js';
import { buildGraph } from '../graph/graph.js';
import type { GraphNode } from '../graph/node.js';
import { sortByFile, sortByName, sumNodes } from '../graph/trim.js';
import { padLeft } from '../measurement/go-format.js';
import { percentage } from '../measurement/units.js';
import type { ReportContext } from './context.js';
import type { ListRoutine, ReportData } from './report-data.js';
import { readSourceLines } from './source-path.js';

const MARGIN = 5;

/** pprof's printSource. `searchPath` is where sources are looked for (colon-separated). */
export function listReport(
  rpt: ReportContext,
  searchPath: string,
): { text: string; data: Partial<ReportData> } {
  const rx = rpt.o.symbol!;
  for (const f of rpt.prof.function) f.filename = rpt.trimFile(f.filename);
  const g = buildGraph(rpt.prof, { sampleValue: (v) => rpt.value(v), objNames: true });
  const functions: GraphNode[] = [];
  const functionNodes = new Map<string, GraphNode[]>();
  for (const n of g.nodes) {
    if (!rx.test(n.info.name)) continue;
    const list = functionNodes.get(n.info.name);
    if (list === undefined) {
      functions.push(n);
      functionNodes.set(n.info.name, [n]);
    } else list.push(n);
  }
  sortByName(functions);
  if (functionNodes.size === 0) {
    fail(
      'PUGO_ERR_PROFILE_NO_MATCH',
      `no matches found for regexp: ${rpt.o.symbolSource}; check the expression against the names in \`top\``,
    );
  }
  const lines = [`Total: ${rpt.formatValue(rpt.total)}`];
  const routines: ListRoutine[] = [];
  const noSource: string[] = [];
  const cache = new Map<string, { lines: string[] } | { error: string }>();
  for (const fn of functions) {
    const name = fn.info.name;
    const sourceFiles: GraphNode[] = [];
    const fileNodes = new Map<string, GraphNode[]>();
    for (const n of functionNodes.get(name) ?? []) {
      if (n.info.file === '') continue;
      const list = fileNodes.get(n.info.file);
      if (list === undefined) {
        sourceFiles.push(n);
        fileNodes.set(n.info.file, [n]);
      } else list.push(n);
    }
    if (sourceFiles.length === 0) {
      lines.push(`No source information for ${name}`);
      noSource.push(name);
      continue;
    }
    sortByFile(sourceFiles);
    for (const fl of sourceFiles) {
      const filename = fl.info.file;
      const fns = fileNodes.get(filename) ?? [];
      const sum = sumNodes(fns);
      let source = cache.get(filename);
      if (source === undefined) {
        source = readSourceLines(filename, searchPath, rpt.o.trimPath);
        cache.set(filename, source);
      }
      lines.push(`ROUTINE ======================== ${name} in ${filename}`);
      lines.push(
        `${padLeft(rpt.formatValue(sum.flat), 10)} ${padLeft(rpt.formatValue(sum.cum), 10)} (flat, cum) ${percentage(sum.cum, rpt.total)} of Total`,
      );
      const routine: ListRoutine = {
        function: name,
        file: filename,
        flat: sum.flat,
        cum: sum.cum,
        cumPercent: rpt.percentOf(sum.cum),
        lines: [],
      };
      routines.push(routine);
      if ('error' in source) {
        lines.push(` Error: ${source.error}`);
        routine.error = source.error;
        continue;
      }
      for (const l of annotate(fns, source.lines)) {
        const dot = (v: number): string => (v === 0 ? '.' : rpt.formatValue(v));
        lines.push(
          `${padLeft(dot(l.flat), 10)} ${padLeft(dot(l.cum), 10)} ${padLeft(String(l.line), 6)}:${l.source}`,
        );
        routine.lines.push(l);
      }
    }
  }
  return { text: `${lines.join('\n')}\n`, data: { list: routines, noSource } };
}

/** pprof's getSourceFromFile: the function's lines with a margin, values summed per line. */
function annotate(
  fns: readonly GraphNode[],
  src: readonly string[],
): Array<{ line: number; flat: number; cum: number; source: string }> {
  const first = fns[0]!;
  let start = first.info.startLine !== 0 ? first.info.startLine : first.info.lineno - MARGIN;
  let end = first.info.lineno + MARGIN;
  const byLine = new Map<number, { flat: number; cum: number }>();
  for (const n of fns) {
    const lineno = n.info.lineno;
    const nodeStart = n.info.startLine !== 0 ? n.info.startLine : lineno - MARGIN;
    const nodeEnd = lineno + MARGIN;
    if (nodeStart < start) start = nodeStart;
    else if (nodeEnd > end) end = nodeEnd;
    const acc = byLine.get(lineno) ?? { flat: 0, cum: 0 };
    acc.flat += n.flat;
    acc.cum += n.cum;
    byLine.set(lineno, acc);
  }
  if (start < 1) start = 1;
  const out = [];
  for (let lineno = start; lineno <= end; lineno++) {
    const text = src[lineno - 1];
    if (text === undefined) break;
    const acc = byLine.get(lineno) ?? { flat: 0, cum: 0 };
    out.push({ line: lineno, flat: acc.flat, cum: acc.cum, source: text });
  }
  return out;
}
