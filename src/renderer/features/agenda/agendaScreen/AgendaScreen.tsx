/**
 * Agenda: day (hour by hour, 7:00–20:00 and any appointment outside) and week (Monday to
 * Sunday, as a time grid or a list) views over the local database, fully usable by keyboard:
 * J/K or ↓/↑ move between appointments (←/→ between days in the week view), Enter opens, N new,
 * T today, D/W switch views, Shift+↑/↓ shifts the focused appointment by 15 minutes, Esc closes
 * dialogs (React Aria). Times are shown in the user's time zone through Intl.
 */
import { useCallback, useRef, useState } from 'react';
import { Heading } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { addDays, dayOfInstant, daysRange, mondayOf, noonOf } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import type { AgendaView } from '../../../app/router.js';
import { navigate } from '../../../app/router.js';
import { Msg } from '../../../i18n/Msg.js';
import { DismissableModal } from '../../../ui/Modal.js';
import { Page } from '../../../ui/PageHeader.js';
import { SkeletonRows } from '../../../ui/Skeleton.js';
import { useNow } from '../../../ui/useNow.js';
import type { FormMode } from '../AppointmentForm.js';
import { AppointmentForm } from '../AppointmentForm.js';
import { useAgenda } from '../queries.js';
import { AgendaTasks } from './AgendaTasks.js';
import { AgendaTools } from './AgendaTools.js';
import { DayView, WeekView } from './AgendaViews.js';
import { AppointmentDetails } from './AppointmentDetails.js';
import { useAgendaKeys } from './useAgendaKeys.js';
import { useAppointmentShift } from './useAppointmentShift.js';
import { WeekGrid } from './WeekGrid.js';
import { WeekLayoutSwitch, useWeekLayout } from './WeekLayout.js';

const go = (view: AgendaView, day: string) => navigate({ name: 'agenda', view, day });

export function AgendaScreen({ view, day }: { view: AgendaView; day: string | null }) {
  const { db, user } = useApp();
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
  const [layout, setLayout] = useWeekLayout();
  const listRef = useRef<HTMLDivElement>(null);
  const shift = useAppointmentShift(data, timeZone, setMessage);
  const newAppointment = useCallback(
    () => setForm({ mode: 'new', day: current < today ? today : current }),
    [current, today],
  );
  useAgendaKeys({
    listRef,
    enabled: openId === null && form === null,
    view,
    current,
    first,
    today,
    go,
    shift,
    onNew: newAppointment,
  });

  const dateLong = (d: string) =>
    intl.formatDate(noonOf(d, timeZone), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const heading =
    view === 'day'
      ? dateLong(current)
      : intl.formatMessage({ id: 'agenda.weekOf' }, { date: dateLong(first) });
  const open = openId === null ? undefined : data?.byId.get(openId);

  return (
    <Page
      titleId="agenda-title"
      className="agenda"
      headerClassName="agenda__header"
      title={<Msg id="agenda.title" />}
      tools={
        <AgendaTools
          view={view}
          current={current}
          today={today}
          heading={heading}
          data={data}
          onNew={newAppointment}
        />
      }
    >
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message ? (
        <p className="agenda__message" aria-hidden="true">
          {message}
        </p>
      ) : null}
      {view === 'day' ? (
        <AgendaTasks day={current} repId={user.id} />
      ) : (
        <AgendaTasks day={days[0] ?? current} until={days.at(-1) ?? current} repId={user.id} />
      )}
      {view === 'week' ? <WeekLayoutSwitch layout={layout} onChange={setLayout} /> : null}
      <div ref={listRef} className={`agenda__body agenda__body--${view}`}>
        {data === undefined ? (
          <SkeletonRows rows={6} label={intl.formatMessage({ id: 'app.loading' })} />
        ) : view === 'day' ? (
          <DayView day={current} data={data} timeZone={timeZone} onOpen={setOpenId} />
        ) : layout === 'grid' ? (
          <WeekGrid days={days} today={today} now={now} data={data} timeZone={timeZone} onOpen={setOpenId} />
        ) : (
          <WeekView days={days} today={today} data={data} timeZone={timeZone} onOpen={setOpenId} />
        )}
      </div>

      <DismissableModal isOpen={open !== undefined} onClose={() => setOpenId(null)}>
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
      </DismissableModal>

      <DismissableModal isOpen={form !== null} onClose={() => setForm(null)} wide>
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
      </DismissableModal>
    </Page>
  );
}
