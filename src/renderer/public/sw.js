/* global self, caches, fetch, URL, Request, Response, setTimeout, clearTimeout */
/**
 * Tournée web mode: the app shell opens without network after one visit online.
 *
 * - install: precache index.html, the assets it references and those listed in precache.json
 *   (every built file under assets/, lazy chunks included: the map works offline too);
 * - navigations: network first (with a short timeout), falling back to the cached index.html
 *   when the network fails, times out, answers an error (a gateway's 502 while head office is
 *   down) or answers a page that is not the app (a proxy's maintenance page);
 * - only a page that is the app's own shell (it carries SHELL_MARKER) replaces the cached one,
 *   and only once all its assets are cached: nothing else can take the offline app away;
 * - assets/*: cache first, cached on first fetch (their names change with their content);
 * - head office's API (/api, /sync, /auth, /health) and every non-GET request: never touched.
 *
 * Bump VERSION when this file's caching rules change: activate deletes the older caches.
 * Registered from src/renderer/platform/serviceWorker.ts (web mode, production build only).
 */
const VERSION = 'v3';
const PREFIX = 'tournee-shell-';
const CACHE = `${PREFIX}${VERSION}`;
const NAVIGATION_TIMEOUT_MS = 4000;
/** What index.html carries and a gateway's or proxy's page does not. */
const SHELL_MARKER = '<meta name="application-name" content="tournee-shell"';

const scope = new URL(self.registration.scope);
const INDEX_URL = new URL('./', scope).href;
const ASSETS_PATH = new URL('./assets/', scope).pathname;
const BYPASS = ['api/', 'sync/', 'auth/', 'health'].map((p) => new URL(`./${p}`, scope).pathname);

/** The asset URLs an index.html references (script, stylesheet, modulepreload, icons). */
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const url = new URL(match[1], INDEX_URL);
    if (url.origin === scope.origin && url.pathname.startsWith(ASSETS_PATH)) urls.add(url.href);
  }
  return [...urls];
}

/** Every built asset, from the manifest the build writes (empty when it is missing). */
async function listedAssets() {
  try {
    const response = await fetch(new Request(new URL('./precache.json', scope).href, { cache: 'no-store' }));
    if (!response.ok) return [];
    const names = await response.json();
    if (!Array.isArray(names)) return [];
    return names
      .filter((n) => typeof n === 'string' && n.startsWith('assets/'))
      .map((n) => new URL(`./${n}`, scope).href);
  } catch {
    return [];
  }
}

/** Whether a response is the app's own shell: a 200 HTML page carrying the marker. */
async function isShell(response) {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.startsWith('text/html')) return false;
  return (await response.clone().text()).includes(SHELL_MARKER);
}

/** Stores a fresh index.html; when it changed, fetches its assets and drops the old ones. */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  if (!html.includes(SHELL_MARKER)) return;
  const previous = await cache.match(INDEX_URL);
  const changed = !previous || (await previous.text()) !== html;
  if (!changed) return;
  const assets = [...new Set([...assetsOf(html), ...(await listedAssets())])];
  await cache.addAll(assets);
  await cache.put(INDEX_URL, response);
  const keep = new Set(assets);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(ASSETS_PATH) && !keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(new Request(INDEX_URL, { cache: 'reload', credentials: 'same-origin' }));
      if (!(await isShell(response))) throw new Error(`index.html: ${response.status}, not the app`);
      await storeShell(cache, response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

/** fetch() that gives up after `ms` (a weak signal in a car park must not block the app). */
function fetchWithTimeout(request, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    fetch(request).then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

async function navigation(event) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetchWithTimeout(event.request, NAVIGATION_TIMEOUT_MS);
  } catch {
    const cached = await cache.match(INDEX_URL);
    return cached ?? Response.error();
  }
  if (await isShell(response)) {
    event.waitUntil(storeShell(cache, response.clone()).catch(() => undefined));
    return response;
  }
  // A gateway's error or a page that is not the app: the app as last cached, when there is one.
  return (await cache.match(INDEX_URL)) ?? response;
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (BYPASS.some((path) => url.pathname.startsWith(path))) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(event));
  } else if (url.pathname.startsWith(ASSETS_PATH)) {
    event.respondWith(asset(request));
  }
});
