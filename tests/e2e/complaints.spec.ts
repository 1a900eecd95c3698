/**
 * Complaints end to end, in web mode: offline, the rep logs a complaint with a photo; back
 * online it reaches head office intact; head office acknowledges it; the rep sees the event.
 */
import { randomUUID } from 'node:crypto';
import { REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

/** A 1×1 PNG. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('offline: log a complaint with a photo; online it reaches head office, which acknowledges it', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();
  const name = (await app.customerRows().first().getByRole('link').innerText()).trim();
  await app.openCustomer(name);
  await app.openComplaintsTab();

  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  const description = `Cartons écrasés à la livraison — ${randomUUID()}`;
  await app.logComplaint({
    description,
    files: [{ name: 'cartons.png', mimeType: 'image/png', buffer: PHOTO }],
  });
  const card = page.locator('li.complaint').filter({ hasText: description });
  await expect(card.locator('.complaint__title')).toContainText('Enregistrée sur ce portable');
  await expect(card.getByRole('img', { name: 'Aperçu de cartons.png' })).toBeVisible();
  await expect(card).toContainText('Reçue');
  await expectNoSeriousA11yViolations(page);

  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await app.waitUpToDate();
  await expect(card.locator('.complaint__title')).toContainText('Au siège');

  const complaint = (await app.localRows<{ id: string; description: string }>('complaints')).find(
    (c) => c.description === description,
  );
  expect(complaint).toBeDefined();
  const attachment = (
    await app.localRows<{ id: string; complaintId: string; version: number }>('complaintAttachments')
  ).find((a) => a.complaintId === complaint?.id);
  expect(attachment?.version).toBeGreaterThan(0);
  expect((await headOffice.complaintAttachment(attachment!.id)).equals(PHOTO)).toBe(true);

  await headOffice.updateComplaintStatus(complaint!.id, 'acknowledged', 'Transporteur prévenu');
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await app.waitUpToDate();
  await expect(card.locator('.complaint__title')).toContainText('Prise en compte');
  await expect(card).toContainText('Transporteur prévenu');
  await expect(card).toContainText('Reçue → Prise en compte');
});
