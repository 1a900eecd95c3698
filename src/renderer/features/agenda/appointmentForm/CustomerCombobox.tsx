/** The customer of a new appointment: a searchable combobox over the local portfolio. */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import { Text } from '../../../i18n/Msg.js';
import type { CustomFieldProps } from '../../../ui/form/index.js';
import { searchCustomers } from '../../search/index.js';
import { customersNamed, useCustomer, useCustomerSearchIndex } from './queries.js';

/** A searchable combobox over the local portfolio (accent-insensitive, by name, town, postcode…). */
export function CustomerCombobox({ id, value, onChange, error, invalid }: CustomFieldProps<string>) {
  const intl = useIntl();
  const { db } = useApp();
  const index = useCustomerSearchIndex();
  const selected = useCustomer(value);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The rep moved through the list with the arrows: Enter takes that option, not the exact name.
  const [moved, setMoved] = useState(false);
  const results = useMemo(
    () => (index && query.trim() !== '' ? searchCustomers(index, query, 20) : []),
    [index, query],
  );
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const shown = open && query.trim() !== '';
  const choose = (customerId: string, name: string) => {
    onChange(customerId);
    setQuery(name);
    setOpen(false);
  };
  /**
   * Enter on typed text: the customer whose name is exactly that (case and accents aside), even
   * before the list has appeared (its index may still be loading); else the highlighted option;
   * else the list opens.
   */
  const enter = async (typed: string) => {
    const hit = shown ? results[activeIndex] : undefined;
    if (hit && moved) return choose(hit.customerId, hit.name);
    const exact = await customersNamed(db, typed);
    const [only] = exact;
    if (exact.length === 1 && only) choose(only.id, only.name);
    else if (hit) choose(hit.customerId, hit.name);
    else setOpen(true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setMoved(true);
      setActive(Math.min(results.length - 1, activeIndex + 1));
    } else if (e.key === 'ArrowUp') {
      setMoved(true);
      setActive(Math.max(0, activeIndex - 1));
    } else if (e.key === 'Enter' && !value && query.trim() !== '') {
      void enter(query);
    } else if (e.key === 'Escape' && shown) {
      setOpen(false);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  const displayed = open || !selected ? query : selected.name;
  return (
    <div className="field field--wide agenda-combobox">
      <Text as="label" htmlFor={id} className="field__label" msg="agenda.field.customer" />
      <Text as="p" id={`${id}-hint`} className="field__hint muted" msg="agenda.field.customerHint" />
      {error}
      <input
        className="input"
        role="combobox"
        aria-expanded={shown && results.length > 0}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={shown && results.length > 0 ? `${id}-option-${activeIndex}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a new appointment starts with its customer
        autoFocus
        value={displayed}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          setMoved(false);
          if (value) onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        {...invalid}
        aria-describedby={[`${id}-hint`, invalid['aria-describedby']].filter(Boolean).join(' ')}
      />
      <ul
        id={`${id}-listbox`}
        role="listbox"
        className="agenda-combobox__list"
        aria-label={intl.formatMessage({ id: 'agenda.field.customer' })}
        hidden={!shown}
      >
        {results.map((r, i) => (
          // Chosen with the keyboard from the input (aria-activedescendant) or the mouse.
          <li
            key={r.customerId}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className="agenda-combobox__option"
            onMouseDown={(e) => {
              e.preventDefault();
              choose(r.customerId, r.name);
            }}
          >
            <span>{r.name}</span> <span className="muted">{r.city}</span>
          </li>
        ))}
        {shown && index && results.length === 0 ? (
          <Text
            as="li"
            role="option"
            aria-selected={false}
            aria-disabled
            className="agenda-combobox__option muted"
            msg="agenda.customer.noResult"
          />
        ) : null}
      </ul>
    </div>
  );
}
