import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.js';
import { DownloadProgressText } from './DownloadProgressText.js';
import type { DownloadProgress } from './useDownload.js';

function text(locale: 'fr' | 'en', download: DownloadProgress): string {
  const { container, unmount } = render(
    <I18nProvider locale={locale}>
      <DownloadProgressText download={download} />
    </I18nProvider>,
  );
  const shown = (container.textContent ?? '').replace(/\s/g, ' ');
  unmount();
  return shown;
}

const running: DownloadProgress = {
  received: 12_345,
  pages: 3,
  total: 48_000,
  percent: 25,
  secondsLeft: 40,
  phase: 'running',
};

describe('download progress', () => {
  it('says how much of the total arrived and about how long is left, in French and English', () => {
    expect(text('fr', running)).toBe(
      'Téléchargement de votre portefeuille… 12 345 / 48 000 éléments (25 %) — environ 40 s restantes',
    );
    expect(text('en', running)).toBe(
      'Downloading your portfolio… 12,345 / 48,000 items (25%) — about 40 seconds left',
    );
    expect(text('fr', { ...running, secondsLeft: 1 })).toMatch(/environ 1 s restante$/);
    expect(text('fr', { ...running, secondsLeft: 300 })).toMatch(/environ 5 min restantes$/);
  });

  it('without a total (an older head office), counts what arrived', () => {
    expect(text('fr', { ...running, total: null, percent: null, secondsLeft: null })).toBe(
      'Téléchargement de votre portefeuille… 12 345 éléments reçus (3 pages)',
    );
  });
});
