/**
 * Imports at head office through `import-run` (HTTP, as the admin screen and the CLI use it):
 * all or nothing, every bad line reported, idempotent re-imports, rows reaching the rep's
 * next pull, and the whole CDNOW history once per backend.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, orderLines, orders, priceLists, prices, products } from '../../src/server/db/schema.js';
import type { ImportRunOutput } from '../../src/shared/contract/imports.js';
import { MAX_IMPORT_FILE_BYTES } from '../../src/shared/contract/imports.js';
import type { CustomerRfmRow, MigrationCell } from '../../src/shared/contract/rfm.js';
import { backends, DEMO, pullAll, putIds, startTestServer } from './harness.js';
import type { TestServer } from './harness.js';
import { DAY, independentMigrations, independentRfm } from './rfmIndependent.js';
import type { Purchase } from './rfmIndependent.js';

/** The CDNOW history beside the repository: <repo>/../shared/data/cdnow/cdnow_master.csv. */
const cdnowPath = fileURLToPath(new URL('../../../shared/data/cdnow/cdnow_master.csv', import.meta.url));
const hasCdnow = existsSync(cdnowPath);
if (!hasCdnow) console.warn(`CDNOW import test skipped: ${cdnowPath} not found`);

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
/** Windows-1252 for the characters used here (é, è, ç…) is Latin-1. */
const win1252 = (text: string) => Buffer.from(text, 'latin1');
const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

const frenchCustomers = crlf([
  'Référence;Raison sociale;Adresse;Code postal;Ville;Téléphone;Commercial;Statut',
  `IMP-FR-001;Boulangerie Dupré;12 rue de la Gare;42110;Feurs;04 77 26 11 22;${DEMO.camille};Client`,
  `IMP-FR-002;Café du Marché;3 place Carnot;42000;Saint-Étienne;;${DEMO.camille};Prospect`,
  `IMP-FR-003;Brasserie Lefèvre;8 cours Fauriel;42100;Saint-Étienne;04 77 00 00 00;${DEMO.thomas};Client`,
]);

const englishCustomers = [
  'Customer ref,Company name,City,Postcode,Rep email',
  `IMP-EN-001,"Hotel Bellevue, Lyon",Lyon,69002,${DEMO.camille}`,
  `IMP-EN-002,Le Comptoir,Villeurbanne,69100,${DEMO.camille}`,
  '',
].join('\n');

describe.each(backends)('imports at head office on $name', (backend) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await server.login(DEMO.admin);
  });

  afterAll(async () => {
    await server?.close();
  });

  function run(
    kind: string,
    bytes: Buffer,
    extra: { dryRun?: boolean; mapping?: Record<string, string | null>; ownerEmail?: string } = {},
    token = admin,
  ) {
    return server.call<ImportRunOutput>(
      'import-run',
      { kind, fileName: `${kind}.csv`, contentBase64: bytes.toString('base64'), dryRun: false, ...extra },
      token,
    );
  }

  async function imported(kind: string, bytes: Buffer, extra: Parameters<typeof run>[2] = {}) {
    const reply = await run(kind, bytes, extra);
    if (!reply.body.ok) throw new Error(JSON.stringify(reply.body.error));
    return reply.body.value;
  }

  async function customerByRef(ref: string) {
    const [row] = await server.database.db.select().from(customers).where(eq(customers.externalRef, ref));
    return row;
  }

  it('dry run: detected format, suggested mapping and a preview, nothing written', async () => {
    const out = await imported('customers', win1252(frenchCustomers), { dryRun: true });
    expect(out).toMatchObject({ ok: true, dryRun: true, errors: [] });
    expect(out.written).toBeUndefined();
    expect(out.report).toMatchObject({ rows: 3, encoding: 'windows-1252', delimiter: ';' });
    expect(out.preview?.headers[1]).toBe('Raison sociale');
    expect(out.preview?.rows).toHaveLength(3);
    expect(out.preview?.rows[0]).toMatchObject({
      line: 2,
      cells: expect.arrayContaining(['Boulangerie Dupré']),
    });
    expect(out.preview?.suggested.find((c) => c.header === 'Raison sociale')).toMatchObject({
      field: 'name',
      confidence: 1,
    });
    expect(out.preview?.fields[0]).toEqual({ field: 'name', required: true });
    expect(await customerByRef('IMP-FR-001')).toBeUndefined();
  });

  it('imports a French ";" Windows-1252 file; the rows reach the owning rep’s next pull', async () => {
    const out = await imported('customers', win1252(frenchCustomers));
    expect(out).toMatchObject({ ok: true, dryRun: false, errors: [] });
    expect(out.written).toEqual([{ entity: 'customers', created: 3, updated: 0, unchanged: 0 }]);
    const dupre = await customerByRef('IMP-FR-001');
    expect(dupre).toMatchObject({
      name: 'Boulangerie Dupré',
      address: '12 rue de la Gare',
      postcode: '42110',
      city: 'Feurs',
      status: 'customer',
      ownerId: server.ids.repIds.camille,
      version: 1,
    });
    expect((await customerByRef('IMP-FR-003'))?.ownerId).toBe(server.ids.repIds.thomas);

    const camille = await server.login(DEMO.camille);
    const pulled = (await pullAll(server, camille, crypto.randomUUID(), null)).flatMap((p) =>
      putIds(p, 'customer'),
    );
    expect(pulled).toContain(dupre!.id);
    expect(pulled).toContain((await customerByRef('IMP-FR-002'))!.id);
    expect(pulled).not.toContain((await customerByRef('IMP-FR-003'))!.id);
  });

  it('imports an English "," UTF-8 file with a BOM', async () => {
    const out = await imported('customers', utf8Bom(englishCustomers));
    expect(out.report).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', rows: 2 });
    expect(out.written).toEqual([{ entity: 'customers', created: 2, updated: 0, unchanged: 0 }]);
    expect(await customerByRef('IMP-EN-001')).toMatchObject({
      name: 'Hotel Bellevue, Lyon',
      city: 'Lyon',
      postcode: '69002',
      ownerId: server.ids.repIds.camille,
    });
  });

  it('re-importing the same file changes nothing (same versions, no new rows)', async () => {
    const db = server.database.db;
    const before = await db.select().from(customers).orderBy(customers.id);
    const out = await imported('customers', win1252(frenchCustomers));
    expect(out.written).toEqual([{ entity: 'customers', created: 0, updated: 0, unchanged: 3 }]);
    const after = await db.select().from(customers).orderBy(customers.id);
    expect(after.map((c) => [c.id, c.version, c.updatedAt.getTime()])).toEqual(
      before.map((c) => [c.id, c.version, c.updatedAt.getTime()]),
    );
  });

  it('an update changes only the columns in the file and bumps the version once', async () => {
    const before = (await customerByRef('IMP-FR-001'))!;
    const out = await imported(
      'customers',
      utf8Bom(crlf(['Référence;Raison sociale;Ville', 'IMP-FR-001;Boulangerie Dupré;Balbigny'])),
    );
    expect(out.written).toEqual([{ entity: 'customers', created: 0, updated: 1, unchanged: 0 }]);
    const after = (await customerByRef('IMP-FR-001'))!;
    expect(after).toMatchObject({
      city: 'Balbigny',
      address: before.address,
      phone: before.phone,
      version: before.version + 1,
    });
    expect(after.fieldVersions.city).toBe(before.version + 1);
  });

  it('a file with bad lines writes nothing and lists every bad line with its column', async () => {
    const db = server.database.db;
    const [{ n: before }] = (await db.select({ n: count() }).from(customers)) as [{ n: number }];
    const bad = crlf([
      'Référence;Raison sociale;Code postal;Commercial;SIRET',
      'IMP-BAD-001;Épicerie Fine;42000;;',
      'IMP-BAD-002;;42000;;',
      'IMP-BAD-003;Tabac Presse;42000;nobody@tournee.test;',
      'IMP-BAD-004;Le Relais;42000;;123',
      'IMP-BAD-005;Chez Paul;42000;;',
    ]);
    const out = await imported('customers', win1252(bad));
    expect(out.ok).toBe(false);
    expect(out.written).toBeUndefined();
    expect(out.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'Raison sociale', 'required'],
      [4, 'Commercial', 'unknown-rep'],
      [5, 'SIRET', 'bad-siret'],
    ]);
    expect(out.errors[1]).toMatchObject({ value: 'nobody@tournee.test' });
    const [{ n: after }] = (await db.select({ n: count() }).from(customers)) as [{ n: number }];
    expect(after).toBe(before);
    expect(await customerByRef('IMP-BAD-001')).toBeUndefined();
  });

  it('takes the admin’s column mapping over the suggestion', async () => {
    const file = utf8Bom(crlf(['Code;Libellé;Localité', 'IMP-MAP-1;Bar des Sports;Roanne']));
    const suggested = await imported('customers', file, { dryRun: true });
    expect(suggested.ok).toBe(false);
    const out = await imported('customers', file, {
      mapping: { Code: 'externalRef', Libellé: 'name', Localité: 'city' },
    });
    expect(out.ok).toBe(true);
    expect(await customerByRef('IMP-MAP-1')).toMatchObject({ name: 'Bar des Sports', city: 'Roanne' });
    const wrong = await run('customers', file, { mapping: { Code: 'colour' } });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'mapping' } });
  });

  it('imports contacts, products, prices and orders; re-imports change nothing', async () => {
    const db = server.database.db;
    const contactsFile = utf8Bom(
      crlf([
        'Réf client;Nom;Prénom;Fonction;Décideur;Canal préféré',
        'IMP-FR-001;Dupré;Nadia;Gérante;oui;téléphone',
        'IMP-FR-001;Martin;Luc;Boulanger;non;visite',
        'IMP-FR-002;Roux;Anne;Gérante;oui;e-mail',
      ]),
    );
    expect((await imported('contacts', contactsFile)).written).toEqual([
      { entity: 'contacts', created: 3, updated: 0, unchanged: 0 },
    ]);
    expect((await imported('contacts', contactsFile)).written).toEqual([
      { entity: 'contacts', created: 0, updated: 0, unchanged: 3 },
    ]);

    const productsFile = utf8Bom(
      crlf([
        'Référence;Désignation;Famille;Unité;TVA;Actif',
        'IMP-P1;Farine T65 25 kg;Farines;sac;5,5 %;oui',
        'IMP-P2;Levure fraîche 500 g;Levures;pièce;5,5;oui',
      ]),
    );
    expect((await imported('products', productsFile)).written).toEqual([
      { entity: 'products', created: 2, updated: 0, unchanged: 0 },
    ]);
    expect((await imported('products', productsFile)).written?.[0]).toMatchObject({
      created: 0,
      unchanged: 2,
    });
    const [p1] = await db.select().from(products).where(eq(products.reference, 'IMP-P1'));
    expect(p1).toMatchObject({ name: 'Farine T65 25 kg', vatRate: 550, version: 1 });

    const [list] = await db.select().from(priceLists).limit(1);
    const pricesFile = utf8Bom(
      crlf([
        'Tarif;Référence article;Quantité minimum;Prix unitaire HT',
        `${list!.code};IMP-P1;1;31,50`,
        `${list!.code};IMP-P1;10;29,90`,
        `${list!.code};IMP-P2;1;4,20`,
      ]),
    );
    expect((await imported('prices', pricesFile)).written).toEqual([
      { entity: 'prices', created: 2, updated: 0, unchanged: 0 },
    ]);
    const [price] = await db.select().from(prices).where(eq(prices.productId, p1!.id));
    expect(price!.breaks).toEqual([
      { minQuantity: 1, unitPriceCents: 3150 },
      { minQuantity: 10, unitPriceCents: 2990 },
    ]);
    const cheaper = utf8Bom(
      crlf(['Tarif;Référence article;Quantité minimum;Prix unitaire HT', `${list!.code};IMP-P1;1;30,00`]),
    );
    expect((await imported('prices', cheaper)).written?.[0]).toMatchObject({ updated: 1 });
    const [replaced] = await db.select().from(prices).where(eq(prices.id, price!.id));
    expect(replaced).toMatchObject({ breaks: [{ minQuantity: 1, unitPriceCents: 3000 }], version: 2 });

    const ordersFile = utf8Bom(
      crlf([
        'N° commande;Réf client;Date;Référence article;Quantité;Prix unitaire HT',
        'IMP-CMD-1;IMP-FR-001;2026-03-02;IMP-P1;4;31,50',
        'IMP-CMD-1;IMP-FR-001;2026-03-02;IMP-P2;10;4,20',
        'IMP-CMD-2;IMP-FR-002;2026-03-03;IMP-P2;2;4,20',
      ]),
    );
    expect((await imported('orders', ordersFile)).written).toEqual([
      { entity: 'orders', created: 2, updated: 0, unchanged: 0 },
    ]);
    const [order] = await db.select().from(orders).where(eq(orders.number, 'IMP-CMD-1'));
    expect(order).toMatchObject({ totalExclCents: 4 * 3150 + 10 * 420, version: 1, status: 'delivered' });
    expect(await db.select().from(orderLines).where(eq(orderLines.orderId, order!.id))).toHaveLength(2);
    expect((await imported('orders', ordersFile)).written?.[0]).toMatchObject({ created: 0, unchanged: 2 });
    // A changed line replaces the order's lines and bumps its version once.
    const changed = utf8Bom(
      crlf([
        'N° commande;Réf client;Date;Référence article;Quantité;Prix unitaire HT',
        'IMP-CMD-1;IMP-FR-001;2026-03-02;IMP-P1;5;31,50',
      ]),
    );
    expect((await imported('orders', changed)).written?.[0]).toMatchObject({ updated: 1 });
    const [after] = await db.select().from(orders).where(eq(orders.number, 'IMP-CMD-1'));
    expect(after).toMatchObject({ totalExclCents: 5 * 3150, version: 2 });
    expect(await db.select().from(orderLines).where(eq(orderLines.orderId, order!.id))).toHaveLength(1);
  });

  it('refuses a rep (forbidden) and a file over the size limit (bad-request)', async () => {
    const camille = await server.login(DEMO.camille);
    const reply = await run('customers', win1252(frenchCustomers), {}, camille);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const manager = await server.login(DEMO.manager);
    expect((await run('customers', win1252(frenchCustomers), {}, manager)).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const big = await run('customers', Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x41));
    expect(big.body).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(big.status).toBe(400);
  });

  it.skipIf(!hasCdnow)(
    'imports the whole CDNOW history: 69,659 orders, 23,544 customers, exact total',
    async () => {
      const db = server.database.db;
      const bytes = readFileSync(cdnowPath);
      let expectedCents = 0n;
      for (const line of bytes.toString('utf8').split(/\r?\n/).slice(1)) {
        if (line !== '') expectedCents += BigInt(line.split(',')[3]!.replace('.', ''));
      }
      const started = performance.now();
      const out = await imported('cdnow', bytes, { ownerEmail: DEMO.thomas });
      const ms = performance.now() - started;
      console.log(
        `CDNOW import on ${backend.name}: ${(ms / 1000).toFixed(1)} s (${Math.round(69_659 / (ms / 1000))} rows/s)`,
      );
      expect(out.ok, JSON.stringify(out.errors.slice(0, 3))).toBe(true);
      expect(out.written).toEqual([
        { entity: 'customers', created: 23_544, updated: 0, unchanged: 0 },
        { entity: 'products', created: 1, updated: 0, unchanged: 0 },
        { entity: 'orders', created: 69_659, updated: 0, unchanged: 0 },
      ]);
      const [totals] = await db
        .select({
          orders: count(),
          cents: sql<string>`sum(${orders.totalExclCents})::text`,
        })
        .from(orders)
        .where(sql`${orders.number} like 'CDNOW-%'`);
      expect(totals!.orders).toBe(69_659);
      expect(BigInt(totals!.cents)).toBe(expectedCents);
      const [owned] = await db
        .select({ n: count() })
        .from(customers)
        .where(sql`${customers.externalRef} is not null and ${customers.name} like 'Client CDNOW %'`);
      expect(owned!.n).toBe(23_544);
    },
    180_000,
  );

  it.skipIf(!hasCdnow)(
    'RFM and the migration matrix on CDNOW agree customer by customer and cell by cell with the definition counted independently',
    async () => {
      const purchases: Purchase[] = [];
      for (const line of readFileSync(cdnowPath, 'utf8').split(/\r?\n/).slice(1)) {
        if (line === '') continue;
        const [customerId, date, , amount] = line.split(',');
        purchases.push({
          customerId: customerId!,
          day: Date.parse(`${date!}T00:00:00Z`) / DAY,
          cents: Math.round(Number(amount) * 100),
        });
      }
      const expected = independentRfm(purchases, '1998-06-30');
      expect(expected.size).toBe(23_544);
      const { customers: scored } = await server.ok<{ customers: CustomerRfmRow[] }>(
        'rfm-scores',
        { asOf: '1998-06-30' },
        admin,
      );
      expect(scored.length).toBe(expected.size);
      for (const { customerRef, customerId: _id, ...row } of scored) {
        const { customerId: _ref, ...want } = expected.get(customerRef ?? '') ?? { customerId: '' };
        expect(row, customerRef ?? 'no reference').toEqual(want);
      }
      const { cells } = await server.ok<{ cells: MigrationCell[] }>(
        'rfm-migrations',
        { from: '1997-12-31', to: '1998-06-30' },
        admin,
      );
      const byKey = (list: readonly MigrationCell[]) =>
        [...list].sort((a, b) =>
          `${a.fromSegment}>${a.toSegment}`.localeCompare(`${b.fromSegment}>${b.toSegment}`),
        );
      expect(byKey(cells)).toEqual(byKey(independentMigrations(purchases, '1997-12-31', '1998-06-30')));
    },
    120_000,
  );
});
