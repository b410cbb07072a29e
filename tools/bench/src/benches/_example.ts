// A template for new benchmarks (files starting with "_" are not listed): copy, rename, fill in.
import type { Bench } from '../bench.js';

const bench: Bench = {
  description: 'template: two subjects that do nothing',
  metrics: { opsPerSecond: { unit: 'ops/s', higherIsBetter: true } },
  subjects: () => [
    { name: 'baseline', measure: async () => ({ opsPerSecond: 1 }) },
    { name: 'subject', measure: async () => ({ opsPerSecond: 1 }) },
  ],
};
export default bench;
