/** The route's edits (reorder, optimise, remove, add) and the sentence announcing each one. */
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

export function useRouteEditing(data: DayPlanReady) {
  const { db } = useApp();
  const intl = useIntl();
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
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

  const reorder = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = move(order, from, to);
    const stop = data.stops[from]!;
    pendingFocus.current = stop.id;
    void saveDayOrder(db, data.day, next).then(() => {
      if (data.input) {
        const p = evaluateRoute(next, data.input);
        setAnnouncement(
          t('route.moved', { name: nameOf(stop), position: to + 1, count: next.length, ...totalsText(p) }),
        );
      }
    });
  };

  const optimise = (input: RouteInput) => {
    const best = optimiseRoute(input);
    const current = data.plan;
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
    if (!e.altKey) return;
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      reorder(index, index - 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      reorder(index, index + 1);
    }
  };

  const remove = (stop: DayPlanStop) =>
    void removeDayStop(db, data.day, stop.id).then(() =>
      setAnnouncement(t('route.removed', { name: nameOf(stop) })),
    );

  const handleRef = (stopId: string) => (el: HTMLButtonElement | null) => {
    if (el) handles.current.set(stopId, el);
    else handles.current.delete(stopId);
  };

  const announceAdded = (name: string, p: RoutePlan) =>
    setAnnouncement(t('route.added', { name, ...totalsText(p) }));

  return {
    announcement,
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
