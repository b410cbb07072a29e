// pugo-heap keeps a copy of @pugo/pprof's isLoopback (it must not depend on a native addon): both answer alike.
import { describe, expect, test } from 'vitest';
import { isLoopback as pprofRule } from '../packages/pprof/src/index.js';
import { isLoopback as heapRule } from '../tools/heap/src/web/web-server.js';

/** Every spelling either package's tests name, and the neighbours of each boundary. */
const addresses = [
  'localhost',
  'LOCALHOST',
  'LocalHost',
  '127.0.0.1',
  '127.1.2.3',
  '127.255.255.255',
  '127.999.0.1',
  '127.0.0.1.evil.com',
  'localhost.evil.com',
  '126.255.255.255',
  '128.0.0.1',
  '0.0.0.0',
  '10.0.0.1',
  '192.0.2.7',
  'example.com',
  '::',
  '::1',
  '::2',
  '[::1]',
  '[::1',
  '::1]',
  '0:0:0:0:0:0:0:1',
  '::ffff:127.0.0.1',
  '[::ffff:127.0.0.1]',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '::ffff:128.0.0.1',
  'fe80::1',
  ' 127.0.0.1',
  '',
  undefined,
];

describe('one loopback rule', () => {
  test.each(addresses)('isLoopback(%j) is the same in @pugo/pprof and pugo-heap', (address) => {
    expect(heapRule(address)).toBe(pprofRule(address));
  });

  test('the table holds both answers, so agreeing is not trivially "false everywhere"', () => {
    const answers = new Set(addresses.map((a) => pprofRule(a)));
    expect([...answers].sort()).toEqual([false, true]);
  });
});
