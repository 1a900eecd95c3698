/**
 * "Team review" (managers and admins): the discounts waiting for approval, the team's orders,
 * complaints, visit reports and refused work, read from and acted on at head office. Online only: offline it says so and
 * every action is disabled (the laptop's copy never acts for head office).
 */
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Banner } from '../../ui/Banner.js';
import { Page } from '../../ui/PageHeader.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { useSyncStatus } from '../sync/index.js';
import { ApprovalsPanel } from './ApprovalsPanel.js';
import { ComplaintsPanel } from './ComplaintsPanel.js';
import { OrdersPanel } from './OrdersPanel.js';
import { RefusalsPanel } from './RefusalsPanel.js';
import { VisitsPanel } from './VisitsPanel.js';

export const reviewTabs = ['approvals', 'orders', 'complaints', 'visits', 'refusals'] as const;
export type ReviewTab = (typeof reviewTabs)[number];

export function ReviewScreen() {
  const { user, engine } = useApp();
  const intl = useIntl();
  const status = useSyncStatus(engine);
  const online = status.state !== 'offline';
  const [tab, setTab] = useState<Key>('approvals');
  // Each announcement carries a counter so the same words said twice are read twice.
  const [announcement, setAnnouncement] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));

  if (user.role !== 'manager' && user.role !== 'admin') {
    return (
      <section className="page" aria-labelledby="review-title">
        <Text as="h1" id="review-title" className="page__title" msg="review.title" />
        <EmptyState title={<Msg id="review.forStaff" />} />
      </section>
    );
  }

  return (
    <Page
      titleId="review-title"
      className="page--list review"
      title={<Msg id="review.title" />}
      tools={<Text as="p" className="muted" msg="review.subtitle" />}
    >
      {online ? null : (
        <Banner tone="warning">
          <Text as="strong" msg="review.offline.title" /> <Msg id="review.offline.body" />
        </Banner>
      )}
      <p className="review__announce" role="status" aria-live="polite" aria-atomic="true">
        <span key={announcement.n}>{announcement.text}</span>
      </p>
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="tabs review__tabs">
        <TabList aria-label={intl.formatMessage({ id: 'review.tabs' })} className="tabs__list">
          {reviewTabs.map((t) => (
            <Tab key={t} id={t} className="tabs__tab">
              <Msg id={`review.tab.${t}`} />
            </Tab>
          ))}
        </TabList>
        <TabPanel id="approvals" className="tabs__panel">
          <ApprovalsPanel online={online} announce={announce} />
        </TabPanel>
        <TabPanel id="orders" className="tabs__panel">
          <OrdersPanel online={online} announce={announce} />
        </TabPanel>
        <TabPanel id="complaints" className="tabs__panel">
          <ComplaintsPanel online={online} announce={announce} />
        </TabPanel>
        <TabPanel id="visits" className="tabs__panel">
          <VisitsPanel online={online} />
        </TabPanel>
        <TabPanel id="refusals" className="tabs__panel">
          <RefusalsPanel online={online} announce={announce} />
        </TabPanel>
      </Tabs>
    </Page>
  );
}
