/**
 * Agenda: day (hour by hour, 7:00–20:00 and any appointment outside) and week (Monday to
 * Sunday) views over the local database, fully usable by keyboard:
 * J/K or ↓/↑ move between appointments (←/→ between days in the week view), Enter opens, N new,
 * T today, D/W switch views, Shift+↑/↓ shifts the focused appointment by 15 minutes, Esc closes
 * dialogs (React Aria). Times are shown in the user's time zone through Intl.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import type { AgendaView } from '../../app/router.js';
import { hrefFor, navigate } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { formatClock } from '../../i18n/format.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useNow } from '../../ui/useNow.js';
import { StartVisitButton } from '../visit/index.js';
import { AppointmentCard, refusalText, useTimeRange, WarningText } from './AppointmentCard.js';
import type { FormMode } from './AppointmentForm.js';
import { AppointmentForm } from './AppointmentForm.js';
import {
  addDays,
  dayOfInstant,
  daysRange,
  hourOfInstant,
  instantOn,
  mondayOf,
  noonOf,
} from '../../../shared/lib/calendar.js';
import type { AgendaData, AgendaItem } from './queries.js';
import { useAgenda } from './queries.js';
import { AppointmentCheckError, cancelAppointment, updateAppointment } from './mutators.js';

const FIRST_HOUR = 7;
const LAST_HOUR = 20;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function AgendaScreen({ view, day }: { view: AgendaView; day: string | null }) {
  const { db, user, engine } = useApp();
  const intl = useIntl();
  const timeZone = intl.timeZone ?? 'Europe/Paris';
  const now = useNow(60_000);
  const today = dayOfInstant(now, timeZone);
  const current = day ?? today;
  const first = view === 'day' ? current : mondayOf(current);
  const days = view === 'day' ? [current] : Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const { fromIso, toIso } = daysRange(first, days.length, timeZone);
  const data = useAgenda(db, fromIso, toIso, timeZone, user.id);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormMode | null>(null);
  const [message, setMessage] = useState('');
  const listRef = useRef<HTMLDivElement>(null);

  const go = useCallback(
    (nextView: AgendaView, nextDay: string) => navigate({ name: 'agenda', view: nextView, day: nextDay }),
    [],
  );
  const step = view === 'day' ? 1 : 7;
  const cards = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-appointment-id]') ?? []);
  const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.appointmentId ?? null;

  // Moves run one after the other from the row as stored, never from the rendered one: a rep
  // pressing Shift+↓ four times quickly gets four steps, even before the screen caught up.
  const shifts = useRef<Promise<void>>(Promise.resolve());
  const shiftNow = useCallback(
    async (id: string, minutes: number) => {
      const stored = await db.appointments.get(id);
      if (!stored || stored.status !== 'planned') return;
      const startAt = new Date(Date.parse(stored.startAt) + minutes * 60_000).toISOString();
      try {
        await engine.write(
          updateAppointment,
          { id, baseVersion: stored.version, changes: { startAt } },
          { timeZone },
        );
        setMessage(intl.formatMessage({ id: 'agenda.moved' }, { time: formatClock(intl, startAt) }));
      } catch (e) {
        if (!(e instanceof AppointmentCheckError)) throw e;
        const reason = e.problems
          .filter((p) => p.severity !== 'warn')
          .map((p) => refusalText(intl, p, (other) => data?.byId.get(other)?.customerName ?? '…'))
          .join(' ; ');
        setMessage(intl.formatMessage({ id: 'agenda.moveRefused' }, { reason }));
      }
    },
    [data, db, engine, intl, timeZone],
  );
  const shift = useCallback(
    (id: string, minutes: number) => {
      const next = shifts.current.then(() => shiftNow(id, minutes));
      shifts.current = next.catch(() => undefined);
      return next;
    },
    [shiftNow],
  );

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (openId !== null || form !== null) return;
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const list = cards();
      const at = list.findIndex((c) => c.dataset.appointmentId === focusedId());
      const focusAt = (i: number) => list[Math.max(0, Math.min(list.length - 1, i))]?.focus();
      if (e.shiftKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        const id = focusedId();
        if (id) void shift(id, key === 'ArrowUp' ? -15 : 15);
      } else if (e.shiftKey) {
        return;
      } else if (key === 'j' || key === 'ArrowDown') {
        focusAt(at < 0 ? 0 : at + 1);
      } else if (key === 'k' || key === 'ArrowUp') {
        focusAt(at < 0 ? 0 : at - 1);
      } else if ((key === 'ArrowRight' || key === 'ArrowLeft') && view === 'week') {
        const currentDay = at < 0 ? null : list[at]?.closest<HTMLElement>('[data-day]')?.dataset.day;
        const target = currentDay ? addDays(currentDay, key === 'ArrowRight' ? 1 : -1) : first;
        const next = list.find((c) => c.closest<HTMLElement>('[data-day]')?.dataset.day === target);
        next?.focus();
      } else if (key === 'n') {
        setForm({ mode: 'new', day: current < today ? today : current });
      } else if (key === 't') {
        go(view, today);
      } else if (key === 'd') {
        go(
          'day',
          (at >= 0 ? list[at]?.closest<HTMLElement>('[data-day]')?.dataset.day : undefined) ?? current,
        );
      } else if (key === 'w') {
        go('week', current);
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openId, form, view, current, first, today, go, shift]);

  const dateLong = (d: string) =>
    intl.formatDate(noonOf(d, timeZone), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const heading =
    view === 'day'
      ? dateLong(current)
      : intl.formatMessage({ id: 'agenda.weekOf' }, { date: dateLong(first) });
  const open = openId === null ? undefined : data?.byId.get(openId);

  return (
    <section className="page agenda" aria-labelledby="agenda-title">
      <header className="page__header agenda__header">
        <h1 id="agenda-title" className="page__title">
          <Msg id="agenda.title" />
        </h1>
        <p className="agenda__heading" aria-live="polite">
          {heading}
          {data ? (
            <span className="muted">
              {' · '}
              <Msg
                id="agenda.count"
                values={{ count: data.items.filter((i) => i.appointment.status !== 'cancelled').length }}
              />
            </span>
          ) : null}
        </p>
        <div className="agenda__tools">
          <div className="agenda__nav">
            <a
              className="btn btn--small"
              href={hrefFor({ name: 'agenda', view, day: addDays(current, -step) })}
            >
              <span aria-hidden="true">‹ </span>
              <Msg id={view === 'day' ? 'agenda.previous.day' : 'agenda.previous.week'} />
            </a>
            <a className="btn btn--small" href={hrefFor({ name: 'agenda', view, day: today })}>
              <Msg id="agenda.today" />
            </a>
            <a
              className="btn btn--small"
              href={hrefFor({ name: 'agenda', view, day: addDays(current, step) })}
            >
              <Msg id={view === 'day' ? 'agenda.next.day' : 'agenda.next.week'} />
              <span aria-hidden="true"> ›</span>
            </a>
          </div>
          <nav className="agenda__views" aria-label={intl.formatMessage({ id: 'agenda.views' })}>
            {(['day', 'week'] as const).map((v) => (
              <a
                key={v}
                className={`btn btn--small${v === view ? ' btn--selected' : ''}`}
                href={hrefFor({ name: 'agenda', view: v, day: current })}
                aria-current={v === view ? 'page' : undefined}
              >
                <Msg id={`agenda.view.${v}`} />
              </a>
            ))}
          </nav>
          <button
            type="button"
            className="btn btn--primary btn--small"
            onClick={() => setForm({ mode: 'new', day: current < today ? today : current })}
            aria-keyshortcuts="N"
          >
            <Msg id="agenda.new" />
          </button>
        </div>
        <p className="agenda__shortcuts muted">
          <Msg id="agenda.shortcuts" />
        </p>
      </header>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message ? (
        <p className="agenda__message" aria-hidden="true">
          {message}
        </p>
      ) : null}
      <div ref={listRef} className={`agenda__body agenda__body--${view}`}>
        {data === undefined ? (
          <SkeletonRows rows={6} label={intl.formatMessage({ id: 'app.loading' })} />
        ) : view === 'day' ? (
          <DayView day={current} data={data} timeZone={timeZone} onOpen={setOpenId} />
        ) : (
          <WeekView days={days} today={today} data={data} timeZone={timeZone} onOpen={setOpenId} />
        )}
      </div>

      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={open !== undefined}
        onOpenChange={(isOpen) => {
          if (!isOpen) setOpenId(null);
        }}
      >
        <Modal className="modal">
          <Dialog className="dialog">
            {open ? (
              <AppointmentDetails
                item={open}
                data={data}
                timeZone={timeZone}
                onClose={() => setOpenId(null)}
                onEdit={() => {
                  setOpenId(null);
                  setForm({ mode: 'edit', appointment: open.appointment });
                }}
                onCancelled={() => {
                  setOpenId(null);
                  setMessage(intl.formatMessage({ id: 'agenda.cancelled' }));
                }}
              />
            ) : null}
          </Dialog>
        </Modal>
      </ModalOverlay>

      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={form !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen) setForm(null);
        }}
      >
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {form ? (
              <>
                <div className="dialog__header">
                  <Heading slot="title" className="dialog__title">
                    <Msg id={form.mode === 'new' ? 'agenda.form.newTitle' : 'agenda.form.editTitle'} />
                  </Heading>
                </div>
                <div className="dialog__body">
                  <AppointmentForm
                    form={form}
                    onDone={(outcome) => {
                      setForm(null);
                      if (outcome === 'saved') setMessage(intl.formatMessage({ id: 'agenda.saved' }));
                    }}
                  />
                </div>
              </>
            ) : null}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}

function DayView({
  day,
  data,
  timeZone,
  onOpen,
}: {
  day: string;
  data: AgendaData;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const intl = useIntl();
  if (data.items.length === 0) {
    return (
      <div data-day={day}>
        <EmptyState title={<Msg id="agenda.empty.title" />}>
          <p>
            <Msg id="agenda.empty.body" />
          </p>
          <a className="btn btn--small" href={hrefFor({ name: 'route', day })}>
            <Msg id="agenda.action.route" />
          </a>
        </EmptyState>
      </div>
    );
  }
  const byHour = new Map<number, AgendaItem[]>();
  for (const item of data.items) {
    const hour = hourOfInstant(item.appointment.startAt, timeZone);
    byHour.set(hour, [...(byHour.get(hour) ?? []), item]);
  }
  const hours = [...byHour.keys()];
  const from = Math.min(FIRST_HOUR, ...hours);
  const to = Math.max(LAST_HOUR, ...hours);
  return (
    <ol className="agenda-day" data-day={day}>
      {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((hour) => {
        const items = byHour.get(hour) ?? [];
        const label = formatClock(intl, instantOn(day, `${String(hour).padStart(2, '0')}:00`, timeZone));
        return (
          <li
            key={hour}
            className={`agenda-day__hour${items.length === 0 ? ' agenda-day__hour--empty' : ''}`}
          >
            <span className="agenda-day__label">{label}</span>
            <div className="agenda-day__items">
              {items.map((item) => (
                <AppointmentCard
                  key={item.appointment.id}
                  item={item}
                  data={data}
                  onOpen={() => onOpen(item.appointment.id)}
                />
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function WeekView({
  days,
  today,
  data,
  timeZone,
  onOpen,
}: {
  days: string[];
  today: string;
  data: AgendaData;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const intl = useIntl();
  return (
    <div className="agenda-week">
      {days.map((d) => {
        const items = data.items.filter((i) => dayOfInstant(i.appointment.startAt, timeZone) === d);
        const date = noonOf(d, timeZone);
        const title = intl.formatDate(date, { weekday: 'short', day: 'numeric', month: 'short' });
        return (
          <section
            key={d}
            className={`agenda-week__day${d === today ? ' agenda-week__day--today' : ''}`}
            data-day={d}
            aria-label={intl.formatDate(date, { weekday: 'long', day: 'numeric', month: 'long' })}
          >
            <h2 className="agenda-week__title">
              <a
                href={hrefFor({ name: 'agenda', view: 'day', day: d })}
                aria-label={intl.formatMessage(
                  { id: 'agenda.openDay' },
                  { date: intl.formatDate(date, { weekday: 'long', day: 'numeric', month: 'long' }) },
                )}
              >
                {title}
              </a>
            </h2>
            {items.length === 0 ? (
              <p className="agenda-week__empty muted">
                <Msg id="agenda.empty.day" />
              </p>
            ) : (
              <div className="agenda-week__items">
                {items.map((item) => (
                  <AppointmentCard
                    key={item.appointment.id}
                    item={item}
                    data={data}
                    compact
                    onOpen={() => onOpen(item.appointment.id)}
                  />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}

function AppointmentDetails({
  item,
  data,
  timeZone,
  onClose,
  onEdit,
  onCancelled,
}: {
  item: AgendaItem;
  data: AgendaData | undefined;
  timeZone: string;
  onClose: () => void;
  onEdit: () => void;
  onCancelled: () => void;
}) {
  const { db, engine } = useApp();
  const intl = useIntl();
  const range = useTimeRange();
  const [confirming, setConfirming] = useState(false);
  const a = item.appointment;
  const contact = useLiveQuery(
    () => (a.contactId ? db.contacts.get(a.contactId) : undefined),
    [db, a.contactId],
  );
  const day = dayOfInstant(a.startAt, timeZone);
  const customer = item.customerName ?? intl.formatMessage({ id: 'sync.unknownCustomer' });
  const date = intl.formatDate(Date.parse(a.startAt), { weekday: 'long', day: 'numeric', month: 'long' });
  const cancel = async () => {
    await engine.write(cancelAppointment, { id: a.id, baseVersion: a.version });
    onCancelled();
  };
  return (
    <>
      <div className="dialog__header">
        <Heading slot="title" className="dialog__title">
          {customer}
        </Heading>
        <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
          <Msg id="agenda.action.close" />
        </button>
      </div>
      <div className="dialog__body">
        <dl className="agenda-details">
          <dt>
            <Msg id="agenda.details.when" />
          </dt>
          <dd>
            {date}, {range(a)} · <Msg id={`agenda.kind.${a.kind}`} />
            {item.city ? ` · ${item.city}` : ''}
          </dd>
          <dt>
            <Msg id="agenda.details.contact" />
          </dt>
          <dd>
            {contact ? (
              [contact.firstName, contact.lastName].filter(Boolean).join(' ')
            ) : (
              <Msg id="agenda.details.none" />
            )}
          </dd>
          <dt>
            <Msg id="agenda.details.objective" />
          </dt>
          <dd>{a.objective || <Msg id="agenda.details.none" />}</dd>
          {a.notes ? (
            <>
              <dt>
                <Msg id="agenda.details.notes" />
              </dt>
              <dd className="agenda-details__notes">{a.notes}</dd>
            </>
          ) : null}
        </dl>
        <p className="appt__badges">
          {a.status === 'cancelled' ? (
            <span className="badge badge--neutral">
              <Msg id="agenda.status.cancelled" />
            </span>
          ) : null}
          {a.setByManagerName ? (
            <span className="badge badge--info">
              <Msg id="agenda.setBy" values={{ name: a.setByManagerName }} />
            </span>
          ) : null}
          <span className={`badge ${item.pending ? 'badge--warning' : 'badge--success'}`}>
            <Msg id={item.pending ? 'agenda.pending' : 'agenda.synced'} />
          </span>
        </p>
        {a.status === 'planned' && item.warnings.length > 0 ? (
          <ul className="agenda-details__warnings">
            {item.warnings.map((w, i) => (
              <li key={i}>
                <WarningText problem={w} data={data} />
              </li>
            ))}
          </ul>
        ) : null}
        {confirming ? (
          <div className="agenda-confirm" role="alert">
            <p>
              <Msg id="agenda.cancel.confirm" values={{ customer, date }} />
            </p>
            <div className="form-actions">
              <button type="button" className="btn btn--danger" onClick={() => void cancel()}>
                <Msg id="agenda.cancel.yes" />
              </button>
              {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the safe choice takes the focus */}
              <button type="button" className="btn" autoFocus onClick={() => setConfirming(false)}>
                <Msg id="agenda.cancel.no" />
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions agenda-details__actions">
            {a.status === 'planned' ? (
              <>
                <button type="button" className="btn btn--primary" onClick={onEdit}>
                  <Msg id="agenda.action.edit" />
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(true)}>
                  <Msg id="agenda.action.cancel" />
                </button>
              </>
            ) : null}
            <a className="btn" href={hrefFor({ name: 'customer', id: a.customerId })}>
              <Msg id="agenda.action.customer" />
            </a>
            <a className="btn" href={hrefFor({ name: 'brief', appointmentId: a.id })}>
              <Msg id="agenda.action.brief" />
            </a>
            {a.status !== 'cancelled' ? (
              <StartVisitButton customerId={a.customerId} appointmentId={a.id} className="btn" />
            ) : null}
            <a className="btn" href={hrefFor({ name: 'route', day })}>
              <Msg id="agenda.action.route" />
            </a>
          </div>
        )}
      </div>
    </>
  );
}
