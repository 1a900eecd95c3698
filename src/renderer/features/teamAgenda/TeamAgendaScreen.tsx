/**
 * "Team agenda" (managers and admins): a rep's week as head office holds it, and the manager
 * sets, moves or cancels that rep's appointments there. Each change goes to head office at once
 * and reaches the rep's laptop at its next sync, marked as set by the manager. Online only:
 * offline it says so and nothing can be changed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Appointment } from '../../../shared/domain/appointment/appointment.js';
import { addDays, dayOfInstant, daysRange, mondayOf, todayIn } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { hrefFor, navigate, type Route } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { formatClock, formatDay } from '../../i18n/format.js';
import { callHeadOffice, useHeadOfficeQuery, type Failure } from '../../lib/headOffice.js';
import { Badge } from '../../ui/Badge.js';
import { Banner } from '../../ui/Banner.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { FormDialog } from '../../ui/form/index.js';
import { Page } from '../../ui/PageHeader.js';
import { ConfirmDialog, FailureBanner, NotLoaded } from '../review/index.js';
import { useSyncStatus } from '../sync/index.js';
import { TeamAppointmentForm, type TeamFormMode } from './TeamAppointmentForm.js';

type TeamAgendaRoute = Extract<Route, { name: 'teamAgenda' }>;

const statusTone = { planned: 'info', done: 'success', cancelled: 'neutral' } as const;

export function TeamAgendaScreen({ route }: { route: TeamAgendaRoute }) {
  const { user, engine, platform, db } = useApp();
  const intl = useIntl();
  const status = useSyncStatus(engine);
  const online = status.state !== 'offline';
  const zone = user.timeZone;
  const monday = mondayOf(route.week ?? todayIn(zone));
  const { fromIso, toIso } = daysRange(monday, 7, zone);
  const users = useHeadOfficeQuery(platform, 'user-list', {}, online && user.role !== 'rep');
  const reps = useMemo(
    () =>
      users.loaded.state === 'ready'
        ? users.loaded.value.users
            .filter((u) => u.role === 'rep')
            .sort((a, b) => a.name.localeCompare(b.name, intl.locale))
        : [],
    [users.loaded, intl.locale],
  );
  const repId = route.repId ?? reps[0]?.id ?? null;
  const week = useHeadOfficeQuery(
    platform,
    'appointment-list',
    { repId: repId ?? undefined, from: fromIso, to: toIso, limit: 1000 },
    online && repId !== null,
  );
  const [form, setForm] = useState<TeamFormMode | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));

  const appointments = useMemo(
    () => (week.loaded.state === 'ready' ? week.loaded.value.appointments : []),
    [week.loaded],
  );
  const names = useLiveQuery(async () => {
    const ids = [...new Set(appointments.map((a) => a.customerId))];
    const rows = await db.customers.bulkGet(ids);
    return new Map(rows.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  }, [db, appointments]);

  if (user.role === 'rep') {
    return (
      <section className="page" aria-labelledby="team-agenda-title">
        <Text as="h1" id="team-agenda-title" className="page__title" msg="teamAgenda.title" />
        <EmptyState title={<Msg id="review.forStaff" />} />
      </section>
    );
  }

  const go = (change: Partial<TeamAgendaRoute>) => navigate({ ...route, repId, week: monday, ...change });
  const repName = reps.find((r) => r.id === repId)?.name ?? '';
  const nameOf = (a: Appointment) =>
    names?.get(a.customerId) ?? intl.formatMessage({ id: 'teamAgenda.unknownCustomer' });
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));

  const cancel = async (a: Appointment) => {
    setCancelling(null);
    const called = await callHeadOffice(platform, 'appointment-cancel', { id: a.id, baseVersion: a.version });
    if (!called.ok) {
      setFailure(called.failure);
      return;
    }
    setFailure(null);
    week.update((v) => ({
      appointments: v.appointments.map((x) => (x.id === a.id ? called.value.appointment : x)),
    }));
    announce(intl.formatMessage({ id: 'teamAgenda.cancelled' }, { customer: nameOf(a) }));
  };

  return (
    <Page
      titleId="team-agenda-title"
      className="page--list team-agenda"
      title={<Msg id="teamAgenda.title" />}
      tools={<Text as="p" className="muted" msg="teamAgenda.subtitle" />}
    >
      {online ? null : (
        <Banner tone="warning">
          <Text as="strong" msg="review.offline.title" /> <Msg id="teamAgenda.offline" />
        </Banner>
      )}
      <p className="review__announce" role="status" aria-live="polite" aria-atomic="true">
        <span key={announcement.n}>{announcement.text}</span>
      </p>
      {users.loaded.state !== 'ready' ? (
        <NotLoaded loaded={users.loaded} online={online} onRetry={users.reload} rows={3} />
      ) : (
        <>
          <div className="team-agenda__tools">
            <label className="field" htmlFor="team-agenda-rep">
              <Text as="span" className="field__label" msg="figures.col.rep" />
              <select
                id="team-agenda-rep"
                className="input"
                value={repId ?? ''}
                onChange={(e) => go({ repId: e.target.value })}
              >
                {reps.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <nav className="team-agenda__weeks" aria-label={intl.formatMessage({ id: 'teamAgenda.weeks' })}>
              <a className="btn btn--small" href={hrefFor({ ...route, repId, week: addDays(monday, -7) })}>
                <Msg id="teamAgenda.previousWeek" />
              </a>
              <a className="btn btn--small" href={hrefFor({ ...route, repId, week: null })}>
                <Msg id="teamAgenda.thisWeek" />
              </a>
              <a className="btn btn--small" href={hrefFor({ ...route, repId, week: addDays(monday, 7) })}>
                <Msg id="teamAgenda.nextWeek" />
              </a>
            </nav>
            <button
              type="button"
              className="btn btn--primary"
              disabled={!online || repId === null}
              onClick={() =>
                repId !== null &&
                setForm({ mode: 'new', repId, day: route.week === null ? todayIn(zone) : monday })
              }
            >
              <Msg id="teamAgenda.new" />
            </button>
          </div>
          <Text
            as="h2"
            className="section-title"
            msg="teamAgenda.weekOf"
            values={{ name: repName, day: formatDay(intl, monday, { dateStyle: 'long' }) }}
          />
          {failure !== null ? (
            <FailureBanner failure={failure} title={<Msg id="teamAgenda.refused" />} />
          ) : null}
          {week.loaded.state !== 'ready' ? (
            <NotLoaded loaded={week.loaded} online={online} onRetry={week.reload} rows={6} />
          ) : (
            <ol className="team-agenda__days">
              {days.map((day) => {
                const ofDay = appointments.filter((a) => dayOfInstant(a.startAt, zone) === day);
                return (
                  <li key={day} className="team-agenda__day card">
                    <h3 className="team-agenda__day-title">
                      {formatDay(intl, day, { weekday: 'long', day: 'numeric', month: 'long' })}
                    </h3>
                    {ofDay.length === 0 ? (
                      <Text as="p" className="muted" msg="teamAgenda.free" />
                    ) : (
                      <ul className="team-agenda__list">
                        {ofDay.map((a) => (
                          <li key={a.id} className={`team-agenda__item team-agenda__item--${a.status}`}>
                            <span className="team-agenda__time">
                              {formatClock(intl, a.startAt)} ·{' '}
                              <Msg id="teamAgenda.minutes" values={{ minutes: a.durationMinutes }} />
                            </span>
                            <span className="team-agenda__what">
                              <strong>{nameOf(a)}</strong> <Msg id={`agenda.kind.${a.kind}`} />
                              {a.objective !== '' ? <span className="muted"> — {a.objective}</span> : null}
                            </span>
                            <span className="team-agenda__badges">
                              <Badge tone={statusTone[a.status]}>
                                <Msg id={`teamAgenda.status.${a.status}`} />
                              </Badge>
                              {a.setByManagerName !== null ? (
                                <Badge tone="accent">
                                  <Msg id="agenda.setBy" values={{ name: a.setByManagerName }} />
                                </Badge>
                              ) : null}
                            </span>
                            {a.status === 'planned' ? (
                              <span className="team-agenda__actions">
                                <button
                                  type="button"
                                  className="btn btn--small"
                                  disabled={!online}
                                  onClick={() => setForm({ mode: 'move', appointment: a })}
                                  aria-label={intl.formatMessage(
                                    { id: 'teamAgenda.moveOf' },
                                    { customer: nameOf(a) },
                                  )}
                                >
                                  <Msg id="teamAgenda.move" />
                                </button>
                                <button
                                  type="button"
                                  className="btn btn--small btn--ghost"
                                  disabled={!online}
                                  onClick={() => setCancelling(a)}
                                  aria-label={intl.formatMessage(
                                    { id: 'teamAgenda.cancelOf' },
                                    { customer: nameOf(a) },
                                  )}
                                >
                                  <Msg id="teamAgenda.cancel" />
                                </button>
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
      <FormDialog
        isOpen={form !== null}
        onDismiss={() => setForm(null)}
        title={
          <Msg
            id={form?.mode === 'move' ? 'teamAgenda.moveTitle' : 'teamAgenda.newTitle'}
            values={{ name: repName }}
          />
        }
      >
        {form !== null ? (
          <TeamAppointmentForm
            form={form}
            onDone={(outcome) => {
              setForm(null);
              if (outcome === 'cancelled') return;
              const saved = outcome.saved;
              week.update((v) => ({
                appointments: [...v.appointments.filter((x) => x.id !== saved.id), saved].sort((x, y) =>
                  x.startAt.localeCompare(y.startAt),
                ),
              }));
              announce(
                intl.formatMessage(
                  { id: form.mode === 'new' ? 'teamAgenda.setDone' : 'teamAgenda.moved' },
                  {
                    name: repName,
                    day: formatDay(intl, dayOfInstant(saved.startAt, zone), { dateStyle: 'long' }),
                  },
                ),
              );
            }}
          />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        isOpen={cancelling !== null}
        title={<Msg id="teamAgenda.cancelTitle" />}
        confirmLabel={<Msg id="teamAgenda.cancelConfirm" />}
        onCancel={() => setCancelling(null)}
        onConfirm={() => cancelling !== null && void cancel(cancelling)}
      >
        {cancelling !== null ? (
          <Msg
            id="teamAgenda.cancelBody"
            values={{
              customer: nameOf(cancelling),
              name: repName,
              when: intl.formatDate(cancelling.startAt, { dateStyle: 'long', timeStyle: 'short' }),
            }}
          />
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}
