/**
 * "Figures": the team review for managers (their team), admins (every team) and reps (their
 * own portfolio) — a period against the one before or the same a year before, per rep and for
 * the scope, with each rep's freshness, drilling down to a rep's customers and on to the 360.
 * Read from head office; the last figures read stay on screen offline, said to be as of when
 * head office computed them.
 */
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useIntl } from 'react-intl';
import type { Period } from '../../../shared/domain/figures/figures.js';
import { todayIn } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { figuresTabs, hrefFor, navigate, type Route } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Banner } from '../../ui/Banner.js';
import { Page } from '../../ui/PageHeader.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useNow } from '../../ui/useNow.js';
import { FailureBanner, KeptNoticeShownAbove } from '../review/index.js';
import { useSyncStatus } from '../sync/index.js';
import { PeriodForm, presetPeriod } from './PeriodForm.js';
import { RepCustomers } from './RepCustomers.js';
import { SegmentsPanel } from './SegmentsPanel.js';
import { VisitFailuresPanel } from './VisitFailuresPanel.js';
import { ValuePanel } from './ValuePanel.js';
import { ComplaintsFigures } from './ComplaintsFigures.js';
import { TeamFigures, type Compare } from './TeamFigures.js';
import { useTeamReview } from './useTeamReview.js';
import { useState } from 'react';

type FiguresRoute = Extract<Route, { name: 'figures' }>;

export function FiguresScreen({ route }: { route: FiguresRoute }) {
  const { user, engine } = useApp();
  const intl = useIntl();
  const status = useSyncStatus(engine);
  const online = status.state !== 'offline';
  const now = useNow(60_000);
  const today = todayIn(user.timeZone, now);
  const fallback = presetPeriod('last30', today);
  const period: Period = {
    from: route.from ?? fallback.from,
    to: route.to ?? fallback.to,
  };
  const [compare, setCompare] = useState<Compare>('previous');
  const { loaded, reload } = useTeamReview(period, online);
  const go = (change: Partial<FiguresRoute>) =>
    navigate({ ...route, from: period.from, to: period.to, ...change });

  const shownPeriod = loaded.state === 'ready' ? loaded.review.periods.current : period;
  // Offline, every tab reads the period of the team figures kept on the laptop, whose copies
  // were read for that same period.
  const tabPeriod = loaded.state === 'ready' && loaded.kept !== null ? shownPeriod : period;
  const repName =
    route.repId !== null && loaded.state === 'ready'
      ? loaded.review.reps.find((r) => r.repId === route.repId)?.repName
      : undefined;

  return (
    <Page
      titleId="figures-title"
      className="page--list figures"
      title={<Msg id={user.role === 'rep' ? 'figures.title.rep' : 'figures.title'} />}
      tools={
        <PeriodForm
          key={`${period.from}-${period.to}`}
          period={period}
          today={today}
          onChange={(p) => go({ from: p.from, to: p.to })}
        />
      }
    >
      {loaded.state === 'ready' && loaded.kept !== null ? (
        <Banner tone="warning">
          <Text as="strong" msg={online ? 'figures.kept.unreachable' : 'figures.kept.offline'} />{' '}
          <Msg
            id="figures.kept.body"
            values={{
              computed: intl.formatDate(loaded.review.computedAt, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
              from: intl.formatDate(`${shownPeriod.from}T12:00:00Z`, {
                dateStyle: 'medium',
                timeZone: 'UTC',
              }),
              to: intl.formatDate(`${shownPeriod.to}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
            }}
          />
        </Banner>
      ) : null}
      {loaded.state === 'ready' && loaded.kept === null ? (
        <p className="muted figures__computed" data-testid="figures-computed">
          <Msg
            id="figures.computed"
            values={{
              at: intl.formatDate(loaded.review.computedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        </p>
      ) : null}
      <KeptNoticeShownAbove.Provider value={loaded.state === 'ready' && loaded.kept !== null}>
        <Tabs
          selectedKey={route.tab}
          onSelectionChange={(key) => go({ tab: figuresTabs.find((t) => t === key) ?? 'team' })}
          className="tabs"
        >
          <TabList aria-label={intl.formatMessage({ id: 'figures.tabs' })} className="tabs__list">
            <Tab id="team" className="tabs__tab">
              <Msg id="figures.tab.team" />
            </Tab>
            <Tab id="segments" className="tabs__tab">
              <Msg id="figures.tab.segments" />
            </Tab>
            <Tab id="visits" className="tabs__tab">
              <Msg id="figures.tab.visits" />
            </Tab>
            <Tab id="value" className="tabs__tab">
              <Msg id="figures.tab.value" />
            </Tab>
            <Tab id="complaints" className="tabs__tab">
              <Msg id="figures.tab.complaints" />
            </Tab>
          </TabList>
          <TabPanel id="team" className="tabs__panel">
            {route.repId !== null ? (
              <>
                <p>
                  <a href={hrefFor({ ...route, repId: null, from: period.from, to: period.to })}>
                    <Msg id="figures.backToTeam" />
                  </a>
                  {repName !== undefined ? <span className="muted"> · {repName}</span> : null}
                </p>
                <RepCustomers period={shownPeriod} repId={route.repId} online={online} />
              </>
            ) : loaded.state === 'loading' ? (
              <SkeletonRows rows={8} label={intl.formatMessage({ id: 'figures.loading' })} />
            ) : loaded.state === 'failed' ? (
              <FailureBanner
                failure={loaded.failure}
                title={<Msg id={online ? 'figures.error.load' : 'figures.offline.nothing'} />}
                action={
                  <button type="button" className="btn btn--small" onClick={reload} disabled={!online}>
                    <Msg id="review.retry" />
                  </button>
                }
              />
            ) : (
              <>
                <div className="figures__compare" role="group" aria-labelledby="figures-compare-label">
                  <span id="figures-compare-label" className="field__label">
                    <Msg id="figures.compareWith" />
                  </span>
                  {(['previous', 'yearBefore'] as const).map((c) => (
                    <label key={c} className="figures__compare-choice">
                      <input
                        type="radio"
                        name="figures-compare"
                        value={c}
                        checked={compare === c}
                        onChange={() => setCompare(c)}
                      />{' '}
                      <Msg id={`figures.compare.${c}`} />{' '}
                      <span className="muted">
                        <Msg
                          id="figures.range"
                          values={{
                            from: intl.formatDate(`${loaded.review.periods[c].from}T12:00:00Z`, {
                              dateStyle: 'medium',
                              timeZone: 'UTC',
                            }),
                            to: intl.formatDate(`${loaded.review.periods[c].to}T12:00:00Z`, {
                              dateStyle: 'medium',
                              timeZone: 'UTC',
                            }),
                          }}
                        />
                      </span>
                    </label>
                  ))}
                </div>
                <TeamFigures
                  review={loaded.review}
                  compare={compare}
                  now={now}
                  repHref={(repId) =>
                    hrefFor({ ...route, repId, from: shownPeriod.from, to: shownPeriod.to })
                  }
                />
              </>
            )}
          </TabPanel>
          <TabPanel id="segments" className="tabs__panel">
            <SegmentsPanel period={tabPeriod} online={online} />
          </TabPanel>
          <TabPanel id="visits" className="tabs__panel">
            <VisitFailuresPanel period={tabPeriod} online={online} />
          </TabPanel>
          <TabPanel id="value" className="tabs__panel">
            <ValuePanel period={tabPeriod} online={online} />
          </TabPanel>
          <TabPanel id="complaints" className="tabs__panel">
            <ComplaintsFigures period={tabPeriod} online={online} />
          </TabPanel>
        </Tabs>
      </KeptNoticeShownAbove.Provider>
    </Page>
  );
}
