import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.js';
import { OfflineMap } from './OfflineMap.js';
import type { MapPoint, OfflineMapProps } from './OfflineMap.js';

afterEach(cleanup);

const points: MapPoint[] = [
  {
    id: 'a',
    label: 'Boulangerie Dupont',
    lat: 45.764,
    lon: 4.8357,
    segment: 'champions',
    routeNumber: 1,
    kind: 'stop',
  },
  {
    id: 'b',
    label: 'Café des Arts',
    lat: 45.7797,
    lon: 4.8873,
    segment: 'atRisk',
    routeNumber: 2,
    kind: 'stop',
  },
  {
    id: 'c',
    label: 'Hôtel du Lac',
    lat: 45.8992,
    lon: 4.7189,
    segment: null,
    routeNumber: null,
    kind: 'suggestion',
  },
];
const start = { lat: 45.7578, lon: 4.832, label: 'Domicile' };

function renderMap(props: Partial<OfflineMapProps> = {}) {
  const onSelect = vi.fn<(id: string) => void>();
  const view = render(
    <I18nProvider locale="fr">
      <OfflineMap
        points={points}
        path={[start, points[0]!, points[1]!, start]}
        start={start}
        label="Carte de la tournée"
        onSelect={onSelect}
        {...props}
      />
    </I18nProvider>,
  );
  return { ...view, onSelect };
}

/** The list of points under the map (the legend is a list too). */
const pointList = () =>
  within(screen.getByText(/points? sur la carte/).closest('details')!).getByRole('list');

const outlinesTransform = () => screen.getByTestId('map-outlines').getAttribute('transform');

describe('OfflineMap', () => {
  it('draws the numbered route, the suggestion, the start and the outlines', async () => {
    renderMap();
    const map = screen.getByRole('group', { name: 'Carte de la tournée' });
    expect(map.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(map).getByRole('button', { name: 'Arrêt 1 : Boulangerie Dupont' }).textContent).toContain(
      '1',
    );
    expect(within(map).getByRole('button', { name: 'Arrêt 2 : Café des Arts' }).textContent).toContain('2');
    expect(within(map).getByRole('button', { name: 'Suggestion : Hôtel du Lac' })).toBeTruthy();
    expect(within(map).getByRole('img', { name: 'Départ : Domicile' })).toBeTruthy();
    expect(document.querySelector('.map__route-line')?.getAttribute('d')).toMatch(
      /^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+){3}$/,
    );
    await waitFor(() => expect(document.querySelectorAll('.map__country--france')).toHaveLength(1));
    expect(screen.getByText('© Natural Earth, GeoNames')).toBeTruthy();
  });

  it('explains every kind of mark in a legend, added visits drawn apart from appointments', () => {
    renderMap({
      points: [...points, { ...points[0]!, id: 'd', label: 'Garage Martin', routeNumber: 3, fixed: false }],
    });
    const legend = screen.getByRole('list', { name: 'Légende de la carte' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/^\d/, '')), // the swatches' numbers are drawn, not read
    ).toEqual([
      'Rendez-vous à heure fixe (le numéro donne l’ordre de passage)',
      'Visite ajoutée, sans heure fixe',
      'Cercle en pointillés : client proche suggéré, pas encore dans la tournée',
      'Point de départ et de retour',
      'Trajet dans l’ordre des visites (à vol d’oiseau)',
      'Couleur : segment du client (gris : prospect)',
    ]);
    const added = screen.getByRole('button', { name: 'Arrêt 3 (visite ajoutée) : Garage Martin' });
    expect(added.querySelector('rect.map__mark')).not.toBeNull();
  });

  it('lists the points in route order, with the town around them', async () => {
    renderMap();
    const list = pointList();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Domicile'),
      expect.stringContaining('Arrêt 1Boulangerie Dupont'),
      expect.stringContaining('Arrêt 2Café des Arts'),
      expect.stringContaining('SuggestionHôtel du Lac'),
    ]);
    await waitFor(() => expect(items[1]!.textContent).toContain('près de Lyon'));
    expect(screen.getByText('3 points sur la carte')).toBeTruthy();
  });

  it('zooms and pans with the keyboard, and goes back to the day’s area with 0', () => {
    renderMap();
    const map = screen.getByRole('group', { name: 'Carte de la tournée' });
    const home = outlinesTransform();
    const scale = () => Number(/scale\(([\d.]+)\)/.exec(outlinesTransform() ?? '')?.[1]);
    const before = scale();
    fireEvent.keyDown(map, { key: '+' });
    expect(scale()).toBeCloseTo(before * 1.5);
    fireEvent.keyDown(map, { key: '-' });
    fireEvent.keyDown(map, { key: '-' });
    expect(scale()).toBeCloseTo(before / 1.5);
    fireEvent.keyDown(map, { key: 'ArrowLeft' });
    expect(outlinesTransform()).not.toBe(home);
    fireEvent.keyDown(map, { key: '0' });
    expect(outlinesTransform()).toBe(home);
    fireEvent.click(screen.getByRole('button', { name: 'Zoomer' }));
    expect(scale()).toBeCloseTo(before * 1.5);
  });

  it('calls onSelect from a marker (click or Enter) and from the list, and shows the selection', () => {
    const { onSelect, rerender } = renderMap();
    const map = screen.getByRole('group', { name: 'Carte de la tournée' });
    fireEvent.click(within(map).getByRole('button', { name: 'Arrêt 2 : Café des Arts' }));
    expect(onSelect).toHaveBeenLastCalledWith('b');
    fireEvent.keyDown(within(map).getByRole('button', { name: 'Suggestion : Hôtel du Lac' }), {
      key: 'Enter',
    });
    expect(onSelect).toHaveBeenLastCalledWith('c');
    fireEvent.click(within(pointList()).getByRole('button', { name: /Boulangerie Dupont/ }));
    expect(onSelect).toHaveBeenLastCalledWith('a');
    rerender(
      <I18nProvider locale="fr">
        <OfflineMap points={points} path={[]} start={start} label="Carte de la tournée" selectedId="b" />
      </I18nProvider>,
    );
    expect(
      within(map).getByRole('button', { name: 'Arrêt 2 : Café des Arts' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      within(pointList())
        .getByRole('button', { name: /Café des Arts/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('shows all of France when there is nothing to draw', () => {
    renderMap({ points: [], path: [], start: null });
    expect(outlinesTransform()).toBe('translate(0 0) scale(1)');
    expect(screen.getByText('Aucun point sur la carte')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Voir toute la France' })).toBeTruthy();
  });
});
