/**
 * A new appointment's start: the next free slot of the chosen day rather than a fixed 09:00.
 * On opening, the agenda's day (or, if it is full, the next working day with room, said so).
 * While the rep has not typed a time, changing the date or the duration proposes again on that
 * day; a full day is said, with the next free slot to take in one click.
 */
import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useApp } from '../../../app/context.js';
import type { SlotProposal } from '../freeSlot.js';
import { freeTimeOn, proposeSlot } from '../freeSlot.js';

/** What the form says about the proposed start. */
export type SlotNote =
  /** `full` had no room: the form moved to `next` (null: nothing within a month). */
  | { kind: 'moved'; full: string; next: SlotProposal | null }
  /** The date the rep chose has no room: `next` may be taken. */
  | { kind: 'full'; full: string; next: SlotProposal | null };

interface Values {
  date: string;
  time: string;
  durationMinutes: number;
}

interface Auto {
  day: string;
  time: string;
  duration: number;
}

export function useSlotProposal<T extends Values>(
  rhf: UseFormReturn<T>,
  enabled: boolean,
  values: Values,
  timeZone: string,
) {
  // react-hook-form's generics do not narrow over a constrained T: work on the known fields.
  const form = rhf as unknown as UseFormReturn<Values>;
  const { db, user } = useApp();
  const [note, setNote] = useState<SlotNote | null>(null);
  // The start last proposed; null once the rep typed a time of their own.
  const auto = useRef<Auto | null>(null);
  const started = useRef(false);
  // Only the latest request may apply (an earlier answer arriving late is dropped).
  const seq = useRef(0);
  const { date, time, durationMinutes } = values;

  const apply = (slot: SlotProposal, duration: number) => {
    auto.current = { day: slot.day, time: slot.time, duration };
    form.setValue('time', slot.time);
    if (form.getValues('date') !== slot.day) form.setValue('date', slot.day);
  };

  useEffect(() => {
    if (!enabled) return;
    const duration = Number.isFinite(durationMinutes) && durationMinutes > 0 ? durationMinutes : 60;
    const base = { repId: user.id, durationMinutes: duration, timeZone, now: Date.now() };
    let mine = 0;
    // Still the latest request, and the rep has not typed a time meanwhile.
    const current = (expectTime: string) => seq.current === mine && form.getValues('time') === expectTime;

    if (!started.current) {
      started.current = true;
      const opened = { day: date, time, duration };
      auto.current = opened;
      mine = ++seq.current;
      void proposeSlot(db, { ...base, day: date }).then((slot) => {
        if (!current(opened.time) || auto.current !== opened) return;
        if (slot === null) {
          setNote({ kind: 'moved', full: date, next: null });
          return;
        }
        apply(slot, duration);
        setNote(slot.day === date ? null : { kind: 'moved', full: date, next: slot });
      });
      return;
    }
    const last = auto.current;
    if (last === null) return; // the rep chose the time: no more proposals
    if (time !== last.time) {
      auto.current = null;
      setNote(null);
      return;
    }
    if (date === last.day && duration === last.duration) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    mine = ++seq.current;
    void freeTimeOn(db, { ...base, day: date }).then(async (free) => {
      if (!current(last.time)) return;
      if (free !== null) {
        apply({ day: date, time: free }, duration);
        setNote(null);
        return;
      }
      auto.current = { ...last, day: date, duration };
      const next = await proposeSlot(db, { ...base, day: date });
      if (seq.current === mine) setNote({ kind: 'full', full: date, next });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on the watched values only
  }, [enabled, date, time, durationMinutes, db, user.id, timeZone]);

  return {
    note,
    /** Takes the proposed next free slot (date and time). */
    take: (slot: SlotProposal) => {
      apply(slot, Number.isFinite(durationMinutes) && durationMinutes > 0 ? durationMinutes : 60);
      setNote(null);
    },
  };
}
