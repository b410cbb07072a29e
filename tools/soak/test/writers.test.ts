// The writers: samples.csv, report.json, report.html (offline, escaped), the stdout summary, the status line.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, samplesCsv } from '../src/report/csv.js';
import { reportHtml } from '../src/report/html.js';
import { statusLine } from '../src/report/status-line.js';
import { summaryText } from '../src/report/summary.js';
import { timestampDir, writeReport } from '../src/report/write-report.js';
import { hostile, sampleReport } from './helpers/report.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('samples.csv', () => {
  it('has a header and one row per sample', () => {
    const report = sampleReport();
    const lines = samplesCsv(report.samples).trimEnd().split('\n');
    expect(lines[0]).toBe('phase,t,requests,heapUsed,heapTotal,external,arrayBuffers,rss,gcMs');
    expect(lines).toHaveLength(report.samples.length + 1);
    expect(lines[1]).toBe('baseline,-0.5,0,10485760,67108864,2097152,1000,104857600,2.5');
  });

  it('quotes fields with commas and quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(1.23456)).toBe('1.235');
  });
});

describe('report.html', () => {
  const html = reportHtml(sampleReport());

  it('makes no network references: no scripts, links, sources or CSS urls', () => {
    // A page, not an empty string: the checks below would pass on nothing.
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)?.length).toBeGreaterThan(0);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    // In a tag, not in escaped text (the hostile name holds ` src=` as text).
    expect(html).not.toMatch(/<[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<[^>]*\shref=/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('escapes a hostile route name wherever it appears', () => {
    expect(html).not.toContain(hostile);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quote&#39;',
    );
    expect(html).toContain('/?q=&lt;b&gt;');
    expect(html).toContain('memoize&lt;T&gt;');
  });

  it('draws both charts with the warm-up and drain marked and the trend dashed', () => {
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('Heap used and external after full GC, against time');
    expect(html).toContain('Heap used and external after full GC, against requests');
    expect(html).toContain('RSS (reported, not judged) after full GC, against time');
    expect(html.match(/class="marklabel">warm-up end</g)).toHaveLength(4);
    expect(html.match(/class="marklabel">drain</g)).toHaveLength(4);
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('heapUsed trend');
  });

  it('lists the growers and the parameters', () => {
    expect(html).toContain('renderPage');
    expect(html).toContain('src/cache.js:12');
    expect(html).toContain('<td>max retained</td><td>16.0 MB</td>');
    expect(html).toContain('<span class="leak">LEAK</span>');
  });
});

describe('summary', () => {
  it('prints the verdict, growth, retained, load and an aligned growers table', () => {
    const text = summaryText(sampleReport(), 'soak-report/x');
    expect(text.split('\n')[0]).toBe('pugo-soak: LEAK');
    expect(text).toMatch(/heapUsed grows 2\.0 kB\/request/);
    expect(text).toMatch(/Retained after drain: \+2\.3 MB heap used \+ external/);
    expect(text).toMatch(
      /Load: 1,200 requests in 12\.0s, 100 req\/s, p50 3 ms, p99 17 ms, errors 0 \(0\.00%\)/,
    );
    const table = text.split('\n').filter((l) => /^ {2}(#|\d) /.test(l));
    expect(table).toHaveLength(3);
    const col = (l: string) =>
      l.indexOf('renderPage') >= 0 ? l.indexOf('renderPage') : l.indexOf('alloc');
    expect(col(table[1]!)).toBe(table[0]!.indexOf('function'));
    expect(col(table[2]!)).toBe(table[0]!.indexOf('function'));
    expect(text).toContain('Report: soak-report/x/report.html');
  });
});

describe('status line', () => {
  it('rewrites one line on a TTY and prints plain lines otherwise', () => {
    const tty: string[] = [];
    const s1 = statusLine({ isTTY: true, write: (t: string) => tty.push(t) });
    s1.update('a');
    s1.update('b');
    s1.log('phase');
    expect(tty.join('')).toBe('\r\x1b[2Ka\r\x1b[2Kb\r\x1b[2Kphase\n');
    const plain: string[] = [];
    const s2 = statusLine({ write: (t: string) => plain.push(t) });
    s2.update('a');
    s2.log('phase');
    s2.done();
    expect(plain.join('')).toBe('a\nphase\n');
  });
});

describe('writeReport', () => {
  it('writes the five files into <out>/<timestamp>/, a second run beside it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'soak-writers-'));
    dirs.push(out);
    const run = {
      report: sampleReport(),
      heapBaseline: new Uint8Array([1, 2]),
      heapFinal: new Uint8Array([3]),
    };
    const date = new Date('2026-11-27T08:40:00.123Z');
    const dir = await writeReport(run, join(out, 'nested'), date);
    expect(dir).toBe(join(out, 'nested', '2026-11-27T08-40-00Z'));
    expect((await readdir(dir)).sort()).toEqual([
      'heap-baseline.pb.gz',
      'heap-final.pb.gz',
      'report.html',
      'report.json',
      'samples.csv',
    ]);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(run.report);
    expect([...(await readFile(join(dir, 'heap-baseline.pb.gz')))]).toEqual([1, 2]);
    expect(await writeReport(run, join(out, 'nested'), date)).toBe(`${dir}-2`);
    expect(timestampDir(date)).toBe('2026-11-27T08-40-00Z');
  });

  it('fails with PUGO_ERR_SOAK_OUTPUT when the folder cannot be made', async () => {
    const out = await mkdtemp(join(tmpdir(), 'soak-writers-'));
    dirs.push(out);
    const run = { report: sampleReport(), heapBaseline: undefined, heapFinal: undefined };
    await writeReport(run, join(out, 'a'));
    const file = join(out, 'a', (await readdir(join(out, 'a')))[0]!, 'report.json');
    await expect(writeReport(run, file)).rejects.toMatchObject({ code: 'PUGO_ERR_SOAK_OUTPUT' });
  });
});
