/**
 * The customer list by keyboard: the focus is in the grid on arrival (J/K and arrows at once),
 * a segment filter chosen and cleared without the mouse, and the list as it was left on the
 * way back from a customer.
 */
import type { Page } from '@playwright/test';
import { REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

/** The name of the customer whose row holds the focus. */
function focusedRowName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('[role="grid"] tr') ? (active.textContent ?? null) : null;
  });
}

test('arrival puts the focus in the grid; a segment filter by keyboard; the list kept on the way back', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  await app.signIn(REP);
  // The first download can take a while on a loaded machine.
  await expect(app.syncStatus()).toContainText(/À jour/, { timeout: 60_000 });
  const rows = app.customerRows();
  await expect(rows.first()).toBeVisible();

  // Arrival from the rail: the first row has the focus, J / K / arrows move at once.
  await page.getByRole('link', { name: 'Aujourd’hui' }).click();
  await page.getByRole('link', { name: /^Clients$/ }).click();
  const names = (await rows.getByRole('link').allInnerTexts()).slice(0, 3);
  await expect.poll(() => focusedRowName(page)).toBe(names[0]);
  await page.keyboard.press('j');
  await expect.poll(() => focusedRowName(page)).toBe(names[1]);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRowName(page)).toBe(names[2]);
  await page.keyboard.press('k');
  await expect.poll(() => focusedRowName(page)).toBe(names[1]);

  // Segment « Champions », by keyboard only: the select, its list, Enter.
  const total = (await page.locator('.page__count').innerText()).trim();
  const filters = page.getByRole('group', { name: 'Filtres de la liste' });
  const segment = filters.getByRole('button', { name: /Segment/ });
  await segment.focus();
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option', { name: 'Champions' })).toBeVisible();
  // Typing a letter goes to the option, Enter chooses it (React Aria's type-ahead).
  await page.keyboard.type('Champ');
  await expect(listbox.getByRole('option', { name: 'Champions' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(listbox).toHaveCount(0);
  const count = page.locator('.page__count');
  await expect(count).toHaveAttribute('role', 'status');
  await expect(count).toHaveText(/^\d[\d\s\u202f]* sur \d/);
  const segmentCells = rows.locator('td:nth-child(5)');
  await expect(segmentCells.first()).toHaveText('Champions');
  for (const text of await segmentCells.allInnerTexts()) expect(text.trim()).toBe('Champions');
  const chips = page.getByRole('list', { name: 'Filtres appliqués' });
  await expect(chips.getByRole('listitem')).toHaveText(['Segment\u00a0: Champions×']);
  await expectNoSeriousA11yViolations(page);

  // Open a customer by keyboard and come back: the filter and the focused row are kept.
  const shown = (await rows.getByRole('link').allInnerTexts()).slice(0, 2);
  await rows.getByRole('link').first().focus();
  await page.keyboard.press('j');
  await expect.poll(() => focusedRowName(page)).toBe(shown[1]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: shown[1], level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(chips.getByRole('listitem')).toHaveText(['Segment\u00a0: Champions×']);
  await expect.poll(() => focusedRowName(page)).toBe(shown[1]);

  // The chip's remove button clears the filter.
  await chips
    .getByRole('button', { name: 'Retirer le filtre «\u00a0Segment\u00a0: Champions\u00a0»' })
    .press('Enter');
  await expect(chips).toHaveCount(0);
  await expect(count).toHaveText(total);
});
