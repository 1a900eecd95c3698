import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { Locale } from '../../shared/domain/user/user.js';
import { catalogues, defaultLocale, defaultTimeZone } from './catalogues.js';

/** Messages, locale and time zone for everything below; keeps <html lang> in step. */
export function I18nProvider({
  locale,
  timeZone = defaultTimeZone,
  children,
}: {
  locale: Locale;
  timeZone?: string;
  children: ReactNode;
}) {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider
      locale={locale}
      defaultLocale={defaultLocale}
      timeZone={timeZone}
      messages={catalogues[locale]}
      onError={(error) => console.error(error)}
    >
      {children}
    </IntlProvider>
  );
}
