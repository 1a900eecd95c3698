/**
 * `npx tsx src/server/main.ts`: head office from the environment (PORT, HOST, DATABASE_URL,
 * TOURNEE_DATA_DIR, TOURNEE_SEED, TOURNEE_SEED_SCALE: the demo company's size, 1 by default;
 * TOURNEE_LOG_DIR: where the request log goes; TOURNEE_LOG=debug: JSON logs on the console too).
 */
import { seedProgressPrinter } from './lib/logging.js';
import { seedScaleFromEnv, startHeadOffice } from './start.js';

const seedProgress = seedProgressPrinter((line) => console.log(line));

const headOffice = await startHeadOffice({
  port: process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : undefined,
  host: process.env.HOST,
  dataDir: process.env.TOURNEE_DATA_DIR,
  databaseUrl: process.env.DATABASE_URL,
  rendererDir: process.env.TOURNEE_RENDERER_DIR,
  seed: process.env.TOURNEE_SEED !== '0',
  seedScale: seedScaleFromEnv(process.env.TOURNEE_SEED_SCALE),
  onSeedProgress: seedProgress.onProgress,
  onSeedRows: seedProgress.onRows,
});
console.log(`Tournée head office on ${headOffice.url} (${headOffice.kind}: ${headOffice.dataLocation})`);
if (headOffice.logFile !== null)
  console.log(`Request log: ${headOffice.logFile} (TOURNEE_LOG=debug to see it here as well)`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping head office`);
  try {
    await headOffice.close();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
