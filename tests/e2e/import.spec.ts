/**
 * The admin imports customers at head office through the Imports screen: the detected format,
 * the column mapping and the preview, then the report. A file with bad lines lists each one
 * (line, column, localised reason) and writes nothing.
 */
import { ADMIN, expect, test } from './fixtures.js';

const suffix = Date.now().toString(36);

/** Windows-1252 for the characters used here is Latin-1. */
function win1252(lines: string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

test('the admin imports a customers CSV with a preview, then a bad file writes nothing', async ({
  app,
  page,
  headOffice,
}) => {
  await app.signIn(ADMIN);
  await page.getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Type de fichier')).toHaveValue('customers');

  const good = win1252([
    'Référence;Raison sociale;Code postal;Ville;Commercial',
    `E2E-${suffix}-1;Boulangerie Dupré ${suffix};42110;Feurs;camille.martin@tournee.test`,
    `E2E-${suffix}-2;Café de la Gare ${suffix};42000;Saint-Étienne;camille.martin@tournee.test`,
  ]);
  await page
    .getByLabel('Fichier CSV')
    .setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: good });

  // Detected format, mapping prefilled from the suggestion, preview of the rows.
  const detected = page.getByRole('region', { name: 'Fichier détecté' });
  await expect(detected).toContainText('WINDOWS-1252');
  await expect(detected).toContainText('point-virgule (;)');
  await expect(detected).toContainText('2 lignes');
  await expect(page.getByRole('combobox', { name: 'Champ pour la colonne « Raison sociale »' })).toHaveValue(
    'name',
  );
  await expect(page.getByRole('combobox', { name: 'Champ pour la colonne « Commercial »' })).toHaveValue(
    'repEmail',
  );
  const preview = page.getByRole('region', { name: 'Aperçu des premières lignes' });
  await expect(preview.getByRole('cell', { name: `Boulangerie Dupré ${suffix}` })).toBeVisible();

  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const report = page.getByRole('region', { name: 'Écrit au siège' });
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report.getByRole('row', { name: /Clients/ })).toContainText('2');
  await expect(page.getByRole('heading', { name: 'Écrit au siège' })).toBeFocused();
  const imported = await headOffice.customerByName(`Boulangerie Dupré ${suffix}`);
  expect(imported.city).toBe('Feurs');

  // A file with bad lines: every one listed, nothing written.
  await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
  const bad = win1252([
    'Référence;Raison sociale;Code postal;Commercial',
    `E2E-${suffix}-3;Tabac ${suffix};42000;camille.martin@tournee.test`,
    `E2E-${suffix}-4;;42000;camille.martin@tournee.test`,
    `E2E-${suffix}-5;Épicerie ${suffix};42000;personne@tournee.test`,
  ]);
  await page
    .getByLabel('Fichier CSV')
    .setInputFiles({ name: 'mauvais.csv', mimeType: 'text/csv', buffer: bad });
  await expect(page.getByText(/Rien n’a été écrit : le fichier contient 2 erreurs/)).toBeVisible();
  const errors = page.getByRole('region', { name: 'Erreurs' });
  await expect(errors.getByRole('row', { name: /^3 Raison sociale/ })).toContainText(
    'Cette case est obligatoire',
  );
  await expect(errors.getByRole('row', { name: /^4 Commercial/ })).toContainText(
    'Aucun utilisateur n’a cet e-mail',
  );
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
  await expect(headOffice.customerByName(`Tabac ${suffix}`)).rejects.toThrow(/no customer/);
});

test('a rep sees no Imports entry', async ({ app, page }) => {
  await app.signIn({ email: 'camille.martin@tournee.test', password: 'tournee' });
  await expect(page.getByRole('link', { name: 'Clients' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Imports' })).toHaveCount(0);
});
