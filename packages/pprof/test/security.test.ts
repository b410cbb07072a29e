// The access rules: loopback by default, refusal of an open bind without a token, bearer tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerMatches, isLoopback } from '../src/core/security.js';
import { type PprofServer, startPprofServer } from '../src/index.js';
import { get } from './helpers.js';

describe('startPprofServer access rules', () => {
  it('refuses a non-loopback address without a token, at start, with a clear coded error', async () => {
    await expect(startPprofServer({ host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'PUGO_ERR_PPROF_INSECURE_BIND',
      message: expect.stringMatching(
        /^starting the pprof server failed: "0\.0\.0\.0" is not a loopback address and no token is set; set a token/,
      ),
    });
    await expect(startPprofServer({ host: '::', port: 0 })).rejects.toMatchObject({
      code: 'PUGO_ERR_PPROF_INSECURE_BIND',
    });
  });

  it('accepts a non-loopback address with a token, and then demands it', async () => {
    const open = await startPprofServer({ host: '0.0.0.0', port: 0, token: 'open-secret' });
    try {
      const url = open.url.replace('0.0.0.0', '127.0.0.1');
      expect((await get(`${url}/cmdline`)).status).toBe(401);
      const ok = await get(`${url}/cmdline`, { headers: { authorization: 'Bearer open-secret' } });
      expect(ok.status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('accepts loopback names and addresses without a token', async () => {
    const local = await startPprofServer({ host: 'localhost', port: 0 });
    try {
      expect((await get(`${local.url}/cmdline`)).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe('token', () => {
  let server: PprofServer;
  beforeAll(async () => {
    server = await startPprofServer({ port: 0, token: 's3cret-token' });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer wrong'],
    ['a longer token', 'Bearer s3cret-token-and-more'],
    ['a prefix of the token', 'Bearer s3cret'],
    ['another scheme', 'Basic s3cret-token'],
    ['an empty bearer', 'Bearer '],
  ])('answers %s with 401, X-Go-Pprof and WWW-Authenticate', async (_, authorization) => {
    const r = await get(`${server.url}/heap`, {
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(r.status).toBe(401);
    expect(r.headers.get('x-go-pprof')).toBe('1');
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="pprof"');
    expect(r.text).toMatch(
      /^Unauthorized: this pprof endpoint needs "Authorization: Bearer <token>"/,
    );
  });

  it('lets the right token through, on every endpoint including unknown ones', async () => {
    const headers = { authorization: 'Bearer s3cret-token' };
    expect((await get(`${server.url}/cmdline`, { headers })).status).toBe(200);
    expect((await get(`${server.url}/`, { headers })).status).toBe(200);
    expect((await get(`${server.url}/nope`, { headers })).status).toBe(404);
    expect((await get(`${server.url}/nope`)).status).toBe(401);
    const lower = await get(`${server.url}/cmdline`, {
      headers: { authorization: 'bearer s3cret-token' },
    });
    expect(lower.status).toBe(200);
  });
});

describe('bearerMatches and isLoopback', () => {
  it('compares whole tokens only', () => {
    expect(bearerMatches('Bearer abc', 'abc')).toBe(true);
    expect(bearerMatches('Bearer abcd', 'abc')).toBe(false);
    expect(bearerMatches('abc', 'abc')).toBe(false);
    expect(bearerMatches(undefined, 'abc')).toBe(false);
  });

  it.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.255',
    '[::1]',
    '::1',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '[::ffff:127.0.0.1]',
    '::ffff:7f00:1',
  ])('isLoopback(%j) is true', (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it.each([
    '128.0.0.1',
    '126.255.255.255',
    '127.0.0.1.evil.com',
    'localhost.evil.com',
    '0.0.0.0',
    '::',
    '10.0.0.1',
    '192.0.2.7',
    'example.com',
    '::ffff:10.0.0.1',
    '::ffff:128.0.0.1',
    '::2',
    '[::1',
    '',
    undefined,
  ])('isLoopback(%j) is false', (address) => {
    expect(isLoopback(address)).toBe(false);
  });
});
