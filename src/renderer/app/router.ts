/**
 * Hash routes. No extra package needed.
 *   #/today (the home screen; also what an empty hash opens), #/customers, #/customers/<id>, #/settings, #/imports (admin), #/playbook (admin),
 *   #/agenda/<day|week>/<yyyy-mm-dd>, #/route/<yyyy-mm-dd>, #/brief/<appointmentId>,
 *   #/day-sheet/<yyyy-mm-dd>, #/visit/<draftId>, #/complaints, #/orders, #/orders/new/<customerId>, #/orders/<id>
 *   #/orders/new/<customerId>?visit=<draftId> (an order taken during a visit: saving goes back to it)
 *   #/review (managers and admins: team review at head office)
 *   #/team-agenda?rep=<id>&week=<monday> (managers and admins: a rep's week at head office)
 *   #/campaigns, #/campaigns/<id> (campaigns the user may see; a campaign's results against its control group)
 *   #/figures?from=<day>&to=<day>&rep=<id>&tab=<team|segments|visits|value|complaints> (the team's figures; a rep's own)
 * Days are calendar days in the user's time zone (yyyy-mm-dd); absent means today.
 */
import { useEffect, useState } from 'react';

export type AgendaView = 'day' | 'week';

export type Route =
  | { name: 'today' }
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'settings' }
  | { name: 'imports' }
  | { name: 'playbook' }
  | { name: 'agenda'; view: AgendaView; day: string | null }
  | { name: 'route'; day: string | null }
  | { name: 'brief'; appointmentId: string; from?: 'route' }
  | { name: 'daySheet'; day: string | null }
  | { name: 'visit'; draftId: string }
  | { name: 'complaints' }
  | { name: 'orders' }
  | { name: 'orderNew'; customerId: string; visitId?: string }
  | { name: 'order'; id: string }
  | { name: 'review' }
  | { name: 'teamAgenda'; repId: string | null; week: string | null }
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'figures'; tab: FiguresTab; from: string | null; to: string | null; repId: string | null };

export const figuresTabs = ['team', 'segments', 'visits', 'value', 'complaints'] as const;
export type FiguresTab = (typeof figuresTabs)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOrNull(part: string | undefined): string | null {
  return part !== undefined && DAY.test(part) ? part : null;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  // The app opens on Today (decision 0024).
  if (parts.length === 0 || parts[0] === 'today') return { name: 'today' };
  if (parts[0] === 'customers' && parts[1]) return { name: 'customer', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'imports') return { name: 'imports' };
  if (parts[0] === 'playbook') return { name: 'playbook' };
  if (parts[0] === 'agenda') {
    const view: AgendaView = parts[1] === 'week' ? 'week' : 'day';
    return { name: 'agenda', view, day: dayOrNull(parts[2]) };
  }
  if (parts[0] === 'route') return { name: 'route', day: dayOrNull(parts[1]) };
  if (parts[0] === 'brief' && parts[1]) {
    const appointmentId = decodeURIComponent(parts[1]);
    return new URLSearchParams(query).get('from') === 'route'
      ? { name: 'brief', appointmentId, from: 'route' }
      : { name: 'brief', appointmentId };
  }
  if (parts[0] === 'day-sheet') return { name: 'daySheet', day: dayOrNull(parts[1]) };
  if (parts[0] === 'visit' && parts[1]) return { name: 'visit', draftId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'complaints') return { name: 'complaints' };
  if (parts[0] === 'review') return { name: 'review' };
  if (parts[0] === 'campaigns' && parts[1]) return { name: 'campaign', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'campaigns') return { name: 'campaigns' };
  if (parts[0] === 'team-agenda') {
    const q = new URLSearchParams(query);
    return { name: 'teamAgenda', repId: q.get('rep'), week: dayOrNull(q.get('week') ?? undefined) };
  }
  if (parts[0] === 'figures') {
    const q = new URLSearchParams(query);
    return {
      name: 'figures',
      tab: figuresTabs.find((t) => t === q.get('tab')) ?? 'team',
      from: dayOrNull(q.get('from') ?? undefined),
      to: dayOrNull(q.get('to') ?? undefined),
      repId: q.get('rep'),
    };
  }
  if (parts[0] === 'orders' && parts[1] === 'new' && parts[2]) {
    const visitId = new URLSearchParams(query).get('visit');
    const customerId = decodeURIComponent(parts[2]);
    return visitId ? { name: 'orderNew', customerId, visitId } : { name: 'orderNew', customerId };
  }
  if (parts[0] === 'orders' && parts[1]) return { name: 'order', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'orders') return { name: 'orders' };
  return { name: 'customers' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'today':
      return '#/today';
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    case 'imports':
      return '#/imports';
    case 'playbook':
      return '#/playbook';
    case 'agenda':
      return route.day ? `#/agenda/${route.view}/${route.day}` : `#/agenda/${route.view}`;
    case 'route':
      return route.day ? `#/route/${route.day}` : '#/route';
    case 'brief':
      return `#/brief/${encodeURIComponent(route.appointmentId)}${route.from ? `?from=${route.from}` : ''}`;
    case 'daySheet':
      return route.day ? `#/day-sheet/${route.day}` : '#/day-sheet';
    case 'visit':
      return `#/visit/${encodeURIComponent(route.draftId)}`;
    case 'complaints':
      return '#/complaints';
    case 'orders':
      return '#/orders';
    case 'orderNew':
      return route.visitId
        ? `#/orders/new/${encodeURIComponent(route.customerId)}?visit=${encodeURIComponent(route.visitId)}`
        : `#/orders/new/${encodeURIComponent(route.customerId)}`;
    case 'order':
      return `#/orders/${encodeURIComponent(route.id)}`;
    case 'review':
      return '#/review';
    case 'campaigns':
      return '#/campaigns';
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}`;
    case 'teamAgenda': {
      const q = new URLSearchParams();
      if (route.repId) q.set('rep', route.repId);
      if (route.week) q.set('week', route.week);
      const text = q.toString();
      return text === '' ? '#/team-agenda' : `#/team-agenda?${text}`;
    }
    case 'figures': {
      const q = new URLSearchParams();
      if (route.tab !== 'team') q.set('tab', route.tab);
      if (route.from) q.set('from', route.from);
      if (route.to) q.set('to', route.to);
      if (route.repId) q.set('rep', route.repId);
      const text = q.toString();
      return text === '' ? '#/figures' : `#/figures?${text}`;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
