import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.js';
import type { EnglishFormat } from '../../i18n/formatLocale.js';
import { DatePicker, TimeInput } from './DateFields.js';
import { Field } from './Field.js';

afterEach(cleanup);

// jsdom has no CSS.escape, which React Aria's popover uses (to read a CSP nonce).
beforeAll(() => {
  if (typeof globalThis.CSS?.escape !== 'function') {
    vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/["\\]/g, '\\$&') });
  }
});

/** Types into the focused segment as a keyboard does (React Aria listens to `beforeinput`). */
function type(text: string) {
  for (const data of text) {
    const target = document.activeElement;
    if (!target) throw new Error('nothing focused');
    fireEvent(
      target,
      new InputEvent('beforeinput', { data, inputType: 'insertText', bubbles: true, cancelable: true }),
    );
  }
}

function Probe({ day: initialDay = '', time: initialTime = '' }: { day?: string; time?: string }) {
  const [day, setDay] = useState(initialDay);
  const [time, setTime] = useState(initialTime);
  return (
    <>
      <Field id="day" label="Jour">
        {(control) => <DatePicker control={control} value={day} onChange={setDay} />}
      </Field>
      <Field id="time" label="Heure" error={time === '' ? 'Saisissez une heure' : null}>
        {(control) => <TimeInput control={control} value={time} onChange={setTime} />}
      </Field>
      <output data-testid="value">{`${day}|${time}`}</output>
    </>
  );
}

function renderIn(
  locale: 'fr' | 'en',
  englishFormat: EnglishFormat | undefined,
  props: Parameters<typeof Probe>[0],
) {
  return render(
    <I18nProvider locale={locale} englishFormat={englishFormat}>
      <Probe {...props} />
    </I18nProvider>,
  );
}

/** What the field shows, segment by segment (placeholders and separators included). */
const shown = (groupId: string) =>
  (document.getElementById(groupId)?.textContent ?? '').replace(/[\u2066-\u2069\u200e\u200f]/g, '');
const segmentTypes = (groupId: string) =>
  within(document.getElementById(groupId)!)
    .getAllByRole('spinbutton')
    .map((s) => s.getAttribute('data-type'));
const value = () => screen.getByTestId('value').textContent;

describe('date and time fields follow the app’s formatting locale', () => {
  it('French: jj/mm/aaaa and a 24-hour clock', () => {
    renderIn('fr', undefined, { day: '2026-12-03', time: '08:05' });
    expect(shown('day')).toBe('03/12/2026');
    expect(shown('time')).toBe('08:05');
    expect(segmentTypes('time')).toEqual(['hour', 'minute']);
  });

  it('English (United Kingdom, the default): dd/mm/yyyy and a 24-hour clock', () => {
    renderIn('en', undefined, { day: '2026-12-03', time: '14:30' });
    expect(shown('day')).toBe('03/12/2026');
    expect(shown('time')).toBe('14:30');
    expect(segmentTypes('time')).toEqual(['hour', 'minute']);
  });

  it('English (United States): mm/dd/yyyy and AM/PM', () => {
    renderIn('en', 'en-US', { day: '2026-12-03', time: '14:30' });
    expect(shown('day')).toBe('12/03/2026');
    expect(segmentTypes('day')).toEqual(['month', 'day', 'year']);
    expect(shown('time')).toMatch(/^2:30\s?PM$/);
    expect(segmentTypes('time')).toEqual(['hour', 'minute', 'dayPeriod']);
  });

  it('empty fields show the locale’s placeholders', () => {
    renderIn('fr', undefined, {});
    expect(shown('day')).toBe('jj/mm/aaaa');
    cleanup();
    renderIn('en', 'en-US', {});
    expect(shown('day')).toBe('mm/dd/yyyy');
    expect(shown('time')).toMatch(/^––:––\s?AM$/);
  });
});

describe('what reaches the form is the same ISO string in every locale', () => {
  const cases: { locale: 'fr' | 'en'; format?: EnglishFormat; day: string; time: string }[] = [
    { locale: 'fr', day: '05032027', time: '0930' },
    { locale: 'en', format: 'en-GB', day: '05032027', time: '0930' },
    { locale: 'en', format: 'en-US', day: '03052027', time: '0930a' },
  ];
  for (const c of cases) {
    it(`${c.format ?? c.locale}: typed digits give 2027-03-05 and 09:30`, () => {
      renderIn(c.locale, c.format, {});
      act(() => document.getElementById('day')!.focus());
      type(c.day);
      act(() => document.getElementById('time')!.focus());
      type(c.time);
      expect(value()).toBe('2027-03-05|09:30');
    });
  }
});

describe('a date field in a form', () => {
  it('is named by its label, described by its error, focused through its id and by its label', () => {
    renderIn('fr', undefined, { day: '2026-12-03' });
    const group = screen.getByRole('group', { name: 'Heure' });
    expect(group.getAttribute('aria-describedby')).toContain('time-error');
    const hour = within(group).getAllByRole('spinbutton')[0]!;
    expect(hour.getAttribute('aria-invalid')).toBe('true');
    act(() => group.focus());
    expect(document.activeElement).toBe(hour);
    act(() => hour.blur());
    fireEvent.click(screen.getByText('Jour'));
    expect(document.activeElement).toBe(
      within(screen.getByRole('group', { name: 'Jour' })).getAllByRole('spinbutton')[0],
    );
    expect(screen.getByRole('button', { name: /Choisir dans le calendrier/ })).toBeTruthy();
  });

  it('the calendar picks a day, written back as YYYY-MM-DD', async () => {
    renderIn('fr', undefined, { day: '2026-12-03', time: '09:00' });
    fireEvent.click(screen.getByRole('button', { name: /Choisir dans le calendrier/ }));
    const grid = await screen.findByRole('grid');
    expect(screen.getByRole('dialog').textContent).toContain('décembre 2026');
    fireEvent.click(within(grid).getByRole('button', { name: /17 décembre 2026/ }));
    expect(value()).toBe('2026-12-17|09:00');
  });
});
