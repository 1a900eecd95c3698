/**
 * The agenda's keyboard: J/K or ↓/↑ between appointments, ←/→ between days (week), N new,
 * T today, D/W views, Shift+↑/↓ shifts the focused appointment. Off while a dialog is open or
 * the rep is typing.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { addDays } from '../../../../shared/lib/calendar.js';
import type { AgendaView } from '../../../app/router.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.appointmentId ?? null;
const dayOf = (el: HTMLElement | undefined) => el?.closest<HTMLElement>('[data-day]')?.dataset.day;

export function useAgendaKeys({
  listRef,
  enabled,
  view,
  current,
  first,
  today,
  go,
  shift,
  onNew,
}: {
  listRef: RefObject<HTMLDivElement | null>;
  enabled: boolean;
  view: AgendaView;
  current: string;
  first: string;
  today: string;
  go: (view: AgendaView, day: string) => void;
  shift: (id: string, minutes: number) => Promise<void>;
  onNew: () => void;
}) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!enabled) return;
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const list = Array.from(
        listRef.current?.querySelectorAll<HTMLButtonElement>('[data-appointment-id]') ?? [],
      );
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
        const currentDay = at < 0 ? null : dayOf(list[at]);
        const target = currentDay ? addDays(currentDay, key === 'ArrowRight' ? 1 : -1) : first;
        list.find((c) => dayOf(c) === target)?.focus();
      } else if (key === 'n') {
        onNew();
      } else if (key === 't') {
        go(view, today);
      } else if (key === 'd') {
        go('day', (at >= 0 ? dayOf(list[at]) : undefined) ?? current);
      } else if (key === 'w') {
        go('week', current);
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [listRef, enabled, view, current, first, today, go, shift, onNew]);
}
