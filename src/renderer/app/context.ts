/** What every signed-in screen needs: the user, their local database and the sync engine. */
import { createContext, useContext } from 'react';
import type { Locale, User } from '../../shared/domain/user/user.js';
import type { AppDB } from '../db/AppDB.js';
import type { Platform } from '../platform/types.js';
import type { SyncEngine } from '../sync/engine.js';

export interface AppContextValue {
  user: User;
  db: AppDB;
  engine: SyncEngine;
  platform: Platform;
  locale: Locale;
  setLocale(locale: Locale): Promise<void>;
  signOut(): Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside a signed-in AppContext');
  return value;
}
