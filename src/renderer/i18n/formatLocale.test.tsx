import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useFormat } from './format.js';
import { I18nProvider } from './I18nProvider.js';
import { defaultEnglishFormat, rememberEnglishFormat } from './formatLocale.js';

afterEach(() => {
  cleanup();
  rememberEnglishFormat(defaultEnglishFormat);
  localStorage.clear();
});

function Sample() {
  const format = useFormat();
  // 08:05 UTC is 09:05 in Paris (the provider's default time zone).
  return (
    <output data-testid="sample">{`${format.day('2026-12-03')} · ${format.clock(Date.UTC(2026, 11, 3, 8, 5))}`}</output>
  );
}

const sample = () => screen.getByTestId('sample').textContent?.replace(/\u202f/g, ' ');

describe('the formatting locale', () => {
  it('French writes French dates and a 24-hour clock', () => {
    render(
      <I18nProvider locale="fr">
        <Sample />
      </I18nProvider>,
    );
    expect(sample()).toBe('3 déc. 2026 · 09:05');
  });

  it('English is en-GB by default (3 Dec, 24-hour); en-US once chosen on this laptop', () => {
    render(
      <I18nProvider locale="en">
        <Sample />
      </I18nProvider>,
    );
    expect(sample()).toBe('3 Dec 2026 · 09:05');
    act(() => rememberEnglishFormat('en-US'));
    expect(sample()).toBe('Dec 3, 2026 · 9:05 AM');
    expect(localStorage.getItem('tournee.englishFormat')).toBe('en-US');
  });

  it('the English format changes nothing in French', () => {
    rememberEnglishFormat('en-US');
    render(
      <I18nProvider locale="fr">
        <Sample />
      </I18nProvider>,
    );
    expect(sample()).toBe('3 déc. 2026 · 09:05');
  });
});
