import { show } from './phase-tmp.mjs';
import { openProfileFile, generateReport } from '@pugo/profile';
show('start');
const p = await openProfileFile(process.argv[2]);
show('opened');
const r = generateReport(p, { kind: 'top' });
show('top');
await p.close();
