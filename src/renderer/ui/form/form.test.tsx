import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.js';
import { ErrorSummary } from './ErrorSummary.js';
import { Field, controlProps } from './Field.js';
import { FormActions } from './FormActions.js';

afterEach(cleanup);

describe('Field', () => {
  it('ties the control to its label, hint and error', () => {
    render(
      <I18nProvider locale="fr">
        <Field id="f-name" label="Nom" hint="Comme sur le Kbis" error="Renseignez le nom">
          {(control) => <input className="input" {...control} />}
        </Field>
      </I18nProvider>,
    );
    const input = screen.getByLabelText('Nom');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('f-name-hint f-name-error');
    expect(document.getElementById('f-name-error')?.textContent).toMatch(/Renseignez le nom$/);
    expect(document.getElementById('f-name-hint')?.textContent).toBe('Comme sur le Kbis');
  });

  it('says nothing when the field is valid', () => {
    expect(controlProps('x', {})).toEqual({
      id: 'x',
      'aria-invalid': undefined,
      'aria-describedby': undefined,
    });
  });
});

describe('ErrorSummary', () => {
  it('lists the problems as links that focus their field, and takes the focus on submit', () => {
    const { rerender } = render(
      <I18nProvider locale="fr">
        <input id="f-a" aria-label="A" />
        <ErrorSummary
          id="f"
          problems={[{ target: 'f-a', message: 'Renseignez A' }, { message: 'Pas de place' }]}
          focusKey={1}
        />
      </I18nProvider>,
    );
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByText('Pas de place').tagName).toBe('LI');
    fireEvent.click(screen.getByRole('link', { name: 'Renseignez A' }));
    expect(document.activeElement).toBe(screen.getByLabelText('A'));
    rerender(
      <I18nProvider locale="fr">
        <input id="f-a" aria-label="A" />
        <ErrorSummary id="f" problems={[]} focusKey={2} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('FormActions', () => {
  it('disables the submit button while saving and says so', () => {
    render(
      <FormActions
        error="Le disque est plein"
        submit={{ label: 'Enregistrer', saving: true, savingLabel: 'Enregistrement…' }}
        cancel={{ label: 'Annuler', onCancel: () => {} }}
      />,
    );
    const button = screen.getByRole('button', { name: 'Enregistrement…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Le disque est plein');
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeTruthy();
  });
});
