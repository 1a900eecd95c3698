/** The one place that chooses the platform: Electron when the preload bridge is present. */
import type { TourneeBridge } from '../../shared/contract/bridge.js';
import { createElectronPlatform } from './transport.electron.js';
import { createWebPlatform } from './transport.web.js';
import type { Platform } from './types.js';

declare global {
  interface Window {
    tournee?: TourneeBridge;
  }
}

let current: Platform | null = null;

export function getPlatform(): Platform {
  if (!current) current = window.tournee ? createElectronPlatform(window.tournee) : createWebPlatform();
  return current;
}

export type { PdfExportResult, Platform } from './types.js';
