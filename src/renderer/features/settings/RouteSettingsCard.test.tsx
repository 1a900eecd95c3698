import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { parseDecimal, RouteSettingsCard, validateRouteSettings } from './RouteSettingsCard.js';

const ok = { label: 'Domicile', lat: '45,764', lon: '4.8357', roadFactor: '1,3', speed: '60' };

describe('route settings validation', () => {
  it('reads French and English decimals', () => {
    expect(parseDecimal('45,764')).toBe(45.764);
    expect(parseDecimal(' -4.5 ')).toBe(-4.5);
    expect(parseDecimal('4,5,6')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
  });

  it('accepts a start point and travel settings, or no start point at all', () => {
    expect(validateRouteSettings(ok)).toEqual({
      ok: true,
      start: { label: 'Domicile', lat: 45.764, lon: 4.8357 },
      roadFactor: 1.3,
      speedKmh: 60,
    });
    expect(validateRouteSettings({ ...ok, label: '', lat: '', lon: '' })).toMatchObject({
      ok: true,
      start: null,
    });
  });

  it('names every field in error', () => {
    expect(
      validateRouteSettings({ label: '', lat: '91', lon: 'abc', roadFactor: '0,9', speed: '200' }),
    ).toEqual({
      ok: false,
      errors: ['label', 'lat', 'lon', 'roadFactor', 'speed'],
    });
    expect(validateRouteSettings({ ...ok, roadFactor: '3,01' })).toEqual({
      ok: false,
      errors: ['roadFactor'],
    });
    expect(validateRouteSettings({ ...ok, speed: '4' })).toEqual({ ok: false, errors: ['speed'] });
  });
});

let db: AppDB;
eachScreenDb('route-settings', (fresh) => {
  db = fresh;
});

describe('route settings card', () => {
  it('finds home by town, keeps GPS coordinates under « Avancé », and saves with the detours chosen', async () => {
    renderWithApp(db, <RouteSettingsCard />);
    expect(await screen.findByRole('radio', { name: 'votre domicile' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: /^Normal/ })).toHaveProperty('checked', true);
    // The coordinates are there, but folded away.
    const advanced = screen.getByText('Avancé : coordonnées GPS').closest('details')!;
    expect(advanced.open).toBe(false);
    expect(screen.queryByRole('textbox', { name: 'Coefficient routier' })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Ville ou code postal' }), {
      target: { value: '69001' },
    });
    const towns = await screen.findByRole('list', { name: 'Villes trouvées' }, { timeout: 5000 });
    fireEvent.click(within(towns).getAllByRole('button', { name: /^Lyon/ })[0]!);
    expect(screen.getByTestId('route-start-place').textContent).toMatch(/^Position retenue : Lyon \(69001/);

    fireEvent.click(screen.getByRole('radio', { name: /^Beaucoup/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Réglages de tournée enregistrés sur cet ordinateur.')).toBeTruthy();
    const start = await db.getMeta('routeStart');
    expect(start?.label).toBe('Domicile');
    expect(start?.lat).toBeCloseTo(45.76, 1);
    expect(start?.lon).toBeCloseTo(4.83, 1);
    expect(await db.getMeta('roadFactor')).toBe(1.5);
    expect(await db.getMeta('averageSpeedKmh')).toBe(60);
    await waitFor(() =>
      expect(screen.getByTestId('route-start-current').textContent).toBe('Actuel : Domicile, à Lyon'),
    );
  });

  it('names another place, and opens « Avancé » on a wrong coordinate', async () => {
    renderWithApp(db, <RouteSettingsCard />);
    fireEvent.click(await screen.findByRole('radio', { name: 'un autre lieu' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Nom du lieu' }), { target: { value: 'Dépôt' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Latitude' }), { target: { value: '95' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Longitude' }), { target: { value: '4,8357' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('latitude entre -90 et 90');
    expect(screen.getByText('Avancé : coordonnées GPS').closest('details')!.open).toBe(true);

    fireEvent.change(screen.getByRole('textbox', { name: 'Latitude' }), { target: { value: '45,764' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () =>
      expect(await db.getMeta('routeStart')).toEqual({ label: 'Dépôt', lat: 45.764, lon: 4.8357 }),
    );
    expect(await db.getMeta('roadFactor')).toBe(1.3);
  });

  it('keeps a road factor set before as « Réglage actuel », and knows « Domicile » in English', async () => {
    await db.setMeta('roadFactor', 1.4);
    await db.setMeta('routeStart', { label: 'Domicile', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteSettingsCard />, { locale: 'en' });
    expect(await screen.findByRole('radio', { name: 'your home' })).toHaveProperty('checked', true);
    expect(await screen.findByRole('radio', { name: 'Current setting (+40%)' })).toHaveProperty(
      'checked',
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Route settings saved on this laptop.')).toBeTruthy();
    expect(await db.getMeta('roadFactor')).toBe(1.4);
    expect((await db.getMeta('routeStart'))?.label).toBe('Home');
  });
});
