/**
 * Under the date, time and duration: the proposed slot's note (the day was full) and the live
 * overlap and driving-time warnings, in one polite live region so a screen reader hears them
 * as the rep changes the slot.
 */
import { useIntl } from 'react-intl';
import { instantOn } from '../../../../shared/lib/calendar.js';
import { Msg } from '../../../i18n/Msg.js';
import { formatClock, formatDay } from '../../../i18n/format.js';
import type { SlotProposal } from '../freeSlot.js';
import { WORKING_HOURS } from '../freeSlot.js';
import type { LiveWarning } from './useLiveWarnings.js';
import type { SlotNote } from './useSlotProposal.js';

const LONG_DAY = { weekday: 'long', day: 'numeric', month: 'long' } as const;

export function SlotNotes({
  note,
  warnings,
  timeZone,
  onTake,
}: {
  note: SlotNote | null;
  warnings: readonly LiveWarning[];
  timeZone: string;
  onTake: (slot: SlotProposal) => void;
}) {
  const intl = useIntl();
  const day = (d: string) => formatDay(intl, d, LONG_DAY);
  const clock = (d: string, t: string) => formatClock(intl, instantOn(d, t, timeZone));
  const unknown = intl.formatMessage({ id: 'sync.unknownCustomer' });
  const full = note
    ? {
        day: day(note.full),
        from: clock(note.full, WORKING_HOURS.start),
        to: clock(note.full, WORKING_HOURS.end),
      }
    : null;
  return (
    <div className="field--wide agenda-form__live" aria-live="polite" data-testid="appointment-live">
      {note && full ? (
        <div className="agenda-form__slot">
          <p>
            <Msg id="agenda.slot.full" values={full} />{' '}
            {note.next === null ? (
              <Msg id="agenda.slot.none" />
            ) : (
              <Msg
                id={note.kind === 'moved' ? 'agenda.slot.moved' : 'agenda.slot.next'}
                values={{ day: day(note.next.day), time: clock(note.next.day, note.next.time) }}
              />
            )}
          </p>
          {note.kind === 'full' && note.next !== null ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                if (note.next) onTake(note.next);
              }}
            >
              <Msg id="agenda.slot.take" />
            </button>
          ) : null}
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="agenda-form__warnings" aria-label={intl.formatMessage({ id: 'agenda.live.title' })}>
          {warnings.map((w) => (
            <li key={`${w.code}-${w.otherId}-${w.code === 'travel-too-short' ? w.direction : ''}`}>
              {w.code === 'overlap' ? (
                <Msg
                  id="agenda.error.overlap"
                  values={{
                    other: w.other ?? unknown,
                    time: intl.formatDateTimeRange(Date.parse(w.startAt), w.endMs, {
                      hour: '2-digit',
                      minute: '2-digit',
                    }),
                  }}
                />
              ) : (
                <Msg
                  id={w.direction === 'from-previous' ? 'agenda.warning.travel' : 'agenda.warning.travelNext'}
                  values={{
                    km: w.km,
                    minutes: w.minutesAvailable,
                    needed: w.minutesNeeded,
                    other: w.other ?? unknown,
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
