import v8 from 'node:v8';
v8.setFlagsFromString(process.argv[3]);
process.argv.splice(3, 1);
await import('./phase-run-tmp.mjs');
