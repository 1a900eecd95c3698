import { startHeadOffice } from '../src/server/start.js';
const t0 = Date.now();
const h = await startHeadOffice({ port: Number(process.env.PORT ?? 4999), databaseUrl: process.env.S3_URL, seed: true, seedScale: 3, logger: false, rendererDir: 'out/renderer' });
console.log('ready', h.url, (Date.now() - t0) / 1000);
if (process.env.EXIT) { await h.close(); process.exit(0); }
