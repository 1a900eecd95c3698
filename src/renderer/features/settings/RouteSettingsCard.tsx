/**
 * Settings → Route: the start point of the rep's days (home or office), the road factor and
 * the average speed used by every travel estimate. Saved in this laptop's local settings
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
import { useT } from '../../i18n/useT.js';
import { ErrorSummary, FieldError } from '../../ui/form/index.js';
import type { Town } from '../map/index.js';
import { searchTowns } from '../map/index.js';

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

export interface RouteSettingsValues {
  label: string;
  lat: string;
  lon: string;
  roadFactor: string;
  speed: string;
}

/** Validates the form: the values to save, or the fields in error. */
export function validateRouteSettings(
  v: RouteSettingsValues,
):
  | { ok: true; start: z.infer<typeof startSchema> | null; roadFactor: number; speedKmh: number }
  | { ok: false; errors: Field[] } {
  const errors: Field[] = [];
  const anyStart = v.label.trim() !== '' || v.lat.trim() !== '' || v.lon.trim() !== '';
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
  const [values, setValues] = useState<RouteSettingsValues>({
    label: stored.start?.label ?? '',
    lat: stored.start ? num(stored.start.lat) : '',
    lon: stored.start ? num(stored.start.lon) : '',
    roadFactor: num(stored.roadFactor),
    speed: num(stored.speed),
  });
  const [errors, setErrors] = useState<Field[]>([]);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // Bumped by each refused save: the summary of problems takes the focus.
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [query, setQuery] = useState('');
  const [towns, setTowns] = useState<Town[] | null>(null);
  const customers = useLiveQuery(
    async () =>
      (await db.customers.orderBy('name').toArray()).filter(
        (c) => c.latitude !== null && c.longitude !== null,
      ),
    [db],
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

  const pick = (label: string, lat: number, lon: number) =>
    setValues((v) => ({ ...v, label, lat: num(lat), lon: num(lon) }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateRouteSettings(values);
    if (!result.ok) {
      setErrors(result.errors);
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
                id="route.settings.startCurrent"
                values={{ label: stored.start.label, lat: num(stored.start.lat), lon: num(stored.start.lon) }}
              />
            ) : (
              <Msg id="route.settings.startNone" />
            )}
          </p>
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
                <ul className="route-settings__towns">
                  {towns.map((town) => (
                    <li key={`${town.name}-${town.lat}-${town.lon}`}>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        onClick={() => {
                          pick(town.name, town.lat, town.lon);
                          setQuery('');
                          setTowns(null);
                        }}
                      >
                        {town.name} <span className="muted">{town.postcodes.slice(0, 3).join(', ')}</span>
                      </button>
                    </li>
                  ))}
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
                  if (c && c.latitude !== null && c.longitude !== null) pick(c.name, c.latitude, c.longitude);
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
          <div className="field">
            <Text as="label" htmlFor={fieldId('label')} className="field__label" msg="route.settings.label" />
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
          <div className="route-settings__latlon">
            <div className="field">
              <Text as="label" htmlFor={fieldId('lat')} className="field__label" msg="route.settings.lat" />
              <input
                id={fieldId('lat')}
                className="input"
                inputMode="decimal"
                value={values.lat}
                onChange={set('lat')}
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
                onChange={set('lon')}
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
          {stored.start ? (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => setValues((v) => ({ ...v, label: '', lat: '', lon: '' }))}
            >
              <Msg id="route.settings.clearStart" />
            </button>
          ) : null}
        </fieldset>
        <div className="field">
          <Text
            as="label"
            htmlFor={fieldId('roadFactor')}
            className="field__label"
            msg="route.settings.roadFactor"
          />
          <input
            id={fieldId('roadFactor')}
            className="input input--inline"
            inputMode="decimal"
            value={values.roadFactor}
            onChange={set('roadFactor')}
            {...invalid('roadFactor')}
          />
          <Text
            as="p"
            id={`${fieldId('roadFactor')}-help`}
            className="hint muted"
            msg="route.settings.roadFactorHelp"
          />
          {error('roadFactor')}
        </div>
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
