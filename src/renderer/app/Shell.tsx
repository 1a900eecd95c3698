import { useIntl } from 'react-intl';
import { useCallback } from 'react';
import { CustomerList, CustomerPage, usePrewarmPortfolioRfm } from '../features/customers/index.js';
import { SearchPalette, useGlobalSearchShortcut } from '../features/search/SearchPalette.js';
import { AgendaScreen } from '../features/agenda/index.js';
import { ComplaintsScreen } from '../features/complaints/index.js';
import { BriefScreen, usePrewarmCrossSell } from '../features/brief/index.js';
import { DaySheetScreen } from '../features/daysheet/index.js';
import { ImportScreen } from '../features/imports/index.js';
import { OrderScreen, OrdersScreen } from '../features/orders/index.js';
import { PlaybookScreen } from '../features/playbook/index.js';
import { ReviewScreen } from '../features/review/index.js';
import { FiguresScreen } from '../features/figures/index.js';
import { TeamAgendaScreen } from '../features/teamAgenda/index.js';
import { CampaignScreen, CampaignsScreen } from '../features/campaigns/index.js';
import { RouteScreen } from '../features/route/index.js';
import { SettingsScreen } from '../features/settings/index.js';
import { SyncIndicator, useSyncStatus } from '../features/sync/index.js';
import { TodayScreen } from '../features/today/index.js';
import { VisitScreen } from '../features/visit/index.js';
import type { MessageKey } from '../i18n/fr.js';
import { Msg } from '../i18n/Msg.js';
import { Banner } from '../ui/Banner.js';
import { useApp } from './context.js';
import { hrefFor, useRoute, type Route } from './router.js';

/** Left rail (navigation + sync indicator) and the current screen. */
export function Shell() {
  const { engine, user, db } = useApp();
  const status = useSyncStatus(engine);
  const onSynced = useCallback(
    (listener: () => void) =>
      engine.onEvent((event) => {
        if (event.type === 'synced') listener();
      }),
    [engine],
  );
  usePrewarmPortfolioRfm(db, onSynced);
  usePrewarmCrossSell(db, onSynced);
  const route = useRoute();
  const intl = useIntl();
  const isAdmin = user.role === 'admin';
  const isStaff = isAdmin || user.role === 'manager';
  const section = sectionOf(route, isAdmin);
  const [searchOpen, setSearchOpen] = useGlobalSearchShortcut();

  // A visit in progress takes the whole window (its own step rail instead of the navigation).
  if (route.name === 'visit') {
    return (
      <main id="main" className="main main--visit" tabIndex={-1}>
        <VisitScreen key={route.draftId} draftId={route.draftId} />
      </main>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <Msg id="app.skipToContent" />
      </a>
      <aside className="rail">
        <div className="rail__brand" aria-hidden="true">
          Tournée
        </div>
        <button
          type="button"
          className="rail__search"
          aria-keyshortcuts="Control+K Meta+K"
          onClick={() => setSearchOpen(true)}
        >
          <span className="rail__icon" aria-hidden="true">
            ⌕
          </span>
          <Msg id="search.open" />
          <kbd className="rail__kbd" aria-hidden="true">
            Ctrl K
          </kbd>
        </button>
        <nav aria-label={intl.formatMessage({ id: 'nav.label' })} className="rail__nav">
          <ul>
            {railEntries
              .filter((entry) => entry.who === 'everyone' || (entry.who === 'staff' ? isStaff : isAdmin))
              .map((entry) => (
                <li key={entry.section}>
                  <a
                    href={hrefFor(entry.route)}
                    aria-current={section === entry.section ? 'page' : undefined}
                  >
                    <span className="rail__icon" aria-hidden="true">
                      {entry.icon}
                    </span>
                    <Msg id={entry.label} />
                  </a>
                </li>
              ))}
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
        <Screen route={route} isAdmin={isAdmin} />
      </main>
      <SearchPalette isOpen={searchOpen} onOpenChange={setSearchOpen} />
    </div>
  );
}

type Section =
  | 'today'
  | 'agenda'
  | 'route'
  | 'customers'
  | 'settings'
  | 'imports'
  | 'playbook'
  | 'complaints'
  | 'orders'
  | 'review'
  | 'figures'
  | 'teamAgenda'
  | 'campaigns';

/** The rail's entries, in order, with who sees them. */
const railEntries: readonly {
  section: Section;
  route: Route;
  icon: string;
  label: MessageKey;
  who: 'everyone' | 'staff' | 'admin';
}[] = [
  { section: 'today', route: { name: 'today' }, icon: '☀', label: 'nav.today', who: 'everyone' },
  {
    section: 'agenda',
    route: { name: 'agenda', view: 'day', day: null },
    icon: '▦',
    label: 'nav.agenda',
    who: 'everyone',
  },
  { section: 'route', route: { name: 'route', day: null }, icon: '◎', label: 'nav.route', who: 'everyone' },
  { section: 'customers', route: { name: 'customers' }, icon: '◧', label: 'nav.customers', who: 'everyone' },
  { section: 'orders', route: { name: 'orders' }, icon: '≡', label: 'nav.orders', who: 'everyone' },
  {
    section: 'complaints',
    route: { name: 'complaints' },
    icon: '!',
    label: 'complaints.title',
    who: 'everyone',
  },
  { section: 'settings', route: { name: 'settings' }, icon: '⚙', label: 'nav.settings', who: 'everyone' },
  {
    section: 'figures',
    route: { name: 'figures', tab: 'team', from: null, to: null, repId: null },
    icon: '▤',
    label: 'nav.figures',
    who: 'everyone',
  },
  { section: 'campaigns', route: { name: 'campaigns' }, icon: '◉', label: 'nav.campaigns', who: 'everyone' },
  { section: 'review', route: { name: 'review' }, icon: '✓', label: 'nav.review', who: 'staff' },
  {
    section: 'teamAgenda',
    route: { name: 'teamAgenda', repId: null, week: null },
    icon: '▥',
    label: 'nav.teamAgenda',
    who: 'staff',
  },
  { section: 'imports', route: { name: 'imports' }, icon: '⇪', label: 'nav.imports', who: 'admin' },
  { section: 'playbook', route: { name: 'playbook' }, icon: '✎', label: 'nav.playbook', who: 'admin' },
];

function sectionOf(route: Route, isAdmin: boolean): Section {
  switch (route.name) {
    case 'today':
      return 'today';
    case 'agenda':
      return 'agenda';
    case 'route':
    case 'brief':
    case 'daySheet':
    case 'visit':
      return 'route';
    case 'settings':
      return 'settings';
    case 'imports':
      return isAdmin ? 'imports' : 'customers';
    case 'playbook':
      return isAdmin ? 'playbook' : 'customers';
    case 'customers':
    case 'customer':
      return 'customers';
    case 'complaints':
      return 'complaints';
    case 'orders':
    case 'orderNew':
    case 'order':
      return 'orders';
    case 'review':
      return 'review';
    case 'figures':
      return 'figures';
    case 'teamAgenda':
      return 'teamAgenda';
    case 'campaigns':
    case 'campaign':
      return 'campaigns';
  }
}

function Screen({ route, isAdmin }: { route: Route; isAdmin: boolean }) {
  switch (route.name) {
    case 'today':
      return <TodayScreen />;
    case 'agenda':
      return <AgendaScreen key={`${route.view}-${route.day ?? ''}`} view={route.view} day={route.day} />;
    case 'route':
      return <RouteScreen key={route.day ?? ''} day={route.day} />;
    case 'brief':
      return (
        <BriefScreen
          key={route.appointmentId}
          appointmentId={route.appointmentId}
          from={route.from ?? 'agenda'}
        />
      );
    case 'daySheet':
      return <DaySheetScreen key={route.day ?? ''} day={route.day} />;
    case 'visit':
      return <VisitScreen key={route.draftId} draftId={route.draftId} />;
    case 'customers':
      return <CustomerList />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'imports':
      // Head-office imports are for admins only (the server refuses anyone else too).
      return isAdmin ? <ImportScreen /> : <CustomerList />;
    case 'playbook':
      // Editing the playbook is for admins only (the server refuses anyone else too).
      return isAdmin ? <PlaybookScreen /> : <CustomerList />;
    case 'complaints':
      return <ComplaintsScreen />;
    case 'orders':
      return <OrdersScreen />;
    case 'orderNew':
      return (
        <OrderScreen
          key={`new-${route.customerId}-${route.visitId ?? ''}`}
          customerId={route.customerId}
          orderId={null}
          visitId={route.visitId ?? null}
        />
      );
    case 'order':
      return <OrderScreen key={route.id} customerId={null} orderId={route.id} visitId={null} />;
    case 'review':
      // Managers and admins only (the screen says so to anyone else; head office scopes too).
      return <ReviewScreen />;
    case 'figures':
      return <FiguresScreen route={route} />;
    case 'teamAgenda':
      return <TeamAgendaScreen route={route} />;
    case 'campaigns':
      return <CampaignsScreen />;
    case 'campaign':
      return <CampaignScreen key={route.id} id={route.id} />;
  }
}
