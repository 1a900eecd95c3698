import { useIntl } from 'react-intl';
import { CustomerList, CustomerPage } from '../features/customers/index.js';
import { SettingsScreen } from '../features/settings/index.js';
import { SyncIndicator, useSyncStatus } from '../features/sync/index.js';
import { Msg } from '../i18n/Msg.js';
import { Banner } from '../ui/Banner.js';
import { useApp } from './context.js';
import { hrefFor, useRoute, type Route } from './router.js';

/** Left rail (navigation + sync indicator) and the current screen. */
export function Shell() {
  const { engine, user } = useApp();
  const status = useSyncStatus(engine);
  const route = useRoute();
  const intl = useIntl();
  const section = route.name === 'settings' ? 'settings' : 'customers';

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <Msg id="app.skipToContent" />
      </a>
      <aside className="rail">
        <div className="rail__brand" aria-hidden="true">
          Tournée
        </div>
        <nav aria-label={intl.formatMessage({ id: 'nav.label' })} className="rail__nav">
          <ul>
            <li>
              <a
                href={hrefFor({ name: 'customers' })}
                aria-current={section === 'customers' ? 'page' : undefined}
              >
                <span className="rail__icon" aria-hidden="true">
                  ◧
                </span>
                <Msg id="nav.customers" />
              </a>
            </li>
            <li>
              <a
                href={hrefFor({ name: 'settings' })}
                aria-current={section === 'settings' ? 'page' : undefined}
              >
                <span className="rail__icon" aria-hidden="true">
                  ⚙
                </span>
                <Msg id="nav.settings" />
              </a>
            </li>
          </ul>
        </nav>
        <div className="rail__footer">
          <SyncIndicator />
          <p className="rail__user">{user.name}</p>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {status.state === 'offline' ? (
          <Banner tone="info">
            <Msg id="banner.offline" />
          </Banner>
        ) : null}
        {status.state === 'error' && status.error ? (
          <Banner tone={status.error === 'internal' ? 'warning' : 'danger'} urgent>
            <Msg id={`error.${status.error}`} />
          </Banner>
        ) : null}
        <Screen route={route} />
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'customers':
      return <CustomerList />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
