/**
 * The day's plan from local rows: which stops, where they are, in which order, and the timing
 * of that order. Pure (rows in, plan out) so the route screen and the day sheet agree, and so
 * it is tested without a database.
 */
import type { LatLon, TravelSettings } from '../../../shared/domain/geo/geo.js';
import type { RouteInput, RoutePlan, RouteStop, StopPlan } from '../../../shared/domain/route/route.js';
import { DEFAULT_FLEXIBLE_VISIT_MINUTES, evaluateRoute } from '../../../shared/domain/route/route.js';
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import type { AppointmentRow, CustomerRow, DayPlanRow, MetaValue } from '../../db/schema.js';
import { instantOn } from '../../../shared/lib/calendar.js';
import type { PlaceByPostcode } from './placeByPostcode.js';

export const DEFAULT_DEPARTURE = '08:00';

export type RouteStart = NonNullable<MetaValue<'routeStart'>>;

export interface DayPlanStop {
  /** The appointment id, or the customer id of a stop the rep added. */
  id: string;
  kind: 'appointment' | 'added';
  customer: CustomerRow | null;
  appointment: AppointmentRow | null;
  position: LatLon;
  /** Placed at its postcode's town (no coordinates of its own). */
  approximate: boolean;
  segment: RfmSegment | null;
  /** Timing on the current order; null without a start point. */
  timing: StopPlan | null;
}

export interface UnplacedStop {
  id: string;
  kind: 'appointment' | 'added';
  customer: CustomerRow | null;
  appointment: AppointmentRow | null;
  /** noPosition: no coordinates and no known town for the postcode; unknownCustomer: not on this laptop. */
  reason: 'noPosition' | 'unknownCustomer';
}

export interface DayPlanData {
  day: string;
  timeZone: string;
  start: RouteStart | null;
  travel: TravelSettings;
  row: DayPlanRow | null;
  /** The day's appointments (any status, any kind: filtered here). */
  appointments: readonly AppointmentRow[];
  customers: ReadonlyMap<string, CustomerRow>;
  segments: ReadonlyMap<string, RfmSegment | null>;
}

export interface DayPlanReady {
  state: 'ready';
  day: string;
  start: RouteStart | null;
  travel: TravelSettings;
  /** HH:mm local. */
  departureTime: string;
  /** Placed stops in the current order (the rep's saved order, else appointment time). */
  stops: DayPlanStop[];
  /** Totals, legs and arrivals of that order; null when the start point is not set. */
  plan: RoutePlan | null;
  /** Stops that cannot be placed on the map: listed apart, never on the route. */
  unplaced: UnplacedStop[];
  /** Phone appointments of the day (not stops of the route). */
  calls: AppointmentRow[];
  /** The start point is not set (Settings → Route). */
  settingsMissing: boolean;
  /** What the optimiser needs (null without a start point). */
  input: RouteInput | null;
}

export type DayPlanState = { state: 'loading' } | DayPlanReady;

export function positionOf(
  customer: CustomerRow,
  placeByPostcode: PlaceByPostcode,
): { position: LatLon; approximate: boolean } | null {
  if (customer.latitude !== null && customer.longitude !== null) {
    return { position: { lat: customer.latitude, lon: customer.longitude }, approximate: false };
  }
  const town = customer.postcode ? placeByPostcode(customer.postcode) : null;
  return town ? { position: town, approximate: true } : null;
}

export function buildDayPlan(data: DayPlanData, placeByPostcode: PlaceByPostcode): DayPlanReady {
  const live = data.appointments
    .filter((a) => a.status !== 'cancelled')
    .sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : a.id < b.id ? -1 : 1));
  const visits = live.filter((a) => a.kind === 'visit');
  const calls = live.filter((a) => a.kind === 'call');
  const appointmentCustomers = new Set(visits.map((a) => a.customerId));
  const extras = (data.row?.extraCustomerIds ?? []).filter((id) => !appointmentCustomers.has(id));

  const placed = new Map<string, Omit<DayPlanStop, 'timing'>>();
  const routeStops = new Map<string, RouteStop>();
  const unplaced: UnplacedStop[] = [];
  const place = (
    id: string,
    kind: DayPlanStop['kind'],
    customerId: string,
    appointment: AppointmentRow | null,
  ) => {
    const customer = data.customers.get(customerId) ?? null;
    const where = customer ? positionOf(customer, placeByPostcode) : null;
    if (!where) {
      unplaced.push({ id, kind, customer, appointment, reason: customer ? 'noPosition' : 'unknownCustomer' });
      return;
    }
    placed.set(id, {
      id,
      kind,
      customer,
      appointment,
      position: where.position,
      approximate: where.approximate,
      segment: data.segments.get(customerId) ?? null,
    });
    routeStops.set(id, {
      id,
      position: where.position,
      durationMinutes: appointment ? appointment.durationMinutes : DEFAULT_FLEXIBLE_VISIT_MINUTES,
      fixedStartMs: appointment ? Date.parse(appointment.startAt) : null,
    });
  };
  for (const a of visits) place(a.id, 'appointment', a.customerId, a);
  for (const customerId of extras) place(customerId, 'added', customerId, null);

  // The saved order first (ids still on the day), then new stops in time order.
  const order: string[] = [];
  for (const id of data.row?.order ?? []) if (placed.has(id) && !order.includes(id)) order.push(id);
  for (const id of placed.keys()) if (!order.includes(id)) order.push(id);

  const departureTime = data.row?.departureTime ?? DEFAULT_DEPARTURE;
  let input: RouteInput | null = null;
  let plan: RoutePlan | null = null;
  if (data.start) {
    input = {
      start: { lat: data.start.lat, lon: data.start.lon },
      departureMs: Date.parse(instantOn(data.day, departureTime, data.timeZone)),
      stops: order.map((id) => routeStops.get(id)!),
      travel: data.travel,
    };
    plan = evaluateRoute(order, input);
  }
  const timings = new Map(plan?.stops.map((s) => [s.id, s]) ?? []);
  const stops = (plan?.order ?? order).map((id) => ({ ...placed.get(id)!, timing: timings.get(id) ?? null }));
  return {
    state: 'ready',
    day: data.day,
    start: data.start,
    travel: data.travel,
    departureTime,
    stops,
    plan,
    unplaced,
    calls,
    settingsMissing: data.start === null,
    input,
  };
}
