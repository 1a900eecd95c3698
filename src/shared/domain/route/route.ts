/**
 * The day's route (tournée du jour): order the stops of one day from the rep's start point and
 * back, minimising driving km while respecting fixed appointment times. Pure and deterministic:
 * no clock, no storage, no randomness the caller does not control.
 *
 * - A FIXED stop is an appointment: the rep must arrive no later than its start time (waiting
 *   is allowed); the visit then lasts its duration from that time.
 * - A FLEXIBLE stop is a customer the rep added for the day: visited on arrival, any time.
 * - Fixed stops always keep their time order (by start time, then input order): arriving at
 *   a later appointment before an earlier one can never respect both. When the appointments
 *   themselves cannot be reached in time, the plan keeps them in time order and reports the
 *   lateness of each stop instead of failing.
 * - Objective, compared lexicographically: total lateness, then total driving km, then the
 *   time back at the start point.
 *
 * Search: several starting orders (the input, nearest neighbour, cheapest insertion, appointments
 * in time order) each improved by 2-opt and or-opt (moving segments of 1–3 stops) to a local
 * optimum, then a few deterministic "double-bridge" kicks (iterated local search). The result is
 * never worse than the input order when that order keeps the appointments in time order.
 */
import { createPrng } from '../../lib/random.js';
import type { LatLon, TravelSettings } from '../geo/geo.js';
import { travelBetween } from '../geo/geo.js';

export const MINUTE_MS = 60_000;
/** Default length of a visit the rep adds for the day. */
export const DEFAULT_FLEXIBLE_VISIT_MINUTES = 30;
/** Above this many stops the search still works but has no time goal. */
export const ROUTE_MAX_STOPS = 25;

export interface RouteStop {
  /** Stable id (an appointment id, or a customer id for a flexible stop). */
  id: string;
  position: LatLon;
  durationMinutes: number;
  /** Epoch ms of the appointment's start; null for a flexible stop. */
  fixedStartMs: number | null;
}

export interface RouteInput {
  start: LatLon;
  /** Epoch ms the rep leaves the start point. */
  departureMs: number;
  /** In the order the rep currently has them (the "input order"). */
  stops: readonly RouteStop[];
  travel: TravelSettings;
}

export interface StopPlan {
  id: string;
  /** 1-based position on the route. */
  number: number;
  /** Leg from the previous point (the start point for the first stop). */
  legKm: number;
  legMinutes: number;
  arrivalMs: number;
  /** When the visit starts: the appointment time when early, else the arrival. */
  visitStartMs: number;
  departureMs: number;
  waitMinutes: number;
  /** Minutes after the appointment's start (0 for flexible stops and on-time arrivals). */
  lateMinutes: number;
  fixed: boolean;
}

export interface RoutePlan {
  /** Stop ids in driving order. */
  order: string[];
  stops: StopPlan[];
  /** The leg from the last stop back to the start point. */
  returnLeg: { km: number; minutes: number };
  returnMs: number;
  departureMs: number;
  totalKm: number;
  drivingMinutes: number;
  waitMinutes: number;
  /** Sum of the lateness of every stop; 0 when every appointment is kept. */
  lateMinutes: number;
  feasible: boolean;
}

/** Precomputed legs between the start (index 0) and the stops (1..n). */
interface Matrix {
  n: number;
  km: Float64Array;
  minutes: Float64Array;
  duration: Float64Array;
  /** Fixed start in minutes after departure; NaN for flexible stops. */
  fixed: Float64Array;
  /** Rank of each stop among the fixed ones (time order), -1 for flexible. */
  fixedRank: Int32Array;
}

function buildMatrix(input: RouteInput): Matrix {
  const n = input.stops.length;
  const size = n + 1;
  const points = [input.start, ...input.stops.map((s) => s.position)];
  const km = new Float64Array(size * size);
  const minutes = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = i + 1; j < size; j += 1) {
      const t = travelBetween(points[i]!, points[j]!, input.travel);
      km[i * size + j] = t.km;
      km[j * size + i] = t.km;
      minutes[i * size + j] = t.minutes;
      minutes[j * size + i] = t.minutes;
    }
  }
  const duration = new Float64Array(size);
  const fixed = new Float64Array(size).fill(Number.NaN);
  const fixedRank = new Int32Array(size).fill(-1);
  const fixedIdx: number[] = [];
  input.stops.forEach((s, k) => {
    duration[k + 1] = Math.max(0, s.durationMinutes);
    if (s.fixedStartMs !== null) {
      fixed[k + 1] = (s.fixedStartMs - input.departureMs) / MINUTE_MS;
      fixedIdx.push(k + 1);
    }
  });
  fixedIdx.sort((a, b) => fixed[a]! - fixed[b]! || a - b);
  fixedIdx.forEach((idx, rank) => (fixedRank[idx] = rank));
  return { n, km, minutes, duration, fixed, fixedRank };
}

interface Cost {
  late: number;
  km: number;
  end: number;
}

const EPS = 1e-9;

function better(a: Cost, b: Cost): boolean {
  if (a.late < b.late - 1e-6) return true;
  if (a.late > b.late + 1e-6) return false;
  if (a.km < b.km - EPS) return true;
  if (a.km > b.km + EPS) return false;
  return a.end < b.end - 1e-6;
}

const INFEASIBLE: Cost = { late: Infinity, km: Infinity, end: Infinity };

/** Cost of an order of stop indices (1..n); infinite when appointments are out of time order. */
function cost(m: Matrix, order: ArrayLike<number>): Cost {
  const size = m.n + 1;
  let prev = 0;
  let t = 0;
  let km = 0;
  let late = 0;
  let lastRank = -1;
  for (let k = 0; k < order.length; k += 1) {
    const s = order[k]!;
    const rank = m.fixedRank[s]!;
    if (rank >= 0) {
      if (rank < lastRank) return INFEASIBLE;
      lastRank = rank;
    }
    km += m.km[prev * size + s]!;
    t += m.minutes[prev * size + s]!;
    const f = m.fixed[s]!;
    if (f === f) {
      if (t < f) t = f;
      else late += t - f;
    }
    t += m.duration[s]!;
    prev = s;
  }
  km += m.km[prev * size]!;
  t += m.minutes[prev * size]!;
  return { late, km, end: t };
}

/** Moves the fixed stops into time order, keeping the slots they occupied. */
function repairFixedOrder(m: Matrix, order: number[]): number[] {
  const slots: number[] = [];
  const fixedStops: number[] = [];
  order.forEach((s, k) => {
    if (m.fixedRank[s]! >= 0) {
      slots.push(k);
      fixedStops.push(s);
    }
  });
  fixedStops.sort((a, b) => m.fixedRank[a]! - m.fixedRank[b]!);
  const out = [...order];
  slots.forEach((slot, k) => (out[slot] = fixedStops[k]!));
  return out;
}

function nearestNeighbour(m: Matrix): number[] {
  const size = m.n + 1;
  const left = new Set<number>();
  for (let s = 1; s <= m.n; s += 1) left.add(s);
  const order: number[] = [];
  let prev = 0;
  let nextFixedRank = 0;
  while (left.size > 0) {
    let best = -1;
    let bestKm = Infinity;
    for (const s of left) {
      const rank = m.fixedRank[s]!;
      if (rank >= 0 && rank !== nextFixedRank) continue;
      const d = m.km[prev * size + s]!;
      if (d < bestKm - EPS || (Math.abs(d - bestKm) <= EPS && s < best)) {
        best = s;
        bestKm = d;
      }
    }
    if (m.fixedRank[best]! >= 0) nextFixedRank += 1;
    order.push(best);
    left.delete(best);
    prev = best;
  }
  return order;
}

/** Appointments in time order, then each flexible stop at its cheapest position. */
function cheapestInsertion(m: Matrix): number[] {
  const order: number[] = [];
  const flexible: number[] = [];
  for (let s = 1; s <= m.n; s += 1) (m.fixedRank[s]! >= 0 ? order : flexible).push(s);
  order.sort((a, b) => m.fixedRank[a]! - m.fixedRank[b]!);
  for (const s of flexible) {
    let bestAt = order.length;
    let bestCost = INFEASIBLE;
    for (let at = 0; at <= order.length; at += 1) {
      order.splice(at, 0, s);
      const c = cost(m, order);
      if (better(c, bestCost)) {
        bestCost = c;
        bestAt = at;
      }
      order.splice(at, 1);
    }
    order.splice(bestAt, 0, s);
  }
  return order;
}

/**
 * Incremental evaluation for the local search: the state after each prefix of the current
 * order is kept, so a candidate is evaluated from where it differs, and abandoned as soon as
 * it cannot beat the current cost (lateness and km only grow along the route).
 */
class Evaluator {
  // Prefix states: after the first k stops of the current order.
  readonly pt: Float64Array;
  readonly pkm: Float64Array;
  readonly plate: Float64Array;
  readonly prank: Int32Array;
  // Running state of the candidate being evaluated.
  t = 0;
  km = 0;
  late = 0;
  rank = -1;
  prev = 0;
  lateCap = 0;
  lateFloor = 0;
  kmCap = 0;

  constructor(
    readonly m: Matrix,
    readonly order: Int32Array,
  ) {
    const n = order.length;
    this.pt = new Float64Array(n + 1);
    this.pkm = new Float64Array(n + 1);
    this.plate = new Float64Array(n + 1);
    this.prank = new Int32Array(n + 1);
  }

  /** Recomputes the prefix states of `order` (after it changed). */
  refresh(): void {
    this.begin(0, { late: Infinity, km: Infinity, end: Infinity });
    const n = this.order.length;
    for (let k = 0; k < n; k += 1) {
      this.step(this.order[k]!);
      this.pt[k + 1] = this.t;
      this.pkm[k + 1] = this.km;
      this.plate[k + 1] = this.late;
      this.prank[k + 1] = this.rank;
    }
  }

  /** Starts a candidate that shares the first `k` stops of the current order. */
  begin(k: number, bound: Cost): void {
    this.t = this.pt[k]!;
    this.km = this.pkm[k]!;
    this.late = this.plate[k]!;
    this.rank = k === 0 ? -1 : this.prank[k]!;
    this.prev = k === 0 ? 0 : this.order[k - 1]!;
    this.lateCap = bound.late + 1e-6;
    this.lateFloor = bound.late - 1e-6;
    this.kmCap = bound.km + EPS;
  }

  /** Visits stop `s`; false when the candidate can no longer win (or breaks the time order). */
  step(s: number): boolean {
    const m = this.m;
    const size = m.n + 1;
    const r = m.fixedRank[s]!;
    if (r >= 0) {
      if (r < this.rank) return false;
      this.rank = r;
    }
    this.km += m.km[this.prev * size + s]!;
    this.t += m.minutes[this.prev * size + s]!;
    const f = m.fixed[s]!;
    if (f === f) {
      if (this.t < f) this.t = f;
      else this.late += this.t - f;
    }
    if (this.late > this.lateCap || (this.late >= this.lateFloor && this.km > this.kmCap)) return false;
    this.t += m.duration[s]!;
    this.prev = s;
    return true;
  }

  /** Steps through order[from..to] inclusive (nothing when from > to). */
  run(from: number, to: number): boolean {
    for (let k = from; k <= to; k += 1) if (!this.step(this.order[k]!)) return false;
    return true;
  }

  /** Steps through order[from..to] backwards (from ≥ to; nothing when from < to). */
  runBack(from: number, to: number): boolean {
    for (let k = from; k >= to; k -= 1) if (!this.step(this.order[k]!)) return false;
    return true;
  }

  /** The candidate's cost once complete, if it beats `bound`. */
  finish(bound: Cost): Cost | null {
    const size = this.m.n + 1;
    const c = {
      late: this.late,
      km: this.km + this.m.km[this.prev * size]!,
      end: this.t + this.m.minutes[this.prev * size]!,
    };
    return better(c, bound) ? c : null;
  }
}

/** 2-opt and or-opt to a local optimum (first improvement, deterministic scan). */
function localSearch(m: Matrix, start: readonly number[]): { order: number[]; cost: Cost } {
  const n = start.length;
  // Appointments in time order first: every candidate keeps it, and the prefix states need it.
  const order = Int32Array.from(repairFixedOrder(m, [...start]));
  const ev = new Evaluator(m, order);
  let current = cost(m, order);
  ev.refresh();
  const seg = new Int32Array(3);
  let improved = true;
  while (improved) {
    improved = false;
    // 2-opt: reverse order[i..j].
    for (let i = 0; i < n - 1; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        ev.begin(i, current);
        if (!ev.runBack(j, i) || !ev.run(j + 1, n - 1)) continue;
        const c = ev.finish(current);
        if (!c) continue;
        order.subarray(i, j + 1).reverse();
        current = c;
        ev.refresh();
        improved = true;
      }
    }
    // Or-opt: move order[i..i+len) before the stop now at `to` (or to the end), forwards or reversed.
    for (let len = 1; len <= Math.min(3, n - 1) && !improved; len += 1) {
      for (let i = 0; i + len <= n && !improved; i += 1) {
        for (let to = 0; to <= n && !improved; to += 1) {
          if (to >= i && to <= i + len) continue; // no move
          for (let reversed = 0; reversed <= (len > 1 ? 1 : 0); reversed += 1) {
            const segment = () => (reversed ? ev.runBack(i + len - 1, i) : ev.run(i, i + len - 1));
            let ok: boolean;
            if (to < i) {
              // order[0..to) + segment + order[to..i) + order[i+len..n)
              ev.begin(to, current);
              ok = segment() && ev.run(to, i - 1) && ev.run(i + len, n - 1);
            } else {
              // order[0..i) + order[i+len..to) + segment + order[to..n)
              ev.begin(i, current);
              ok = ev.run(i + len, to - 1) && segment() && ev.run(to, n - 1);
            }
            if (!ok) continue;
            const c = ev.finish(current);
            if (!c) continue;
            for (let k = 0; k < len; k += 1) seg[k] = order[reversed ? i + len - 1 - k : i + k]!;
            if (to < i) {
              order.copyWithin(to + len, to, i);
              for (let k = 0; k < len; k += 1) order[to + k] = seg[k]!;
            } else {
              order.copyWithin(i, i + len, to);
              for (let k = 0; k < len; k += 1) order[to - len + k] = seg[k]!;
            }
            current = c;
            ev.refresh();
            improved = true;
            break;
          }
        }
      }
    }
  }
  return { order: Array.from(order), cost: current };
}

/** Double bridge: cut into four parts A B C D and reconnect as A C B D. */
function doubleBridge(order: number[], random: () => number): number[] {
  const n = order.length;
  if (n < 8) {
    // Small routes: swap two random stops instead.
    const out = [...order];
    const i = Math.floor(random() * n);
    const j = Math.floor(random() * n);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
    return out;
  }
  const cuts = [1 + Math.floor(random() * (n - 3)), 0, 0];
  cuts[1] = cuts[0]! + 1 + Math.floor(random() * (n - cuts[0]! - 2));
  cuts[2] = cuts[1]! + 1 + Math.floor(random() * (n - cuts[1]! - 1));
  const [p, q, r] = cuts as [number, number, number];
  return [...order.slice(0, p), ...order.slice(q, r), ...order.slice(p, q), ...order.slice(r)];
}

function planFor(m: Matrix, input: RouteInput, order: readonly number[]): RoutePlan {
  const size = m.n + 1;
  const stops: StopPlan[] = [];
  let prev = 0;
  let t = 0;
  let totalKm = 0;
  let driving = 0;
  let waiting = 0;
  let lateTotal = 0;
  const at = (minutes: number) => input.departureMs + minutes * MINUTE_MS;
  order.forEach((s, k) => {
    const legKm = m.km[prev * size + s]!;
    const legMinutes = m.minutes[prev * size + s]!;
    totalKm += legKm;
    driving += legMinutes;
    t += legMinutes;
    const arrival = t;
    const f = m.fixed[s]!;
    let wait = 0;
    let late = 0;
    if (f === f) {
      if (t < f) {
        wait = f - t;
        t = f;
      } else {
        late = t - f;
      }
    }
    const visitStart = t;
    t += m.duration[s]!;
    waiting += wait;
    lateTotal += late;
    const stop = input.stops[s - 1]!;
    stops.push({
      id: stop.id,
      number: k + 1,
      legKm,
      legMinutes,
      arrivalMs: at(arrival),
      visitStartMs: at(visitStart),
      departureMs: at(t),
      waitMinutes: wait,
      lateMinutes: late,
      fixed: stop.fixedStartMs !== null,
    });
    prev = s;
  });
  const returnKm = m.km[prev * size]!;
  const returnMinutes = m.minutes[prev * size]!;
  totalKm += returnKm;
  driving += returnMinutes;
  t += returnMinutes;
  return {
    order: stops.map((s) => s.id),
    stops,
    returnLeg: { km: returnKm, minutes: returnMinutes },
    returnMs: at(t),
    departureMs: input.departureMs,
    totalKm,
    drivingMinutes: driving,
    waitMinutes: waiting,
    lateMinutes: lateTotal,
    feasible: lateTotal <= 1e-6,
  };
}

/** Stop indices (1..n) for a list of ids: unknown ids are ignored, missing stops appended. */
function indicesFor(input: RouteInput, order: readonly string[]): number[] {
  const byId = new Map<string, number[]>();
  input.stops.forEach((s, k) => {
    const list = byId.get(s.id) ?? [];
    list.push(k + 1);
    byId.set(s.id, list);
  });
  const used = new Set<number>();
  const out: number[] = [];
  for (const id of order) {
    const idx = byId.get(id)?.find((i) => !used.has(i));
    if (idx === undefined) continue;
    used.add(idx);
    out.push(idx);
  }
  for (let s = 1; s <= input.stops.length; s += 1) if (!used.has(s)) out.push(s);
  return out;
}

/** The plan for the order the rep chose (drag or keyboard): totals, arrivals, waits, lateness. */
export function evaluateRoute(order: readonly string[], input: RouteInput): RoutePlan {
  const m = buildMatrix(input);
  return planFor(m, input, indicesFor(input, order));
}

export interface OptimiseOptions {
  /** Iterated-local-search kicks after the multi-start; default grows with the stop count. */
  kicks?: number;
  seed?: number;
}

/** The best order found for the day's stops (see the module comment for the rules). */
export function optimiseRoute(input: RouteInput, options: OptimiseOptions = {}): RoutePlan {
  const m = buildMatrix(input);
  const n = m.n;
  const inputOrder = indicesFor(input, []);
  if (n <= 1) return planFor(m, input, inputOrder);

  const starts = [repairFixedOrder(m, inputOrder), nearestNeighbour(m), cheapestInsertion(m)];
  let best: { order: number[]; cost: Cost } = { order: starts[0]!, cost: INFEASIBLE };
  for (const s of starts) {
    const r = localSearch(m, s);
    if (better(r.cost, best.cost)) best = r;
  }
  const kicks = options.kicks ?? Math.min(40, 4 * n);
  const random = createPrng(options.seed ?? 0x7040e + n);
  let current = best;
  for (let k = 0; k < kicks; k += 1) {
    const r = localSearch(m, doubleBridge(current.order, random));
    if (better(r.cost, current.cost) || !better(current.cost, r.cost)) current = r;
    if (better(current.cost, best.cost)) best = current;
  }
  // Never worse than what the rep had (when it kept the appointments in time order).
  const given = cost(m, inputOrder);
  if (better(given, best.cost)) best = { order: inputOrder, cost: given };
  return planFor(m, input, best.order);
}

/** Exhaustive search under the same rules, for tests (refuses more than 9 stops). */
export function bruteForceRoute(input: RouteInput): RoutePlan {
  const m = buildMatrix(input);
  const n = m.n;
  if (n > 9) throw new RangeError(`bruteForceRoute: ${n} stops, at most 9`);
  const order = Array.from({ length: n }, (_, k) => k + 1);
  let bestOrder = [...order];
  let bestCost = cost(m, order);
  // Heap's algorithm.
  const c = new Array<number>(n).fill(0);
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      const tmp = order[j]!;
      order[j] = order[i]!;
      order[i] = tmp;
      const cc = cost(m, order);
      if (better(cc, bestCost)) {
        bestCost = cc;
        bestOrder = [...order];
      }
      c[i] = c[i]! + 1;
      i = 0;
    } else {
      c[i] = 0;
      i += 1;
    }
  }
  return planFor(m, input, bestOrder);
}
