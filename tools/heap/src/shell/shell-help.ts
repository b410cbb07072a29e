// The shell's `help` and `help <topic>` texts, in pprof's layout, for the commands and options pugo-heap has.
import { choiceHelp, settings } from '../settings/config.js';
import { reportCommands } from '../settings/flags.js';

/** Full help per option, pprof's wording (first line is the summary). */
const optionHelp: Readonly<Record<string, string>> = {
  output: 'Output filename for reports\n',
  sample_index:
    'Sample value to report (0-based index or name)\nProfiles contain multiple values per sample.\nUse sample_index=i to select the ith value (starting at 0).\n',
  normalize: 'Scales profile based on the base profile.\n',
  nodecount:
    'Max number of nodes to show\nUses heuristics to limit the number of locations to be displayed.\nOn graphs, dotted edges represent paths through nodes that have been removed.\n',
  nodefraction: 'Hide nodes below <f>*total',
  edgefraction: 'Hide edges below <f>*total',
  focus:
    'Restricts to samples going through a node matching regexp\nDiscard samples that do not include a node matching this regexp.\nMatching includes the function name, filename or object name.\n',
  ignore:
    'Skips paths going through any nodes matching regexp\nIf set, discard samples that include a node matching this regexp.\nMatching includes the function name, filename or object name.\n',
  hide: 'Skips nodes matching regexp\nDiscard nodes that match this location.\nOther nodes from samples that include this location will be shown.\nMatching includes the function name, filename or object name.\n',
  show: 'Only show nodes matching regexp\nIf set, only show nodes that match this location.\nMatching includes the function name, filename or object name.\n',
  source_path: 'Search path for source files',
  trim_path: 'Path to trim from source paths before search',
};

/** Usage lines per report command (pprof's reportHelp/listHelp). */
const commandUsage: Readonly<Record<string, string>> = {
  top: reportUsage('top'),
  text: reportUsage('text'),
  tree: reportUsage('tree'),
  traces: '',
  peek: 'peek func_regex\nDisplay callers and callees of functions matching func_regex.',
  list: 'list<func_regex|address> [-focus_regex]* [-ignore_regex]*\nInclude functions matching func_regex, or including the address specified.\nInclude samples matching focus_regex, and exclude ignore_regex.',
};

function reportUsage(name: string): string {
  return [
    `${name} [n] [focus_regex]* [-ignore_regex]* [-cum] >f`,
    'Include up to n samples',
    'Include samples matching focus_regex, and exclude ignore_regex.',
    '-cum sorts the output by cumulative weight',
    'Optionally save the report on the file f',
  ].join('\n');
}

const row = (name: string, help: string) => `    ${name.padEnd(16)} ${help.split('\n')[0]}`;

/** `help` with no topic: commands, options and option groups. */
export function shellHelp(): string {
  const commands = Object.entries(reportCommands)
    .map(([name, c]) => row(name, c.help))
    .sort();
  commands.push(row('o/options', 'List options and their current values'));
  commands.push(row('q/quit/exit/^D', 'Exit pugo-heap'));
  const options = settings
    .filter((s) => s.choices === undefined)
    .map((s) => row(s.name, optionHelp[s.name] ?? s.help))
    .sort();
  const groups = settings
    .filter((s) => s.choices !== undefined)
    .map((s) =>
      [row(s.name, ''), ...(s.choices ?? []).map((c) => `  ${row(c, choiceHelp[c] ?? '')}`)].join(
        '\n',
      ),
    )
    .sort();
  return [
    '  Commands:',
    ...commands,
    '',
    '  Options:',
    ...options,
    '',
    '  Option groups (only set one per group):',
    ...groups,
    '  :   Clear focus/ignore/hide',
    '',
    '  type "help <cmd|option>" for more information',
    '',
  ].join('\n');
}

/** `help <topic>`: the command's or option's help, or undefined when there is no such topic. */
export function topicHelp(topic: string): string | undefined {
  const command = Object.hasOwn(reportCommands, topic) ? reportCommands[topic] : undefined;
  if (command !== undefined) {
    let message = `${command.help}\n`;
    const usage = commandUsage[topic] ?? '';
    if (usage !== '') {
      message += '  Usage:\n';
      for (const line of usage.split('\n')) message += `    ${line}\n`;
    }
    return `${message}\n`;
  }
  const option = optionHelp[topic] ?? choiceHelp[topic];
  if (option !== undefined) return `${option}\n`;
  return undefined;
}
