/** Hash routes: #/customers, #/customers/<id>, #/settings, #/imports (admin). No extra package needed. */
import { useEffect, useState } from 'react';

export type Route =
  { name: 'customers' } | { name: 'customer'; id: string } | { name: 'settings' } | { name: 'imports' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'customers' && parts[1]) return { name: 'customer', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'imports') return { name: 'imports' };
  return { name: 'customers' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    case 'imports':
      return '#/imports';
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
