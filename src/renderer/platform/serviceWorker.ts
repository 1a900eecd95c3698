/**
 * Web mode only: registers public/sw.js so a reload without network still opens the app
 * (the data is already local in IndexedDB). Electron loads the renderer from disk and has the
 * preload bridge (`window.tournee`): no service worker there. The Vite dev server is skipped
 * too, so hot reload never meets a cached shell.
 */
export interface ServiceWorkerEnvironment {
  hasBridge: boolean;
  production: boolean;
  protocol: string;
  serviceWorker: Pick<ServiceWorkerContainer, 'register'> | undefined;
}

export function shouldRegisterServiceWorker(env: Omit<ServiceWorkerEnvironment, 'serviceWorker'>): boolean {
  return !env.hasBridge && env.production && (env.protocol === 'http:' || env.protocol === 'https:');
}

export function registerServiceWorker(
  env: ServiceWorkerEnvironment = {
    hasBridge: typeof window !== 'undefined' && window.tournee !== undefined,
    production: import.meta.env.PROD,
    protocol: globalThis.location?.protocol ?? '',
    serviceWorker: globalThis.navigator?.serviceWorker,
  },
): Promise<ServiceWorkerRegistration | null> {
  if (!env.serviceWorker || !shouldRegisterServiceWorker(env)) return Promise.resolve(null);
  return env.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
    // Not fatal: the app works online; it just cannot open offline from a reload.
    console.warn('Service worker not registered', error);
    return null;
  });
}
