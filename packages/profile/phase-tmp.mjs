import v8 from 'node:v8';
const mb = (x) => (x / 2 ** 20).toFixed(1);
export const show = (l) => { const sp = v8.getHeapSpaceStatistics().filter(s=>/^(new|old|large_object)_space/.test(s.space_name)).map(s => `${s.space_name.replace('_space','')} ${mb(s.space_used_size)}/${mb(s.physical_space_size)}`).join(' | '); process.stderr.write(`${l.padEnd(10)} rss ${mb(process.memoryUsage().rss)} ${sp} ext ${mb(process.memoryUsage().external)} maxrss ${mb(process.resourceUsage().maxRSS*1024)}\n`); };
