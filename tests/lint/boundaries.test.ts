import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  // The probes are not files of a tsconfig: lint them without type information (no boundary
  // rule needs it).
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: `${root}/eslint.config.js`,
    overrideConfig: { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked },
  });
});

/** The import-boundary messages of one import written in a file at `file` (relative to the root). */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const code = `import { x } from '${source}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'local/feature-boundaries')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const rendererFolders = [
  'app/probe.ts',
  'db/probe.ts',
  'features/customers/probe.tsx',
  'i18n/probe.ts',
  'platform/probe.ts',
  'sync/probe.ts',
  'ui/probe.tsx',
  'test/probe.ts',
];

describe('import boundaries', { timeout: 120_000 }, () => {
  for (const file of rendererFolders) {
    const depth = file.split('/').length - 1;
    const server = `${'../'.repeat(depth + 1)}server/db/schema.js`;
    it(`src/renderer/${file} may not import electron, node:fs or src/server`, async () => {
      for (const source of ['electron', 'node:fs', server]) {
        expect(await boundaryErrors(`src/renderer/${file}`, source), source).toHaveLength(1);
      }
    });
  }

  it('src/renderer/ui imports no feature', async () => {
    expect(await boundaryErrors('src/renderer/ui/probe.tsx', '../features/customers/index.js')).toHaveLength(
      1,
    );
  });

  it('src/shared imports only src/shared', async () => {
    for (const source of [
      'react',
      'dexie',
      'node:path',
      '../../renderer/db/AppDB.js',
      '../../server/db/schema.js',
    ]) {
      expect(await boundaryErrors('src/shared/lib/probe.ts', source), source).toHaveLength(1);
    }
    expect(await boundaryErrors('src/shared/lib/probe.ts', '../domain/order/order.js')).toEqual([]);
    expect(await boundaryErrors('src/shared/lib/probe.ts', 'zod')).toEqual([]);
  });

  it('a feature reaches another only through its index.ts, and its own files freely', async () => {
    const file = 'src/renderer/features/route/probe.ts';
    expect(await boundaryErrors(file, '../customers/rfmCache.js')).toEqual([
      'local/feature-boundaries: Import feature "customers" through its index.ts, not ../customers/rfmCache.js.',
    ]);
    expect(
      await boundaryErrors('src/renderer/features/customers/c360/probe.ts', '../../route/queries.js'),
    ).toHaveLength(1);
    expect(await boundaryErrors(file, '../customers/index.js')).toEqual([]);
    expect(await boundaryErrors(file, './queries.js')).toEqual([]);
    expect(await boundaryErrors('src/renderer/features/customers/c360/probe.ts', '../rfmCache.js')).toEqual(
      [],
    );
    expect(await boundaryErrors('src/renderer/app/probe.ts', '../features/customers/index.js')).toEqual([]);
  });

  it('a head-office feature likewise reaches another only through its index.ts', async () => {
    const file = 'src/server/features/visits/probe.ts';
    expect(await boundaryErrors(file, '../appointments/repo.js')).toEqual([
      'local/feature-boundaries: Import feature "appointments" through its index.ts, not ../appointments/repo.js.',
    ]);
    expect(await boundaryErrors(file, '../appointments/index.js')).toEqual([]);
    expect(await boundaryErrors(file, './repo.js')).toEqual([]);
    expect(await boundaryErrors(file, '../../lib/scope.js')).toEqual([]);
  });
});
