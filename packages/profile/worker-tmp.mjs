import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
if (isMainThread) {
  const w = new Worker(new URL(import.meta.url), { workerData: process.argv[2], resourceLimits: { maxYoungGenerationSizeMb: Number(process.argv[3] ?? 4) } });
  w.on('message', (m) => { process.stdout.write(m); });
  w.on('exit', () => process.stderr.write(`maxrss ${(process.resourceUsage().maxRSS/1024).toFixed(1)}\n`));
} else {
  const { openProfileFile, generateReport } = await import('@pugo/profile');
  const p = await openProfileFile(workerData);
  const r = generateReport(p, { kind: 'top' });
  await p.close();
  parentPort.postMessage(r.text);
}
