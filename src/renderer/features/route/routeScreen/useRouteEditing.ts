/**
 * The route's edits (reorder, optimise, remove, add) and the sentence announcing each one. A
 * move that makes an appointment late keeps the order it replaced, so « Annuler » (or Ctrl+Z on
 * the moved stop's handle) puts it back.
 */
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { RouteInput, RoutePlan } from '../../../../shared/domain/route/route.js';
import { evaluateRoute, optimiseRoute } from '../../../../shared/domain/route/route.js';
import { useApp } from '../../../app/context.js';
import { formatClock } from '../../../i18n/format.js';
import { useT } from '../../../i18n/useT.js';
import type { DayPlanReady, DayPlanStop } from '../dayPlanModel.js';
import { removeDayStop, saveDayOrder } from '../dayPlans.js';
import { formatDuration, formatKm, move, nameOf } from './format.js';
import { lateAfterMove } from './lateAfterMove.js';

/** The warning after a move that makes an appointment late, with what « Annuler » restores. */
export interface LateMove {
  /** The stop that was moved (it keeps the focus after « Annuler »). */
  movedId: string;
  movedName: string;
  /** The order before the move. */
  previous: string[];
  /** The first appointment made late: its customer, its time and by how much. */
  name: string;
  appointmentMs: number;
  lateMinutes: number;
  /** Other appointments made late by the same move. */
  others: number;
}

export function useRouteEditing(data: DayPlanReady) {
  const { db } = useApp();
  const intl = useIntl();
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const [lateMove, setLateMove] = useState<LateMove | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const order = data.stops.map((s) => s.id);

  // After a keyboard move the moved stop keeps the focus (its row re-renders elsewhere).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    handles.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [data.stops]);

  const totalsText = (p: RoutePlan) => ({
    km: formatKm(intl, p.totalKm),
    duration: formatDuration(intl, p.drivingMinutes),
    time: formatClock(intl, p.returnMs),
  });

  const lateText = (late: LateMove) =>
    t('route.lateMove', {
      name: late.name,
      time: formatClock(intl, late.appointmentMs),
      duration: formatDuration(intl, late.lateMinutes),
      others: late.others,
    });

  const reorder = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = move(order, from, to);
    const stop = data.stops[from]!;
    pendingFocus.current = stop.id;
    const p = data.input ? evaluateRoute(next, data.input) : null;
    const late = p ? lateAfterMove(data.plan, p, stop.id) : [];
    const first = late[0];
    const lateStop = first && data.stops.find((s) => s.id === first.id);
    const lateMoveNow: LateMove | null =
      first === undefined
        ? null
        : {
            movedId: stop.id,
            movedName: nameOf(stop),
            previous: order,
            name: nameOf(lateStop ?? { customer: null, id: first.id }),
            appointmentMs: lateStop?.appointment
              ? Date.parse(lateStop.appointment.startAt)
              : first.arrivalMs - first.lateMinutes * 60_000,
            lateMinutes: first.lateMinutes,
            others: late.length - 1,
          };
    void saveDayOrder(db, data.day, next).then(() => {
      setLateMove(lateMoveNow);
      if (p) {
        const moved = t('route.moved', {
          name: nameOf(stop),
          position: to + 1,
          count: next.length,
          ...totalsText(p),
        });
        setAnnouncement(lateMoveNow ? `${moved} ${lateText(lateMoveNow)} ${t('route.undoHint')}` : moved);
      }
    });
  };

  const undoMove = () => {
    const late = lateMove;
    if (!late) return;
    pendingFocus.current = late.movedId;
    setLateMove(null);
    void saveDayOrder(db, data.day, late.previous).then(() =>
      setAnnouncement(
        t('route.undone', {
          name: late.movedName,
          position: late.previous.indexOf(late.movedId) + 1,
        }),
      ),
    );
  };

  const optimise = (input: RouteInput) => {
    const best = optimiseRoute(input);
    const current = data.plan;
    setLateMove(null);
    void saveDayOrder(db, data.day, best.order).then(() => {
      const same = current !== null && current.order.join() === best.order.join();
      setAnnouncement(
        same
          ? t('route.alreadyOptimal', { km: formatKm(intl, best.totalKm) })
          : t('route.optimised', totalsText(best)),
      );
    });
  };

  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') {
      if (lateMove) {
        e.preventDefault();
        undoMove();
      }
      return;
    }
    if (!e.altKey) return;
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      reorder(index, index - 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      reorder(index, index + 1);
    }
  };

  const remove = (stop: DayPlanStop) => {
    setLateMove(null);
    void removeDayStop(db, data.day, stop.id).then(() =>
      setAnnouncement(t('route.removed', { name: nameOf(stop) })),
    );
  };

  const handleRef = (stopId: string) => (el: HTMLButtonElement | null) => {
    if (el) handles.current.set(stopId, el);
    else handles.current.delete(stopId);
  };

  const announceAdded = (name: string, p: RoutePlan) => {
    setLateMove(null);
    setAnnouncement(t('route.added', { name, ...totalsText(p) }));
  };

  return {
    announcement,
    lateMove,
    lateText,
    undoMove,
    keepMove: () => setLateMove(null),
    dragging,
    setDragging,
    order,
    reorder,
    optimise,
    onHandleKey,
    remove,
    handleRef,
    announceAdded,
  };
}

export type RouteEditing = ReturnType<typeof useRouteEditing>;
