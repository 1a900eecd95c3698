/**
 * The day's route ordering (src/shared/domain/route): optimiseRoute on realistic days of a rep
 * around Lyon — stops drawn among real towns of the Rhône, Ain and Isère within ~60 km, 2–4 of
 * them fixed appointments spread over the day (made reachable), the rest flexible visits.
 * Several different days per size, each optimised many times; p50 / p95 / max in ms.
 */
import { performance } from 'node:perf_hooks';
import type { RouteInput, RouteStop } from '../src/shared/domain/route/route.js';
import { evaluateRoute, MINUTE_MS, optimiseRoute } from '../src/shared/domain/route/route.js';
import { percentile } from './lib.js';

/** Towns of the Lyon area (lat, lon). */
const towns: [string, number, number][] = [
  ['Villeurbanne', 45.7719, 4.8902],
  ['Vénissieux', 45.6975, 4.8867],
  ['Vaulx-en-Velin', 45.7786, 4.9203],
  ['Caluire-et-Cuire', 45.7953, 4.8467],
  ['Bron', 45.7386, 4.9131],
  ['Villefranche-sur-Saône', 45.9897, 4.7186],
  ['Saint-Priest', 45.6964, 4.9439],
  ['Vienne', 45.5256, 4.8742],
  ['Meyzieu', 45.7667, 5.0036],
  ['Rillieux-la-Pape', 45.8203, 4.8983],
  ['Oullins', 45.7144, 4.8075],
  ['Givors', 45.5906, 4.7689],
  ['Décines-Charpieu', 45.7689, 4.9589],
  ['Sainte-Foy-lès-Lyon', 45.7336, 4.8025],
  ['Écully', 45.7744, 4.7775],
  ['Tassin-la-Demi-Lune', 45.7639, 4.7556],
  ['Brignais', 45.6739, 4.7542],
  ['Mions', 45.6631, 4.9569],
  ['Genas', 45.7314, 5.0022],
  ['Neuville-sur-Saône', 45.8761, 4.8411],
  ['Trévoux', 45.9411, 4.7753],
  ['Miribel', 45.8256, 4.9539],
  ['Montluel', 45.8508, 5.0569],
  ['Bourgoin-Jallieu', 45.5861, 5.2736],
  ['L’Isle-d’Abeau', 45.6197, 5.2286],
  ['Saint-Genis-Laval', 45.6956, 4.7931],
  ['Chassieu', 45.7444, 4.9708],
  ['Craponne', 45.7453, 4.7236],
  ['Anse', 45.9375, 4.7194],
  ['L’Arbresle', 45.8356, 4.6167],
  ['Tarare', 45.8961, 4.4333],
  ['Mornant', 45.6189, 4.6725],
  ['Heyrieux', 45.6336, 5.0622],
  ['Pont-de-Chéruy', 45.7531, 5.1731],
  ['Ambérieu-en-Bugey', 45.9583, 5.3583],
];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const departureMs = Date.UTC(2026, 10, 26, 7, 0); // 08:00 Paris

/** One realistic day: `n` stops, 2–4 appointments at reachable times. */
export function benchDay(n: number, seed: number): RouteInput {
  const random = prng(seed);
  const start = { lat: 45.764, lon: 4.8357 }; // office in Lyon
  const stops: RouteStop[] = Array.from({ length: n }, (_, k) => {
    const [, lat, lon] = towns[Math.floor(random() * towns.length)]!;
    return {
      id: `s${k}`,
      // A customer somewhere in that town (±1.5 km).
      position: { lat: lat + (random() - 0.5) * 0.027, lon: lon + (random() - 0.5) * 0.038 },
      durationMinutes: 20 + Math.floor(random() * 4) * 10,
      fixedStartMs: null,
    };
  });
  const fixedCount = 2 + Math.floor(random() * 3);
  const input: RouteInput = { start, departureMs, stops, travel: { roadFactor: 1.3, speedKmh: 60 } };
  // Appointments at the times an order by longitude would reach them, rounded up to 15 min,
  // so the day is feasible (as a rep's agenda usually is).
  const byLon = [...stops].sort((a, b) => a.position.lon - b.position.lon).map((s) => s.id);
  const picks = new Set<number>();
  while (picks.size < Math.min(fixedCount, n)) picks.add(Math.floor(random() * n));
  const quarter = 15 * MINUTE_MS;
  for (const id of byLon) {
    const k = Number(id.slice(1));
    if (!picks.has(k)) continue;
    // Re-evaluated after each appointment: the waits it adds delay the next ones.
    const timing = evaluateRoute(byLon, input).stops.find((s) => s.id === id)!;
    stops[k] = { ...stops[k]!, fixedStartMs: Math.ceil(timing.arrivalMs / quarter) * quarter };
  }
  return input;
}

export interface RouteBenchRow {
  stops: number;
  days: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Mean km saved against the agenda's time order, in %. */
  savedPercent: number;
  /** Days whose optimised order keeps every appointment (all are feasible by construction). */
  feasibleDays: number;
}

export function benchRoute(): RouteBenchRow[] {
  const rows: RouteBenchRow[] = [];
  for (const [n, days, runsPerDay] of [
    [12, 20, 25],
    [25, 20, 10],
  ] as const) {
    const samples: number[] = [];
    let saved = 0;
    let feasible = 0;
    for (let d = 0; d < days; d += 1) {
      const input = benchDay(n, 1000 * n + d);
      // Warm-up (JIT) outside the samples.
      optimiseRoute(input);
      let plan = optimiseRoute(input);
      for (let r = 0; r < runsPerDay; r += 1) {
        const t0 = performance.now();
        plan = optimiseRoute(input);
        samples.push(performance.now() - t0);
      }
      const timeOrder = [...input.stops]
        .sort((a, b) => (a.fixedStartMs ?? Infinity) - (b.fixedStartMs ?? Infinity))
        .map((s) => s.id);
      const given = evaluateRoute(timeOrder, input);
      saved += (1 - plan.totalKm / given.totalKm) * 100;
      if (plan.feasible) feasible += 1;
    }
    rows.push({
      stops: n,
      days,
      runs: samples.length,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      maxMs: Math.max(...samples),
      savedPercent: saved / days,
      feasibleDays: feasible,
    });
  }
  return rows;
}
