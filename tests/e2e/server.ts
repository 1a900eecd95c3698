/** The head office the end-to-end tests drive: embedded PGlite in a fresh folder, demo data. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHeadOffice } from '../../src/server/start.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tournee-e2e-'));
const headOffice = await startHeadOffice({
  port: Number(process.env.E2E_PORT ?? 4871),
  dataDir,
  rendererDir: 'out/renderer',
  seed: true,
  seedScale: 0.02,
  logger: false,
});
console.log(`e2e head office on ${headOffice.url}`);
const stop = async () => {
  await headOffice.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
