import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
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
  it('shows clear errors, then saves the start point and travel settings to this laptop', async () => {
    renderWithApp(db, <RouteSettingsCard />);
    const label = await screen.findByRole('textbox', { name: 'Nom du point de départ' });
    fireEvent.change(label, { target: { value: 'Domicile' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Latitude' }), { target: { value: '95' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Longitude' }), { target: { value: '4,8357' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('latitude entre -90 et 90');
    expect(screen.getByRole('textbox', { name: 'Latitude' }).getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByRole('textbox', { name: 'Latitude' }), { target: { value: '45,764' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Coefficient routier' }), {
      target: { value: '1,4' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Réglages de tournée enregistrés sur cet ordinateur.')).toBeTruthy();
    await waitFor(async () =>
      expect(await db.getMeta('routeStart')).toEqual({ label: 'Domicile', lat: 45.764, lon: 4.8357 }),
    );
    expect(await db.getMeta('roadFactor')).toBe(1.4);
    expect(await db.getMeta('averageSpeedKmh')).toBe(60);
  });
});
