import { describe, expect, it } from 'vitest';
import { withLuhnCheckDigit } from '../../../shared/domain/customer/siret.js';
import { encodeCsv } from './export.js';
import { importContacts, importCustomers, importOrders, importPrices, importProducts } from './importers.js';
import { memoryLookups } from './lookups.js';

const SIRET = withLuhnCheckDigit(`${withLuhnCheckDigit('73282932')}0001`);
const utf8 = (s: string) => encodeCsv(s, { bom: false });
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.codePointAt(0)!));

const uuid = (n: number) => `0190a6b2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const lookups = memoryLookups({
  products: [
    { id: uuid(1), reference: 'B-001', name: 'Bière blonde 33 cl', vatRate: 2000 },
    { id: uuid(2), reference: 'E-010', name: 'Eau minérale 1 L', vatRate: 550 },
  ],
  customers: [{ id: uuid(10), externalRef: 'C001' }],
  reps: [{ id: uuid(20), email: 'camille@tournee.test' }],
  priceLists: [{ id: uuid(30), code: 'CHR' }],
});

describe('importCustomers', () => {
  const fr = [
    'Référence;Raison sociale;SIRET;Code postal;Ville;Commercial;Latitude;Date premier contact;Statut',
    `C001;Café du Port;${SIRET};69001;Lyon;Camille@Tournee.test;45,764;02/01/2024;client`,
    'C002;"Hôtel ""Le Parc""";;69002;Lyon;;;;prospect',
  ].join('\r\n');
  const en = [
    'Customer id,Company,Siret,Zip,City,Rep,Lat,First contact,Status',
    `C001,Café du Port,${SIRET},69001,Lyon,camille@tournee.test,45.764,2024-01-02,customer`,
    'C002,"Hôtel ""Le Parc""",,69002,Lyon,,,,prospect',
  ].join('\n');

  it('French and English files give the same records', async () => {
    const a = await importCustomers(utf8(fr), { lookups });
    const b = await importCustomers(utf8(en), { lookups });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.records).toEqual(b.records);
    expect(a.records[0]).toEqual({
      line: 2,
      externalRef: 'C001',
      existingId: uuid(10),
      ownerId: uuid(20),
      ownerEmail: 'camille@tournee.test',
      fields: {
        name: 'Café du Port',
        siret: SIRET,
        postcode: '69001',
        city: 'Lyon',
        latitude: 45.764,
        firstContactDate: '2024-01-02',
        status: 'customer',
      },
    });
    expect(a.records[1]!.existingId).toBeNull();
    expect(a.report).toMatchObject({ rows: 2, encoding: 'utf-8', bom: false, delimiter: ';' });
    expect(b.report.delimiter).toBe(',');
  });

  it('reads Windows-1252 and UTF-8 with BOM to the same records', async () => {
    const a = await importCustomers(cp1252(fr), { lookups });
    const b = await importCustomers(encodeCsv(fr, { bom: true }), { lookups });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.records).toEqual(b.records);
    expect(a.records[1]!.fields.name).toBe('Hôtel "Le Parc"');
    expect(a.report.encoding).toBe('windows-1252');
    expect(a.report.warnings.map((w) => w.code)).toContain('windows-1252');
    expect(b.report.bom).toBe(true);
  });

  it('collects every error with its line and column', async () => {
    const file = [
      'Référence;Raison sociale;SIRET;Date premier contact;Latitude;Commercial;Notes',
      `C001;Café;12345678901234;31/02/2024;45,7;x@y.test;ok`,
      '"C002";"Multi',
      'ligne";;;;;',
      'C001;;;01/01/2024;abc;;',
    ].join('\n');
    const r = await importCustomers(utf8(file), { lookups });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.code, e.value])).toEqual([
      [2, 'SIRET', 'bad-siret', '12345678901234'],
      [2, 'Date premier contact', 'bad-date', '31/02/2024'],
      [2, 'Commercial', 'unknown-rep', 'x@y.test'],
      [5, 'Raison sociale', 'required', ''],
      [5, 'Latitude', 'bad-number', 'abc'],
      [5, 'Référence', 'duplicate-reference', 'C001'],
    ]);
    expect(r.errors[5]!.reason).toContain('line 2');
    expect(r.report.warnings.map((w) => [w.code, w.column])).toEqual([['unknown-column', 'Notes']]);
  });

  it('refuses a file with a missing required column, naming it', async () => {
    const r = await importCustomers(utf8('SIRET;Ville\n1;Lyon\n'), { lookups });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 1, code: 'missing-column', field: 'name' });
    expect(r.errors[0]!.reason).toContain('Raison sociale');
  });

  it('refuses a UTF-16 file as wrong encoding', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Nom\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const r = await importCustomers(utf16, { lookups });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['wrong-encoding']);
  });

  it('reports progress up to the total', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `R${i};Client ${i}`);
    const calls: [number, number][] = [];
    const r = await importCustomers(utf8(['Ref;Nom', ...rows].join('\n')), {
      lookups,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(r.ok).toBe(true);
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toEqual([5000, 5000]);
    expect(calls.every(([, total]) => total === 5000)).toBe(true);
  });
});

describe('importContacts', () => {
  it('resolves customers and applies the shared contact schema', async () => {
    const file = [
      'Client ref;Nom;Prénom;Fonction;Portable;E-mail;Décideur;Canal préféré',
      'C001;Martin;Léa;Gérante;06 12 34 56 78;LEA@cafe.test;oui;téléphone',
      'C404;Durand;;;;pas-un-email;peut-être;',
    ].join('\n');
    const r = await importContacts(utf8(file), { lookups });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.code, e.value])).toEqual([
      [3, 'Décideur', 'bad-boolean', 'peut-être'],
      [3, 'E-mail', 'bad-value', 'pas-un-email'],
      [3, 'Client ref', 'unknown-customer', 'C404'],
    ]);
    const ok = await importContacts(utf8(file.split('\n').slice(0, 2).join('\n')), { lookups });
    expect(ok.ok && ok.records).toEqual([
      {
        line: 2,
        customerRef: 'C001',
        customerId: uuid(10),
        externalRef: null,
        contact: {
          firstName: 'Léa',
          lastName: 'Martin',
          role: 'Gérante',
          phone: '',
          mobile: '06 12 34 56 78',
          email: 'lea@cafe.test',
          decisionMaker: true,
          preferredChannel: 'phone',
        },
      },
    ]);
  });
});

describe('importProducts', () => {
  it('parses products and reports bad VAT and duplicate references', async () => {
    const file = [
      'SKU,Name,Family,Unit,VAT,Active',
      'B-001,Bière blonde 33 cl,Bières,carton de 24,20 %,yes',
      'N-100,Nouveau jus,Softs,bouteille,"5,5",',
      'B-001,Doublon,Bières,carton,19.6,no',
    ].join('\n');
    const r = await importProducts(utf8(file), { lookups });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, 'VAT', 'bad-vat-rate'],
      [4, 'SKU', 'duplicate-reference'],
    ]);
    const ok = await importProducts(utf8(file.split('\n').slice(0, 3).join('\n')), { lookups });
    expect(ok.ok && ok.records).toEqual([
      {
        line: 2,
        existingId: uuid(1),
        product: {
          reference: 'B-001',
          name: 'Bière blonde 33 cl',
          family: 'Bières',
          unit: 'carton de 24',
          vatRate: 2000,
          active: true,
        },
      },
      {
        line: 3,
        existingId: null,
        product: {
          reference: 'N-100',
          name: 'Nouveau jus',
          family: 'Softs',
          unit: 'bouteille',
          vatRate: 550,
          active: true,
        },
      },
    ]);
  });
});

describe('importPrices', () => {
  it('groups quantity breaks per price list and product', async () => {
    const file = [
      'Tarif;Référence produit;Quantité minimale;Prix unitaire HT',
      'CHR;B-001;10;1,10',
      'CHR;B-001;1;1,25 €',
      'CHR;E-010;;0,45',
    ].join('\n');
    const r = await importPrices(utf8(file), { lookups });
    expect(r.ok && r.records).toEqual([
      {
        lines: [3, 2],
        priceListCode: 'CHR',
        priceListId: uuid(30),
        productReference: 'B-001',
        productId: uuid(1),
        breaks: [
          { minQuantity: 1, unitPriceCents: 125 },
          { minQuantity: 10, unitPriceCents: 110 },
        ],
      },
      {
        lines: [4],
        priceListCode: 'CHR',
        priceListId: uuid(30),
        productReference: 'E-010',
        productId: uuid(2),
        breaks: [{ minQuantity: 1, unitPriceCents: 45 }],
      },
    ]);
  });

  it('reports unknown price lists and products, and breaks not starting at 1', async () => {
    const file = [
      'Tarif;Référence produit;Qté min;Prix',
      'XXX;B-001;1;1',
      'CHR;ZZZ;1;1',
      'CHR;B-001;6;1',
    ].join('\n');
    const r = await importPrices(utf8(file), { lookups });
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'Tarif', 'unknown-price-list'],
      [3, 'Référence produit', 'unknown-product'],
      [4, 'Qté min', 'bad-price-breaks'],
    ]);
  });
});

describe('importOrders', () => {
  const header =
    'N° commande;Réf client;Date;Référence produit;Quantité;Prix unitaire HT;Remise %;TVA;Montant';

  it('groups rows into orders with totals in integer cents', async () => {
    const file = [
      header,
      'CMD-1;C001;15/03/2026;B-001;7;12,99;4,5;;86,84',
      'CMD-1;C001;15/03/2026;E-010;3;0,45;;;',
      'CMD-2;C001;2026-03-16T10:00:00Z;E-010;1;;;;1\u202f234,56',
    ].join('\n');
    const r = await importOrders(utf8(file), { lookups });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.records;
    expect(a).toMatchObject({
      line: 2,
      number: 'CMD-1',
      customerId: uuid(10),
      date: '2026-03-15',
      orderedAt: '2026-03-14T23:00:00.000Z',
      status: 'delivered',
      totalExclCents: 8684 + 135,
      totalVatCents: 1737 + 7,
      totalInclCents: 8684 + 135 + 1737 + 7,
    });
    expect(
      a!.lines.map((l) => [
        l.line,
        l.productId,
        l.quantity,
        l.unitPriceCents,
        l.discountBp,
        l.vatRate,
        l.totalExclCents,
      ]),
    ).toEqual([
      [2, uuid(1), 7, 1299, 450, 2000, 8684],
      [3, uuid(2), 3, 45, 0, 550, 135],
    ]);
    expect(b).toMatchObject({ orderedAt: '2026-03-16T10:00:00.000Z', totalExclCents: 123456 });
    expect(b!.lines[0]!.unitPriceCents).toBe(123456);
  });

  it('collects unknown products and customers, bad numbers, mismatched amounts and inconsistent orders', async () => {
    const file = [
      header,
      'CMD-1;C001;15/03/2026;NOPE;1;1,00;;;',
      'CMD-1;C002;15/03/2026;B-001;deux;1,00;;;',
      'CMD-2;C404;15/03/2026;B-001;1;1,00;;;',
      'CMD-3;C001;15/03/2026;B-001;2;1,00;;;3,00',
      'CMD-4;C001;;B-001;1;;;;',
    ].join('\n');
    const r = await importOrders(utf8(file), { lookups });
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'Référence produit', 'unknown-product'],
      [3, 'Quantité', 'bad-integer'],
      [3, 'Réf client', 'inconsistent-order'],
      [3, 'Réf client', 'unknown-customer'],
      [4, 'Réf client', 'unknown-customer'],
      [5, 'Montant', 'amount-mismatch'],
      [6, 'Date', 'required'],
      [6, 'Prix unitaire HT', 'required'],
    ]);
  });

  it('refuses amounts no order can hold, at the line and column, instead of failing', async () => {
    const file = [
      header,
      'CMD-1;C001;15/03/2026;B-001;9000000000000;1,00;;;',
      'CMD-2;C001;15/03/2026;B-001;1;90000000000,00;;;',
      ...Array.from({ length: 12 }, () => 'CMD-3;C001;15/03/2026;B-001;1000000;10000000,00;;;'),
    ].join('\n');
    const r = await importOrders(utf8(file), { lookups });
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'Quantité', 'out-of-range'],
      [3, 'Prix unitaire HT', 'out-of-range'],
      [4, 'Montant', 'out-of-range'],
    ]);
  });
});
