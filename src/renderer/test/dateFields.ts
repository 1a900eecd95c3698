/**
 * Drives the app's date and time fields (React Aria segments) as a keyboard does: focus the
 * field, then type its digits in the order the locale shows them (`01092026` for 1 September
 * 2026 in French, `09012026` in en-US; `0930` for 09:30).
 */
import { act, fireEvent } from '@testing-library/react';

export function typeInField(group: HTMLElement, text: string): void {
  act(() => group.focus());
  for (const data of text) {
    const target = document.activeElement;
    if (!target || !group.contains(target)) throw new Error('the field lost the focus while typing');
    fireEvent(
      target,
      new InputEvent('beforeinput', { data, inputType: 'insertText', bubbles: true, cancelable: true }),
    );
  }
}

/** Whether the field is marked invalid (its segments carry `aria-invalid`). */
export function isInvalidField(group: HTMLElement): boolean {
  return group.querySelector('[role="spinbutton"][aria-invalid="true"]') !== null;
}
