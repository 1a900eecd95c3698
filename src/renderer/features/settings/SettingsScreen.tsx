import { useEffect, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Locale } from '../../../shared/domain/user/user.js';
import { locales } from '../../../shared/domain/user/user.js';
import { useApp } from '../../app/context.js';
import {
  englishFormats,
  isEnglishFormat,
  rememberEnglishFormat,
  useEnglishFormat,
} from '../../i18n/formatLocale.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Page } from '../../ui/PageHeader.js';
import { Field } from '../../ui/form/index.js';
import { RouteSettingsCard } from './RouteSettingsCard.js';

/** The same moment as each English format writes it (3 December 2026, 14:30): what the choice changes. */
function formatExample(format: string): string {
  return new Intl.DateTimeFormat(format, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2026, 11, 3, 14, 30),
  );
}

export function SettingsScreen() {
  const { user, db, locale, setLocale, signOut } = useApp();
  const intl = useIntl();
  const id = useId();
  const englishFormat = useEnglishFormat();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const storage = globalThis.navigator?.storage;
    if (storage?.persisted) {
      storage
        .persisted()
        .then((p) => live && setPersisted(p))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, []);

  return (
    <Page titleId="settings-title" title={<Msg id="settings.title" />} className="page--settings">
      <div className="settings">
        <section className="card" aria-labelledby={`${id}-lang-title`}>
          <Text as="h2" id={`${id}-lang-title`} className="section-title" msg="settings.language" />
          <Field
            id={`${id}-lang`}
            label={<Msg id="settings.language" />}
            labelHidden
            note={<Msg id="settings.languageHelp" />}
          >
            {(control) => (
              <select
                {...control}
                className="input input--inline"
                value={locale}
                onChange={(e) => void setLocale(e.target.value as Locale)}
              >
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {intl.formatMessage({ id: `language.${l}` })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {locale === 'en' ? (
            <Field
              id={`${id}-format`}
              label={<Msg id="settings.dateFormat" />}
              note={<Msg id="settings.dateFormatHelp" />}
            >
              {(control) => (
                <select
                  {...control}
                  className="input input--inline"
                  value={englishFormat}
                  onChange={(e) => {
                    if (isEnglishFormat(e.target.value)) rememberEnglishFormat(e.target.value);
                  }}
                >
                  {englishFormats.map((f) => (
                    <option key={f} value={f}>
                      {intl.formatMessage({ id: `settings.dateFormat.${f}` }, { example: formatExample(f) })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </section>

        <RouteSettingsCard />

        <section className="card" aria-labelledby={`${id}-account`}>
          <Text as="h2" id={`${id}-account`} className="section-title" msg="settings.account" />
          <dl className="props">
            <Text as="dt" msg="settings.name" />
            <dd>{user.name}</dd>
            <Text as="dt" msg="settings.email" />
            <dd>{user.email}</dd>
            <Text as="dt" msg="settings.role" />
            <dd>
              <Msg id={`role.${user.role}`} />
            </dd>
            <Text as="dt" msg="settings.timeZone" />
            <dd>{user.timeZone}</dd>
          </dl>
          <Text as="p" className="hint muted" msg="settings.signOutHelp" />
          <button type="button" className="btn" onClick={() => void signOut()}>
            <Msg id="settings.signOut" />
          </button>
        </section>

        <section className="card" aria-labelledby={`${id}-data`}>
          <Text as="h2" id={`${id}-data`} className="section-title" msg="settings.data" />
          <p>
            <Msg id="settings.dataBody" values={{ database: <code>{db.name}</code> }} />
          </p>
          {persisted === null ? null : (
            <p className="hint muted">
              <Msg id={persisted ? 'settings.persisted' : 'settings.notPersisted'} />
            </p>
          )}
        </section>
      </div>
    </Page>
  );
}
