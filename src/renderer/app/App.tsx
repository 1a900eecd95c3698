import { useCallback, useEffect, useMemo, useState } from 'react';
import { TransportError } from '../../shared/contract/transport.js';
import type { Locale, User } from '../../shared/domain/user/user.js';
import type { AppDB } from '../db/AppDB.js';
import { openUserDB } from '../db/AppDB.js';
import { SignInScreen } from '../features/auth/index.js';
import { I18nProvider, lastUsedLocale, rememberLocale } from '../i18n/index.js';
import type { MessageKey } from '../i18n/fr.js';
import { Msg, Text } from '../i18n/Msg.js';
import { getPlatform, type Platform } from '../platform/index.js';
import { SyncEngine } from '../sync/engine.js';
import { AppContext, type AppContextValue } from './context.js';
import { clearSession, loadSession, saveSession } from './session.js';
import { Shell } from './Shell.js';

type Phase =
  | { name: 'checking' }
  | { name: 'signed-out'; notice: MessageKey | null; email: string }
  | { name: 'opening'; user: User }
  | { name: 'ready'; user: User; db: AppDB; engine: SyncEngine; locale: Locale }
  | { name: 'failed'; error: MessageKey };

const signedOutCodes = new Set(['unauthenticated', 'session-revoked', 'session-expired']);

/** What the sign-in screen says after head office ended the session: what happened, what to do. */
export function signedOutNotice(code: string): MessageKey {
  if (code === 'session-revoked') return 'auth.sessionRevoked';
  if (code === 'session-expired') return 'auth.sessionExpired';
  return 'auth.sessionEnded';
}

/** Asks the browser not to evict the local database (ignored where unsupported). */
function requestPersistentStorage(): void {
  const storage = globalThis.navigator?.storage;
  if (storage?.persist) storage.persist().catch(() => undefined);
}

export function App({ platform = getPlatform() }: { platform?: Platform }) {
  const [phase, setPhase] = useState<Phase>(() => {
    const stored = loadSession();
    return stored ? { name: 'opening', user: stored.user } : { name: 'checking' };
  });
  const [signInLocale, setSignInLocale] = useState<Locale>(() => lastUsedLocale());
  // Leaving the signed-in state (or unmounting) stops the engine and closes the database;
  // nothing local is deleted.
  const readyEngine = phase.name === 'ready' ? phase.engine : null;
  const readyDbForCleanup = phase.name === 'ready' ? phase.db : null;
  useEffect(() => {
    if (!readyEngine || !readyDbForCleanup) return;
    return () => {
      readyEngine.stop();
      readyDbForCleanup.close();
    };
  }, [readyEngine, readyDbForCleanup]);

  const endSession = useCallback((notice: MessageKey | null, email: string) => {
    clearSession();
    // The sign-in screen speaks the language of the user who just left (rememberLocale below).
    setSignInLocale(lastUsedLocale());
    setPhase((p) => (p.name === 'ready' || p.name === 'opening' ? { name: 'signed-out', notice, email } : p));
  }, []);

  // No stored profile: maybe a one-time link (or an earlier cookie) signed us in.
  useEffect(() => {
    if (phase.name !== 'checking') return;
    let live = true;
    platform.transport
      .invoke('auth-me', {})
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          saveSession(result.value.user);
          setPhase({ name: 'opening', user: result.value.user });
        } else {
          setPhase({ name: 'signed-out', notice: null, email: '' });
        }
      })
      .catch(() => live && setPhase({ name: 'signed-out', notice: null, email: '' }));
    return () => {
      live = false;
    };
  }, [phase.name, platform]);

  // Open the user's local database and start syncing (works offline).
  const openingUser = phase.name === 'opening' ? phase.user : null;
  useEffect(() => {
    if (!openingUser) return;
    let live = true;
    requestPersistentStorage();
    (async () => {
      const db = await openUserDB(openingUser.id);
      const storedLocale = await db.getMeta('locale');
      const engine = new SyncEngine({
        db,
        transport: platform.transport,
        probe: () => platform.probe(),
        user: { id: openingUser.id, name: openingUser.name, maxDiscountBp: openingUser.maxDiscountBp },
      });
      if (!live) {
        db.close();
        return;
      }
      engine.onEvent((event) => {
        if (event.type === 'signed-out') endSession(signedOutNotice(event.code), openingUser.email);
      });
      setPhase({ name: 'ready', user: openingUser, db, engine, locale: storedLocale ?? openingUser.locale });
      void engine.start();
    })().catch((e: unknown) => {
      console.error('Could not open the local database', e);
      if (live) setPhase({ name: 'failed', error: 'error.unexpected' });
    });
    return () => {
      live = false;
    };
  }, [openingUser, platform, endSession]);

  // Refresh the profile (name, role, locale) when head office answers; a dead session signs out.
  const readyDb = phase.name === 'ready' ? phase.db : null;
  const readyEmail = phase.name === 'ready' ? phase.user.email : '';
  useEffect(() => {
    if (!readyDb) return;
    let live = true;
    platform.transport
      .invoke('auth-me', {})
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          saveSession(result.value.user);
          setPhase((p) => (p.name === 'ready' ? { ...p, user: result.value.user } : p));
        } else if (signedOutCodes.has(result.error.code)) {
          endSession(signedOutNotice(result.error.code), readyEmail);
        }
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransportError)) console.error(e);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened database
  }, [readyDb, platform, endSession]);

  useEffect(() => platform.onSessionEnded(() => endSession('auth.sessionEnded', '')), [platform, endSession]);

  // The language of the signed-in user becomes this device's language for the sign-in screen.
  const readyLocale = phase.name === 'ready' ? phase.locale : null;
  useEffect(() => {
    if (readyLocale) rememberLocale(readyLocale);
  }, [readyLocale]);

  const ready = phase.name === 'ready' ? phase : null;
  const contextValue = useMemo<AppContextValue | null>(() => {
    if (!ready) return null;
    return {
      user: ready.user,
      db: ready.db,
      engine: ready.engine,
      platform,
      locale: ready.locale,
      async setLocale(locale) {
        setPhase((p) => (p.name === 'ready' ? { ...p, locale } : p));
        await ready.db.transaction('rw', ready.db.meta, async () => {
          await ready.db.setMeta('locale', locale);
          await ready.db.setMeta('localeToSend', locale);
        });
        void ready.engine.syncNow();
      },
      async signOut() {
        try {
          await platform.transport.invoke('auth-logout', {});
        } catch {
          // offline: the session will expire at head office; local data stays.
        }
        endSession(null, ready.user.email);
      },
    };
  }, [ready, platform, endSession]);

  switch (phase.name) {
    case 'checking':
    case 'opening':
      return (
        <I18nProvider locale={phase.name === 'opening' ? phase.user.locale : signInLocale}>
          <Text as="div" className="splash" aria-busy="true" msg="app.loading" />
        </I18nProvider>
      );
    case 'failed':
      return (
        <I18nProvider locale={signInLocale}>
          <div className="splash" role="alert">
            <Msg id={phase.error} />
          </div>
        </I18nProvider>
      );
    case 'signed-out':
      return (
        <I18nProvider locale={signInLocale}>
          <SignInScreen
            platform={platform}
            notice={phase.notice}
            defaultEmail={phase.email}
            locale={signInLocale}
            onLocaleChange={(l) => {
              rememberLocale(l);
              setSignInLocale(l);
            }}
            onSignedIn={(user) => {
              saveSession(user);
              setPhase({ name: 'opening', user });
            }}
          />
        </I18nProvider>
      );
    case 'ready':
      return (
        <I18nProvider locale={phase.locale} timeZone={phase.user.timeZone}>
          {contextValue ? (
            <AppContext.Provider value={contextValue}>
              <Shell />
            </AppContext.Provider>
          ) : null}
        </I18nProvider>
      );
  }
}
