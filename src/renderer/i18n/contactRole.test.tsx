import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/domain/user/user.js';
import { ContactRoleText } from './contactRole.js';
import { I18nProvider } from './I18nProvider.js';

function shown(locale: Locale, stored: string): string {
  render(
    <I18nProvider locale={locale}>
      <span data-testid="role">
        <ContactRoleText stored={stored} />
      </span>
    </I18nProvider>,
  );
  const text = screen.getByTestId('role').textContent ?? '';
  screen.getByTestId('role').remove();
  return text;
}

describe('contact roles', () => {
  it('shows the roles the app knows in the user’s language, keeping the gender in French', () => {
    expect(shown('en', 'Gérante')).toBe('Manager');
    expect(shown('en', 'Directrice d’hôtel')).toBe('Hotel manager');
    expect(shown('en', 'Responsable des achats')).toBe('Purchasing manager');
    expect(shown('en', 'chef de cuisine')).toBe('Head chef');
    expect(shown('fr', 'Gérante')).toBe('Gérante');
    expect(shown('fr', 'Directeur d’hôtel')).toBe('Directeur d’hôtel');
  });

  it('shows a role typed by hand as it was typed', () => {
    expect(shown('en', 'Associé fondateur')).toBe('Associé fondateur');
  });
});
