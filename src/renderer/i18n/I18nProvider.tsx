import { useEffect, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import type { Locale } from '../../shared/domain/user/user.js';
import { catalogues, defaultLocale, defaultTimeZone } from './catalogues.js';
import { formatLocaleOf, useEnglishFormat, type EnglishFormat } from './formatLocale.js';

/**
 * Messages, locale and time zone for everything below; keeps <html lang> in step. Messages
 * follow the language (`fr`, `en`); formatting (react-intl and React Aria's date fields and
 * calendars) follows the formatting locale: fr-FR, or en-GB / en-US as chosen on this laptop.
 */
export function I18nProvider({
  locale,
  timeZone = defaultTimeZone,
  englishFormat,
  children,
}: {
  locale: Locale;
  timeZone?: string;
  /** Overrides the laptop's stored English format (tests, previews). */
  englishFormat?: EnglishFormat;
  children: ReactNode;
}) {
  const stored = useEnglishFormat();
  const formatLocale = formatLocaleOf(locale, englishFormat ?? stored);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider
      locale={formatLocale}
      defaultLocale={defaultLocale}
      timeZone={timeZone}
      messages={catalogues[locale]}
      onError={(error) => console.error(error)}
    >
      <AriaI18nProvider locale={formatLocale}>{children}</AriaI18nProvider>
    </IntlProvider>
  );
}
