/**
 * Settings → Route, in a rep's words: where the days start (home, office or another place,
 * found by town or postcode, or taken from a customer), how winding the roads are, and the
 * average speed. GPS coordinates stay under « Avancé ». Saved in this laptop's local settings
 * (meta); validated with the same zod schemas as on read, errors in the user's language.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { FormEvent } from 'react';
import { useEffect, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import type { z } from 'zod';
import { defaultTravelSettings, travelSettingsSchema } from '../../../shared/domain/geo/geo.js';
import { useApp } from '../../app/context.js';
import { metaSchemas } from '../../db/schema.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { routeEn } from '../../i18n/route.en.js';
import { routeFr } from '../../i18n/route.fr.js';
import { useT } from '../../i18n/useT.js';
import { ErrorSummary, FieldError } from '../../ui/form/index.js';
import type { Town } from '../map/index.js';
import { loadTownIndex, searchTowns } from '../map/index.js';

type Field = 'label' | 'lat' | 'lon' | 'roadFactor' | 'speed';

const errorKeys: Record<Field, MessageKey> = {
  label: 'route.settings.error.label',
  lat: 'route.settings.error.lat',
  lon: 'route.settings.error.lon',
  roadFactor: 'route.settings.error.roadFactor',
  speed: 'route.settings.error.speed',
};

/** "45,764" or "45.764" → 45.764; anything else → NaN. */
export function parseDecimal(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const startSchema = metaSchemas.routeStart.unwrap();

/**
 * How winding the roads are: the share added to the straight-line distance. « Normal » is the
 * default (1.3, the usual figure for France's roads).
 */
export const detourChoices = [
  { key: 'low', factor: 1.2 },
  { key: 'normal', factor: defaultTravelSettings.roadFactor },
  { key: 'high', factor: 1.5 },
] as const;

export type StartKind = 'home' | 'office' | 'other';

export interface RouteSettingsValues {
  label: string;
  lat: string;
  lon: string;
  roadFactor: string;
  speed: string;
}

/** Validates the form: the values to save, or the fields in error. No coordinates: no start point. */
export function validateRouteSettings(
  v: RouteSettingsValues,
):
  | { ok: true; start: z.infer<typeof startSchema> | null; roadFactor: number; speedKmh: number }
  | { ok: false; errors: Field[] } {
  const errors: Field[] = [];
  const anyStart = v.lat.trim() !== '' || v.lon.trim() !== '';
  let start: z.infer<typeof startSchema> | null = null;
  if (anyStart) {
    const lat = parseDecimal(v.lat);
    const lon = parseDecimal(v.lon);
    const parsed = startSchema.safeParse({ label: v.label.trim(), lat, lon });
    if (parsed.success) start = parsed.data;
    else {
      const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      if (bad.has('label')) errors.push('label');
      if (bad.has('lat')) errors.push('lat');
      if (bad.has('lon')) errors.push('lon');
    }
  }
  const travel = travelSettingsSchema.safeParse({
    roadFactor: parseDecimal(v.roadFactor),
    speedKmh: parseDecimal(v.speed),
  });
  if (!travel.success) {
    const bad = new Set(travel.error.issues.map((i) => String(i.path[0])));
    if (bad.has('roadFactor')) errors.push('roadFactor');
    if (bad.has('speedKmh')) errors.push('speed');
  }
  if (errors.length > 0 || !travel.success) return { ok: false, errors };
  return { ok: true, start, roadFactor: travel.data.roadFactor, speedKmh: travel.data.speedKmh };
}

export function RouteSettingsCard() {
  const { db } = useApp();
  const stored = useLiveQuery(
    async () => ({
      start: (await db.getMeta('routeStart')) ?? null,
      roadFactor: (await db.getMeta('roadFactor')) ?? defaultTravelSettings.roadFactor,
      speed: (await db.getMeta('averageSpeedKmh')) ?? defaultTravelSettings.speedKmh,
    }),
    [db],
  );
  if (stored === undefined) return null;
  // The form starts from the stored values once; the "current" line follows them live.
  return <RouteSettingsForm stored={stored} />;
}

/** The town nearest to a point ("à Lyon"), once the bundled towns are loaded; null far from any. */
function useNearestTown(point: { lat: number; lon: number } | null): string | null {
  const [found, setFound] = useState<{ key: string; name: string | null } | null>(null);
  const key = point ? `${point.lat},${point.lon}` : '';
  useEffect(() => {
    if (!point) return;
    let live = true;
    loadTownIndex().then(
      (index) => live && setFound({ key, name: index.nearest(point)?.name ?? null }),
      () => live && setFound({ key, name: null }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return point && found?.key === key ? found.name : null;
}

function RouteSettingsForm({
  stored,
}: {
  stored: { start: z.infer<typeof startSchema> | null; roadFactor: number; speed: number };
}) {
  const { db } = useApp();
  const intl = useIntl();
  const t = useT();
  const id = useId();
  const num = (n: number) => intl.formatNumber(n, { maximumFractionDigits: 6, useGrouping: false });
  const kindLabel = (k: Exclude<StartKind, 'other'>) => t(`route.settings.kind.${k}`);
  // « Domicile » saved in French is still the home in English, and the other way round.
  const [kind, setKind] = useState<StartKind>(() => {
    const saved = stored.start?.label;
    if (saved === undefined) return 'home';
    for (const k of ['home', 'office'] as const) {
      const key = `route.settings.kind.${k}` as const;
      if (saved === routeFr[key] || saved === routeEn[key]) return k;
    }
    return 'other';
  });
  const [values, setValues] = useState<RouteSettingsValues>({
    label: kind === 'other' ? (stored.start?.label ?? '') : '',
    lat: stored.start ? num(stored.start.lat) : '',
    lon: stored.start ? num(stored.start.lon) : '',
    roadFactor: String(stored.roadFactor),
    speed: num(stored.speed),
  });
  // What the chosen position is, in words: a town, a customer, or coordinates typed by hand.
  const [place, setPlace] = useState<string | null>(null);
  const [errors, setErrors] = useState<Field[]>([]);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // Bumped by each refused save: the summary of problems takes the focus.
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [towns, setTowns] = useState<Town[] | null>(null);
  const customers = useLiveQuery(
    async () =>
      (await db.customers.orderBy('name').toArray()).filter(
        (c) => c.latitude !== null && c.longitude !== null,
      ),
    [db],
  );
  const storedTown = useNearestTown(stored.start);
  const typedLat = parseDecimal(values.lat);
  const typedLon = parseDecimal(values.lon);
  const typedTown = useNearestTown(
    Number.isFinite(typedLat) && Number.isFinite(typedLon) ? { lat: typedLat, lon: typedLon } : null,
  );

  useEffect(() => {
    let live = true;
    if (query.trim().length < 2) return;
    searchTowns(query, 8).then(
      (found) => live && setTowns(found),
      () => live && setTowns([]),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const label = kind === 'other' ? values.label : kindLabel(kind);
  const set = (field: keyof RouteSettingsValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const fieldId = (f: Field) => `${id}-${f}`;
  const invalid = (f: Field) =>
    errors.includes(f)
      ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(f)}-help ${fieldId(f)}-error` }
      : { 'aria-describedby': `${fieldId(f)}-help` };
  const error = (f: Field) =>
    errors.includes(f) ? (
      <FieldError id={fieldId(f)} prefix={false}>
        <Msg id={errorKeys[f]} />
      </FieldError>
    ) : null;

  const pick = (where: string, lat: number, lon: number) => {
    setValues((v) => ({ ...v, lat: num(lat), lon: num(lon) }));
    setPlace(where);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateRouteSettings({ ...values, label });
    if (!result.ok) {
      setErrors(result.errors);
      if (result.errors.includes('lat') || result.errors.includes('lon')) setAdvancedOpen(true);
      setStatus(null);
      setSummaryFocus((n) => n + 1);
      return;
    }
    setErrors([]);
    try {
      await db.transaction('rw', db.meta, async () => {
        await db.setMeta('routeStart', result.start);
        await db.setMeta('roadFactor', result.roadFactor);
        await db.setMeta('averageSpeedKmh', result.speedKmh);
      });
      setStatus({ tone: 'ok', text: t('route.settings.saved') });
    } catch (err: unknown) {
      setStatus({
        tone: 'error',
        text: t('route.settings.error.save', { message: err instanceof Error ? err.message : String(err) }),
      });
    }
  };

  const hasPosition = values.lat.trim() !== '' && values.lon.trim() !== '';
  const positionText =
    place ??
    (typedTown ? t('route.settings.placeNear', { town: typedTown }) : t('route.settings.placeCoordinates'));
  const factor = parseDecimal(values.roadFactor);
  const custom = !detourChoices.some((c) => c.factor === factor);
  const percent = (f: number) => intl.formatNumber(f - 1, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <section className="card route-settings" aria-labelledby={`${id}-title`}>
      <Text as="h2" id={`${id}-title`} className="section-title" msg="route.settings.title" />
      <Text as="p" className="hint muted" msg="route.settings.help" />
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`}>
        {errors.length > 0 ? (
          <ErrorSummary
            id={id}
            heading="h3"
            title={<Msg id="route.settings.errorTitle" />}
            focusKey={summaryFocus}
            problems={errors.map((f) => ({ target: fieldId(f), message: <Msg id={errorKeys[f]} /> }))}
          />
        ) : null}
        <fieldset className="fieldset">
          <Text as="legend" className="fieldset__legend" msg="route.settings.start" />
          <p className="hint muted" data-testid="route-start-current">
            {stored.start ? (
              <Msg
                id={storedTown ? 'route.settings.startCurrentNear' : 'route.settings.startCurrent'}
                values={{ label: stored.start.label, town: storedTown ?? '' }}
              />
            ) : (
              <Msg id="route.settings.startNone" />
            )}
          </p>
          <fieldset className="field route-settings__kind">
            <Text as="legend" className="field__label" msg="route.settings.kind" />
            <div className="checkbox-row">
              {(['home', 'office', 'other'] as const).map((k) => (
                <label key={k} className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                  />
                  <Msg id={`route.settings.kind.${k}Choice`} />
                </label>
              ))}
            </div>
          </fieldset>
          {kind === 'other' ? (
            <div className="field">
              <Text
                as="label"
                htmlFor={fieldId('label')}
                className="field__label"
                msg="route.settings.label"
              />
              <input
                id={fieldId('label')}
                className="input"
                value={values.label}
                onChange={set('label')}
                {...invalid('label')}
              />
              <Text
                as="p"
                id={`${fieldId('label')}-help`}
                className="hint muted"
                msg="route.settings.labelHelp"
              />
              {error('label')}
            </div>
          ) : null}
          <div className="field">
            <Text
              as="label"
              htmlFor={`${id}-town`}
              className="field__label"
              msg="route.settings.townSearch"
            />
            <input
              id={`${id}-town`}
              className="input"
              type="search"
              autoComplete="off"
              value={query}
              aria-describedby={`${id}-town-help`}
              onChange={(e) => {
                setQuery(e.target.value);
                if (e.target.value.trim().length < 2) setTowns(null);
              }}
            />
            <Text as="p" id={`${id}-town-help`} className="hint muted" msg="route.settings.townSearchHelp" />
            {towns !== null && query.trim().length >= 2 ? (
              towns.length === 0 ? (
                <p className="hint" role="status">
                  <Msg id="route.settings.townNoMatch" values={{ query }} />
                </p>
              ) : (
                <ul className="route-settings__towns" aria-label={t('route.settings.townResults')}>
                  {towns.map((town) => {
                    const where = `${town.name} (${town.postcodes.slice(0, 3).join(', ')})`;
                    return (
                      <li key={`${town.name}-${town.lat}-${town.lon}`}>
                        <button
                          type="button"
                          className="btn btn--small btn--ghost"
                          onClick={() => {
                            pick(where, town.lat, town.lon);
                            setQuery('');
                            setTowns(null);
                            document.getElementById(`${id}-town`)?.focus();
                          }}
                        >
                          {town.name} <span className="muted">{town.postcodes.slice(0, 3).join(', ')}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )
            ) : null}
          </div>
          {customers && customers.length > 0 ? (
            <div className="field">
              <Text
                as="label"
                htmlFor={`${id}-customer`}
                className="field__label"
                msg="route.settings.fromCustomer"
              />
              <select
                id={`${id}-customer`}
                className="input"
                value=""
                onChange={(e) => {
                  const c = customers.find((x) => x.id === e.target.value);
                  if (c && c.latitude !== null && c.longitude !== null)
                    pick(c.city ? `${c.name} (${c.city})` : c.name, c.latitude, c.longitude);
                }}
              >
                <option value="">{t('route.settings.fromCustomerNone')}</option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} {c.city ? `(${c.city})` : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <p className="route-settings__place" role="status" data-testid="route-start-place">
            {hasPosition ? <Msg id="route.settings.place" values={{ place: positionText }} /> : null}
          </p>
          <details
            className="route-settings__advanced"
            open={advancedOpen}
            onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
          >
            <Text as="summary" msg="route.settings.advanced" />
            <Text as="p" className="hint muted" msg="route.settings.advancedHelp" />
            <div className="route-settings__latlon">
              <div className="field">
                <Text as="label" htmlFor={fieldId('lat')} className="field__label" msg="route.settings.lat" />
                <input
                  id={fieldId('lat')}
                  className="input"
                  inputMode="decimal"
                  value={values.lat}
                  onChange={(e) => {
                    set('lat')(e);
                    setPlace(null);
                  }}
                  {...invalid('lat')}
                />
                <Text
                  as="p"
                  id={`${fieldId('lat')}-help`}
                  className="hint muted"
                  msg="route.settings.latLonHelp"
                />
                {error('lat')}
              </div>
              <div className="field">
                <Text as="label" htmlFor={fieldId('lon')} className="field__label" msg="route.settings.lon" />
                <input
                  id={fieldId('lon')}
                  className="input"
                  inputMode="decimal"
                  value={values.lon}
                  onChange={(e) => {
                    set('lon')(e);
                    setPlace(null);
                  }}
                  {...invalid('lon')}
                />
                <Text
                  as="p"
                  id={`${fieldId('lon')}-help`}
                  className="hint muted"
                  msg="route.settings.latLonHelp"
                />
                {error('lon')}
              </div>
            </div>
          </details>
          {stored.start ? (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => {
                setValues((v) => ({ ...v, label: '', lat: '', lon: '' }));
                setPlace(null);
              }}
            >
              <Msg id="route.settings.clearStart" />
            </button>
          ) : null}
        </fieldset>
        <fieldset className="fieldset" aria-describedby={`${fieldId('roadFactor')}-help`}>
          <Text as="legend" className="fieldset__legend" msg="route.settings.detours" />
          <Text
            as="p"
            id={`${fieldId('roadFactor')}-help`}
            className="hint muted"
            msg="route.settings.detoursHelp"
          />
          <div className="route-settings__choices" id={fieldId('roadFactor')}>
            {detourChoices.map((c) => (
              <label key={c.key} className="checkbox">
                <input
                  type="radio"
                  name={`${id}-detours`}
                  value={String(c.factor)}
                  checked={factor === c.factor}
                  onChange={() => setValues((v) => ({ ...v, roadFactor: String(c.factor) }))}
                />
                <span>
                  <Msg id={`route.settings.detours.${c.key}`} />{' '}
                  <span className="muted">
                    <Msg id={`route.settings.detours.${c.key}Help`} values={{ percent: percent(c.factor) }} />
                  </span>
                </span>
              </label>
            ))}
            {custom && Number.isFinite(factor) ? (
              <label className="checkbox">
                <input type="radio" name={`${id}-detours`} value={values.roadFactor} checked readOnly />
                <Msg id="route.settings.detours.custom" values={{ percent: percent(factor) }} />
              </label>
            ) : null}
          </div>
          {error('roadFactor')}
        </fieldset>
        <div className="field">
          <Text as="label" htmlFor={fieldId('speed')} className="field__label" msg="route.settings.speed" />
          <input
            id={fieldId('speed')}
            className="input input--inline"
            inputMode="decimal"
            value={values.speed}
            onChange={set('speed')}
            {...invalid('speed')}
          />
          <Text
            as="p"
            id={`${fieldId('speed')}-help`}
            className="hint muted"
            msg="route.settings.speedHelp"
          />
          {error('speed')}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            <Msg id="route.settings.save" />
          </button>
          <p className={status?.tone === 'error' ? 'form-error' : 'hint'} role="status">
            {status?.text ?? ''}
          </p>
        </div>
      </form>
    </section>
  );
}
