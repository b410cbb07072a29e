// Node names as pprof's dot graphs print them: shortened function names split over lines, escaped.
import { basename } from 'node:path';
import { type NodeInfo, nameComponents } from '../graph/node.js';

// google/pprof's patterns (graph.go), in JavaScript spelling; \w is ASCII in both.
const javaRegExp = /^(?:[a-z]\w*\.)*([A-Z][\w$]*\.(?:<init>|[a-z][\w$]*(?:\$\d+)?))(?:(?:\()|$)/;
const goRegExp = /^(?:[\w\-.]+\/)+(.+)/;
const goVerRegExp = /^(.*?)\/v(?:[2-9]|[1-9][0-9]+)([./].*)$/;
const cppRegExp = /^(?:[_a-zA-Z]\w*::)+(_*[A-Z]\w*::~?[_a-zA-Z]\w*(?:<.*>)?)/;
const cppAnonymousPrefixRegExp = /^\(anonymous namespace\)::/g;

/** pprof's ShortenFunctionName: drops package paths, Java packages and C++ namespaces. */
export function shortenFunctionName(f: string): string {
  let s = f.replace(cppAnonymousPrefixRegExp, '');
  s = s.replace(goVerRegExp, '$1$2');
  for (const re of [goRegExp, javaRegExp, cppRegExp]) {
    const m = re.exec(s);
    if (m !== null && m.length >= 2) return m.slice(1).join('');
  }
  return s;
}

/** Escapes backslashes and quotes, and turns newlines into Graphviz's left-justified breaks. */
export function escapeForDot(s: string): string {
  return s.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\l');
}

/** pprof's multilinePrintableName: one name part per line, each line ending in `\n`. */
export function multilinePrintableName(info: NodeInfo): string {
  const name = escapeForDot(shortenFunctionName(info.name))
    .replaceAll('::', '\\n')
    .replaceAll('.', '\\n');
  const copy: NodeInfo = { ...info, name, file: info.file !== '' ? basename(info.file) : '' };
  return `${nameComponents(copy).join('\\n')}\\n`;
}
