/** A throw-away PostgreSQL database on the server named by DATABASE_URL. */
import pg from 'pg';

export async function withTempDatabase<T>(
  baseUrl: string,
  name: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const database = `${name}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${database}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}
