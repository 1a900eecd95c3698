import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cdnowCustomerName, importCdnow } from './cdnow.js';
import { encodeCsv } from './export.js';
import { memoryLookups } from './lookups.js';

const path = fileURLToPath(new URL('../../../../../shared/data/cdnow/cdnow_master.csv', import.meta.url));

describe('importCdnow', () => {
  it('parses the whole CDNOW history: one order per row, exact cents', async () => {
    const bytes = readFileSync(path);
    // Independent expectation, with string arithmetic only.
    const lines = bytes
      .toString('utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l !== '');
    let expectedCents = 0n;
    const ids = new Set<string>();
    for (const l of lines) {
      const [id, , , amount] = l.split(',');
      expect(amount).toMatch(/^\d+\.\d\d$/);
      expectedCents += BigInt(amount!.replace('.', ''));
      ids.add(id!);
    }
    const progress: number[] = [];
    const r = await importCdnow(bytes, { onProgress: (done) => progress.push(done) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 5)));
    const { orders, customers, product } = r.records;
    expect(lines).toHaveLength(69_659);
    expect(r.report.rows).toBe(69_659);
    expect(orders).toHaveLength(69_659);
    expect(customers).toHaveLength(ids.size);
    expect(ids.size).toBe(23_544);
    expect(orders.reduce((sum, o) => sum + BigInt(o.totalExclCents), 0n)).toBe(expectedCents);
    expect(new Set(orders.map((o) => o.number)).size).toBe(69_659);
    expect(orders.slice(0, 3).map((o) => [o.number, o.lines[0]!.quantity, o.totalExclCents, o.date])).toEqual(
      [
        ['CDNOW-00001-1997-01-01-1', 1, 1177, '1997-01-01'],
        ['CDNOW-00002-1997-01-12-1', 1, 1200, '1997-01-12'],
        ['CDNOW-00002-1997-01-12-2', 5, 7700, '1997-01-12'],
      ],
    );
    expect(customers[0]).toMatchObject({
      externalRef: '00001',
      existingId: null,
      fields: { name: 'Client CDNOW 00001', status: 'customer' },
    });
    expect(product.existingId).toBeNull();
    expect(progress.at(-1)).toBe(69_659);
    expect(progress.length).toBeLessThanOrEqual(101);
    // The whole file (69,659 rows): about 2 s on a quiet machine, margin for a loaded one.
  }, 30_000);

  it('resolves existing customers and the CD product when given lookups, and reports bad rows', async () => {
    const file = 'customer_id,date,cds,amount_usd\n00001,1997-01-01,1,11.77\n00002,1997-02-30,0,1.234\n';
    const lookups = memoryLookups({
      customers: [{ id: '0190a6b2-0000-7000-8000-000000000010', externalRef: '00001' }],
      products: [
        { id: '0190a6b2-0000-7000-8000-000000000001', reference: 'CDNOW-CD', name: 'CD', vatRate: 2000 },
      ],
    });
    const bad = await importCdnow(encodeCsv(file, { bom: false }), { lookups });
    expect(!bad.ok && bad.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'date', 'bad-date'],
      [3, 'amount_usd', 'bad-money'],
      [3, 'cds', 'out-of-range'],
    ]);
    const good = await importCdnow(encodeCsv(file.split('\n').slice(0, 2).join('\n'), { bom: false }), {
      lookups,
    });
    expect(good.ok && good.records.orders[0]).toMatchObject({
      customerId: '0190a6b2-0000-7000-8000-000000000010',
      lines: [
        { productId: '0190a6b2-0000-7000-8000-000000000001', totalExclCents: 1177, unitPriceCents: 1177 },
      ],
    });
    expect(cdnowCustomerName('00042')).toBe('Client CDNOW 00042');
  });

  it('names missing CDNOW columns', async () => {
    const r = await importCdnow(encodeCsv('customer_id,date\n1,1997-01-01\n', { bom: false }));
    expect(!r.ok && r.errors.map((e) => [e.code, e.field])).toEqual([
      ['missing-column', 'quantity'],
      ['missing-column', 'amountCents'],
    ]);
  });
});
