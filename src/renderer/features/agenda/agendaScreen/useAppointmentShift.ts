/** Shift+↑/↓: move an appointment by a quarter of an hour, in order, from the stored row. */
import { useCallback, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import { formatClock } from '../../../i18n/format.js';
import { refusalText } from '../AppointmentCard.js';
import { AppointmentCheckError, updateAppointment } from '../mutators.js';
import type { AgendaData } from '../queries.js';

export function useAppointmentShift(
  data: AgendaData | undefined,
  timeZone: string,
  setMessage: (message: string) => void,
) {
  const { db, engine } = useApp();
  const intl = useIntl();
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
    [data, db, engine, intl, timeZone, setMessage],
  );
  return useCallback(
    (id: string, minutes: number) => {
      const next = shifts.current.then(() => shiftNow(id, minutes));
      shifts.current = next.catch(() => undefined);
      return next;
    },
    [shiftNow],
  );
}
