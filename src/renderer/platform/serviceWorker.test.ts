import { describe, expect, it, vi } from 'vitest';
import { registerServiceWorker, shouldRegisterServiceWorker } from './serviceWorker.js';

const web = { hasBridge: false, production: true, protocol: 'https:' };

describe('service worker registration', () => {
  it('registers only in a production web build served over http(s)', () => {
    expect(shouldRegisterServiceWorker(web)).toBe(true);
    expect(shouldRegisterServiceWorker({ ...web, protocol: 'http:' })).toBe(true);
    expect(shouldRegisterServiceWorker({ ...web, hasBridge: true })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...web, production: false })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...web, protocol: 'file:' })).toBe(false);
  });

  it('registers ./sw.js with the page as scope', async () => {
    const register = vi.fn().mockResolvedValue({ scope: '/' });
    await registerServiceWorker({ ...web, serviceWorker: { register } });
    expect(register).toHaveBeenCalledWith('./sw.js', { scope: './' });
  });

  it('does nothing in Electron and survives a refused registration', async () => {
    const register = vi.fn().mockRejectedValue(new Error('blocked'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await registerServiceWorker({ ...web, hasBridge: true, serviceWorker: { register } })).toBeNull();
    expect(register).not.toHaveBeenCalled();
    expect(await registerServiceWorker({ ...web, serviceWorker: { register } })).toBeNull();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
