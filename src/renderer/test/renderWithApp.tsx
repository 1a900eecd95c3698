import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Transport } from '../../shared/contract/transport.js';
import type { Locale, User } from '../../shared/domain/user/user.js';
import { AppContext, type AppContextValue } from '../app/context.js';
import type { AppDB } from '../db/AppDB.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { SyncEngine } from '../sync/engine.js';
import { eachTestDb } from './db.js';
import { FakeClock, FakeServer, USER } from './fakeServer.js';

export const testUser: User = {
  id: USER.id,
  email: 'camille.martin@example.fr',
  name: USER.name,
  role: 'rep',
  teamId: null,
  locale: 'fr',
  timeZone: 'Europe/Paris',
};

export type AppOptions = {
  /** Who is signed in (default testUser); the engine syncs as them. */
  user?: User;
  /** Head office (default a FakeServer, returned as `server`). */
  transport?: Transport;
  /** What the connectivity probe answers (default online). */
  online?: boolean;
  /** An engine to use instead of a SyncEngine over the database. */
  engine?: SyncEngine;
  /** The language the screen is shown in (default French). */
  locale?: Locale;
};

export function renderWithApp(db: AppDB, ui: ReactNode, options: AppOptions = {}) {
  const server = new FakeServer();
  const user = options.user ?? testUser;
  const transport = options.transport ?? server;
  const online = options.online ?? true;
  const probe = async () => online;
  const engine =
    options.engine ??
    new SyncEngine({
      db,
      transport,
      probe,
      user: { id: user.id, name: user.name },
      clock: new FakeClock(),
      connectivity: null,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
  const value: AppContextValue = {
    user,
    db,
    engine,
    platform: {
      kind: 'web',
      tokenDelivery: 'cookie',
      transport,
      probe,
      onSessionEnded: () => () => {},
      exportPdf: async () => ({ kind: 'printDialog' }),
    },
    locale: options.locale ?? 'fr',
    setLocale: async () => {},
    signOut: async () => {},
  };
  const result = render(
    <I18nProvider locale={options.locale ?? 'fr'}>
      <AppContext.Provider value={value}>{ui}</AppContext.Provider>
    </I18nProvider>,
  );
  return { ...result, engine, server };
}

/** eachTestDb for screen tests: rendered screens are unmounted before the database closes. */
export function eachScreenDb(name: string, use: (db: AppDB) => unknown): void {
  eachTestDb(name, use, { beforeClose: cleanup });
}
