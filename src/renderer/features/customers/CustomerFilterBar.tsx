/**
 * The customer list's filters (segment, status, last order, next visit, town) as React Aria
 * selects and a town combo box, and the active ones as chips that clear one filter each.
 */
import type { ReactNode } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  type Key,
} from 'react-aria-components';
import { useIntl } from 'react-intl';
import { customerStatuses } from '../../../shared/domain/customer/customer.js';
import { rfmSegments } from '../../../shared/domain/rfm/rfm.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import { normalizeForSearch } from '../../ui/normalize.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import {
  activeFilters,
  lastOrderBands,
  nextVisitOptions,
  noFilters,
  type CustomerFilters,
  type FilterName,
} from './filter.js';

const ALL = '*';

interface Option {
  id: string;
  label: string;
  content?: ReactNode;
}

function FilterPicker({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: FilterName;
  label: string;
  value: string | null;
  options: readonly Option[];
  onChange: (value: string | null) => void;
}) {
  const intl = useIntl();
  const all: Option = { id: ALL, label: intl.formatMessage({ id: 'customers.filter.all' }) };
  return (
    <Select
      className={`field customer-filters__field customer-filters__field--${name}`}
      value={value ?? ALL}
      onChange={(key: Key | null) => onChange(key === null || key === ALL ? null : String(key))}
    >
      <Label className="field__label">{label}</Label>
      <Button className="input select__button" data-active={value !== null || undefined}>
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      <Popover className="popover" placement="bottom start">
        <ListBox className="listbox" items={[all, ...options]}>
          {(o) => (
            <ListBoxItem id={o.id} textValue={o.label} className="listbox__item">
              {o.content ?? o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

function TownPicker({
  value,
  towns,
  onChange,
}: {
  value: string | null;
  towns: readonly string[];
  onChange: (value: string | null) => void;
}) {
  const intl = useIntl();
  return (
    <ComboBox
      className="field customer-filters__field customer-filters__field--town"
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      defaultFilter={(text, input) => normalizeForSearch(text).includes(normalizeForSearch(input))}
      items={towns.map((t) => ({ id: t }))}
    >
      <Label className="field__label">
        <Msg id="customers.filter.town" />
      </Label>
      <div className="combobox">
        <Input
          className="input"
          placeholder={intl.formatMessage({ id: 'customers.filter.townPlaceholder' })}
        />
        <Button
          className="combobox__button"
          aria-label={intl.formatMessage({ id: 'customers.filter.townList' })}
        >
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Popover className="popover" placement="bottom start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox__empty muted">
              <Msg id="customers.filter.noTown" />
            </p>
          )}
        >
          {(t: { id: string }) => (
            <ListBoxItem id={t.id} textValue={t.id} className="listbox__item">
              {t.id}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

const filterLabel: Record<FilterName, MessageKey> = {
  segment: 'customers.filter.segment',
  status: 'customers.filter.status',
  lastOrder: 'customers.filter.lastOrder',
  nextVisit: 'customers.filter.nextVisit',
  town: 'customers.filter.town',
};

/** The label of a filter's value, as the select shows it. */
function valueLabel(intl: ReturnType<typeof useIntl>, name: FilterName, value: string): string {
  switch (name) {
    case 'segment':
      return intl.formatMessage({ id: value === 'none' ? 'customers.filter.noSegment' : `segment.${value}` });
    case 'status':
      return intl.formatMessage({ id: `status.${value}` });
    case 'lastOrder':
      return intl.formatMessage({ id: `customers.lastOrder.${value}` });
    case 'nextVisit':
      return intl.formatMessage({ id: `customers.nextVisit.${value}` });
    case 'town':
      return value;
  }
}

export function CustomerFilterBar({
  filters,
  towns,
  onChange,
}: {
  filters: CustomerFilters;
  towns: readonly string[];
  onChange: (filters: CustomerFilters) => void;
}) {
  const intl = useIntl();
  const set = (name: FilterName) => (value: string | null) =>
    onChange({ ...filters, [name]: value } as CustomerFilters);
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const active = activeFilters(filters);
  return (
    <div className="customer-filters">
      <div className="customer-filters__fields" role="group" aria-label={t('customers.filters')}>
        <FilterPicker
          name="segment"
          label={t('customers.filter.segment')}
          value={filters.segment}
          onChange={set('segment')}
          options={[
            ...rfmSegments.map((s) => {
              const label = t(`segment.${s}`);
              return { id: s, label, content: <SegmentBadge segment={s}>{label}</SegmentBadge> };
            }),
            { id: 'none', label: t('customers.filter.noSegment') },
          ]}
        />
        <FilterPicker
          name="status"
          label={t('customers.filter.status')}
          value={filters.status}
          onChange={set('status')}
          options={customerStatuses.map((s) => ({ id: s, label: t(`status.${s}`) }))}
        />
        <FilterPicker
          name="lastOrder"
          label={t('customers.filter.lastOrder')}
          value={filters.lastOrder}
          onChange={set('lastOrder')}
          options={lastOrderBands.map((b) => ({ id: b, label: t(`customers.lastOrder.${b}`) }))}
        />
        <FilterPicker
          name="nextVisit"
          label={t('customers.filter.nextVisit')}
          value={filters.nextVisit}
          onChange={set('nextVisit')}
          options={nextVisitOptions.map((v) => ({ id: v, label: t(`customers.nextVisit.${v}`) }))}
        />
        <TownPicker value={filters.town} towns={towns} onChange={set('town')} />
      </div>
      {active.length > 0 ? (
        <div className="customer-filters__active">
          <ul className="chips" aria-label={t('customers.filtersActive')}>
            {active.map((name) => {
              const value = filters[name] ?? '';
              const text = intl.formatMessage(
                { id: 'customers.chip' },
                { filter: t(filterLabel[name]), value: valueLabel(intl, name, value) },
              );
              return (
                <li key={name} className="chip">
                  {text}
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={intl.formatMessage({ id: 'customers.chipRemove' }, { filter: text })}
                    onClick={() => set(name)(null)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          {active.length > 1 ? (
            <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(noFilters)}>
              <Msg id="customers.clearFilters" />
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
