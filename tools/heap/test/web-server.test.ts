// The web UI over real HTTP on 127.0.0.1: every route, refinement in the URL, bad input → 400, safety.
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { decodeProfile, generateReport } from '@pugo/profile';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  isLoopback,
  parseHostPort,
  startWebServer,
  type WebServer,
} from '../src/web/web-server.js';
import { fixtures } from './helpers/run-cli.js';
import { xmlProblem } from './helpers/xml-check.js';

const load = (name: string) => decodeProfile(readFileSync(join(fixtures, name)), { source: name });
const end = load('go-heap-leaky-end.pb.gz');
const start = load('go-heap-leaky-start.pb.gz');
let web: WebServer;
let diff: WebServer;

beforeAll(async () => {
  web = await startWebServer({
    hostport: '127.0.0.1:0',
    sources: { profile: end, diffBase: false },
  });
  diff = await startWebServer({
    hostport: '127.0.0.1:0',
    sources: { profile: end, base: start, diffBase: true },
  });
});
afterAll(async () => {
  await web?.close();
  await diff?.close();
});

async function get(server: WebServer, path: string) {
  const res = await fetch(server.url + path);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: await res.text(),
  };
}

describe('routes', () => {
  test('prints a loopback URL', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('/ is the call graph as inline SVG, under a strict CSP', async () => {
    const r = await get(web, '/');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = r.body.slice(r.body.indexOf('<svg'), r.body.indexOf('</svg>') + 6);
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toContain('main.(*ArticleController).Get (152993.85kB)');
    expect(svg).toContain('Showing nodes accounting for 156125.92kB');
    // Every script carries the page's nonce; the graph's is browser/graph-client.js.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const scripts = [...r.body.matchAll(/<script(?![^>]*type="application\/json")([^>]*)>/g)];
    expect(scripts.length).toBe(1);
    for (const m of scripts) expect(m[1]).toContain(`nonce="${nonce}"`);
    const client = readFileSync(
      join(import.meta.dirname, '..', 'browser', 'graph-client.js'),
      'utf8',
    );
    expect(r.body).toContain(`<script type="module" nonce="${nonce}">${client}</script>`);
  });

  test('/top is the top table with every node', async () => {
    const r = await get(web, '/top');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    const text = generateReport(end, { kind: 'top' });
    const rows = r.body.match(/<tr><td>/g) ?? [];
    expect(rows.length).toBe(text.data.top?.length);
    expect(r.body).toContain('>main.(*ArticleController).Get</a>');
    expect(r.body).toContain('133571.15kB');
  });

  test('/flamegraph carries the flame data and its script', async () => {
    const r = await get(web, '/flamegraph');
    expect(r.status).toBe(200);
    const json = /<script type="application\/json" id="flame-data">([\s\S]*?)<\/script>/.exec(
      r.body,
    )?.[1];
    const data = JSON.parse(json ?? 'null') as { names: string[]; callees: { total: number[] } };
    expect(data.names).toContain('reflect.Value.Call');
    expect(data.callees.total[0]).toBe(end.sample.reduce((s, x) => s + (x.value[3] ?? 0), 0));
  });

  test('/peek?f=RE shows callers and callees; /source?f=RE the list report', async () => {
    const peek = await get(web, '/peek?f=reflect%5C.Value%5C.Call');
    expect(peek.status).toBe(200);
    expect(peek.body).toContain('calls calls% + context');
    expect(peek.body).toContain('main.(*Router).ServeHTTP');
    const source = await get(web, '/source?f=NewRoute');
    expect(source.status).toBe(200);
    expect(source.body).toContain('ROUTINE ======================== main.NewRoute');
  });

  test('/download is the profile as gzipped proto that decodes to the same report', async () => {
    const res = await fetch(`${web.url}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.google.protobuf+gzip');
    expect(res.headers.get('content-disposition')).toBe('attachment;filename=profile.pb.gz');
    const back = decodeProfile(new Uint8Array(await res.arrayBuffer()));
    for (const kind of ['top', 'traces'] as const) {
      expect(generateReport(back, { kind }).text).toBe(generateReport(end, { kind }).text);
    }
  });

  test('unknown paths are 404, other methods 405', async () => {
    expect((await get(web, '/nope')).status).toBe(404);
    const res = await fetch(`${web.url}/`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('refinement in the URL (pprof query names)', () => {
  test('f focuses the graph: the focused node is there, others are not', async () => {
    const r = await get(web, '/?f=Assign');
    expect(r.status).toBe(200);
    expect(r.body).toContain('main.(*ThemeRender).Assign (18.19MB)');
    expect(r.body).not.toContain('main.NewRoute');
    expect(r.body).toContain('focus=Assign');
    // The form and the view tabs keep the refinement, so the view can be shared.
    expect(r.body).toContain('name="f" value="Assign"');
    expect(r.body).toContain('href="/top?f=Assign"');
  });

  test('i, h, si and n are honoured', async () => {
    const ignore = await get(web, '/top?i=reflect');
    expect(ignore.body).not.toContain('>reflect.MakeSlice<');
    const hide = await get(web, '/top?h=reflect');
    expect(hide.body).toContain('hide=reflect');
    const si = await get(web, '/top?si=alloc_space');
    expect(si.body).toContain('Type: alloc_space');
    // As in pprof, nodelets count against the node budget of a graph.
    const n = await get(web, '/?n=3');
    expect(n.body).toContain('Showing top 1 nodes out of 12');
  });

  test('a bad regex, an unknown sample index or a bad number is a 400 with a message', async () => {
    const regex = await get(web, '/?f=(');
    expect(regex.status).toBe(400);
    expect(regex.body).toMatch(/class="error"[^>]*>[^<]*focus/);
    const si = await get(web, '/top?si=bogus');
    expect(si.status).toBe(400);
    expect(si.body).toContain(
      'sample_index &quot;bogus&quot; must be one of: [alloc_objects alloc_space inuse_objects inuse_space]',
    );
    const n = await get(web, '/?n=many');
    expect(n.status).toBe(400);
    expect(n.body).toContain('must be an integer');
    const source = await get(web, '/source');
    expect(source.status).toBe(400);
    expect(source.body).toContain('the source view needs a function');
  });

  test('user input is escaped everywhere it is echoed', async () => {
    const evil = '<script>alert(1)</script>';
    const r = await get(
      web,
      `/top?f=${encodeURIComponent(evil)}&h=${encodeURIComponent('"><img src=x>')}`,
    );
    expect(r.body).not.toContain(evil);
    expect(r.body).not.toContain('"><img src=x>');
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('diffs', () => {
  test('-diff_base: the graph is coloured by growth and the flame data marks a diff', async () => {
    const graph = await get(diff, '/');
    expect(graph.status).toBe(200);
    expect(graph.body).toContain('of 3136.27kB total');
    // Grown nodes are drawn in pprof's red.
    expect(graph.body).toContain('fill="#edd5d5"');
    const flame = await get(diff, '/flamegraph');
    const json = /id="flame-data">([\s\S]*?)<\/script>/.exec(flame.body)?.[1];
    const data = JSON.parse(json ?? 'null') as {
      diff: boolean;
      callees: { delta: number[]; total: number[] };
    };
    expect(data.diff).toBe(true);
    // The base's samples count against the total: the net change is below the churn.
    expect(data.callees.delta[0]).toBeLessThan(data.callees.total[0] ?? 0);
  });
});

describe('loopback', () => {
  test('a Host header that is not loopback is refused (DNS rebinding)', async () => {
    const { port } = new URL(web.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/', headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  test('a host that is not loopback is refused unless allowed', async () => {
    await expect(
      startWebServer({ hostport: '0.0.0.0:0', sources: { profile: end, diffBase: false } }),
    ).rejects.toThrow(/not loopback.*-http_remote/);
  });

  // The rule itself is @pugo/pprof's, compared over one table in test/loopback-rule.test.ts.
  test('isLoopback accepts loopback spellings and refuses the rest', () => {
    expect(['localhost', '127.0.0.1', '[::1]', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '127.0.0.1.evil.com', '::2', '', undefined].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('HOST:PORT parsing follows pprof: empty host is localhost, empty port picks one', () => {
    expect(parseHostPort(':8080')).toEqual({ host: 'localhost', port: 8080 });
    expect(parseHostPort('127.0.0.1:')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseHostPort('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(() => parseHostPort('nocolon')).toThrow(/HOST:PORT/);
    expect(() => parseHostPort('localhost:99999')).toThrow(/bad port/);
  });
});
