/**
 * Adding a product: by name, reference or family (every word typed starts a word of one of
 * them, the customer search's ranking), or by browsing a family. Each product shows its price
 * for this customer with its quantity breaks; a withdrawn one shows but cannot be added.
 */
import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { PriceBreak } from '../../../../shared/domain/catalog/catalog.js';
import type { ProductRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import { FilterSelect } from '../../../ui/FilterSelect.js';
import { searchByWordPrefix } from '../../search/index.js';
import { useMoney } from '../format.js';

/** Results shown for a search (a family browsed shows all its products). */
const SEARCH_LIMIT = 12;

export function rankProducts(
  products: readonly ProductRow[],
  query: string,
  limit = SEARCH_LIMIT,
): ProductRow[] {
  return searchByWordPrefix(products, (p) => [p.name, p.reference, p.family], query, limit).map(
    (h) => h.item,
  );
}

export function ProductSearch({
  products,
  breaksOf,
  onAdd,
}: {
  products: readonly ProductRow[];
  /** The product's quantity breaks for this customer today; null when it has no price. */
  breaksOf: (productId: string) => readonly PriceBreak[] | null;
  onAdd: (product: ProductRow) => void;
}) {
  const intl = useIntl();
  const id = useId();
  const [search, setSearch] = useState('');
  const [family, setFamily] = useState('');
  // Active first, then by name: the order within a rank, and a family's listing.
  const sorted = useMemo(
    () =>
      [...products].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'fr')),
    [products],
  );
  const families = useMemo(
    () => [...new Set(products.map((p) => p.family))].sort((a, b) => a.localeCompare(b, 'fr')),
    [products],
  );
  const inFamily = useMemo(
    () => (family === '' ? sorted : sorted.filter((p) => p.family === family)),
    [sorted, family],
  );
  const searching = search.trim() !== '';
  const matches = useMemo(
    () => (searching ? rankProducts(inFamily, search) : family !== '' ? inFamily : []),
    [searching, inFamily, search, family],
  );

  return (
    <div className="order-search no-print">
      <div className="order-search__fields">
        <div className="field">
          <Text as="label" htmlFor={id} className="field__label" msg="orders.search.label" />
          <input
            id={id}
            type="search"
            className="input input--search"
            placeholder={intl.formatMessage({ id: 'orders.search.placeholder' })}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
        </div>
        <FilterSelect
          id={`${id}-family`}
          label={<Msg id="orders.search.family" />}
          value={family}
          onChange={setFamily}
          options={[
            { value: '', label: intl.formatMessage({ id: 'orders.search.allFamilies' }) },
            ...families.map((f) => ({ value: f, label: f })),
          ]}
        />
      </div>
      {searching || family !== '' ? (
        matches.length === 0 ? (
          <Text as="p" className="muted" msg="orders.search.none" />
        ) : (
          <ul
            className="order-search__results plain-list"
            aria-label={intl.formatMessage({ id: 'orders.search.results' })}
          >
            {matches.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="order-search__result"
                  disabled={!p.active}
                  onClick={() => {
                    onAdd(p);
                    setSearch('');
                  }}
                >
                  <span className="order-search__name">
                    <span className="order-line__ref">{p.reference}</span> {p.name}{' '}
                    <span className="muted">{p.unit}</span>
                    {!p.active ? (
                      <>
                        {' '}
                        <Badge tone="danger">
                          <Msg id="orders.search.withdrawn" />
                        </Badge>
                      </>
                    ) : null}
                  </span>
                  {p.active ? <PriceWithBreaks breaks={breaksOf(p.id)} /> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/** « 1,90 € HT · dès 6 : 1,80 € · dès 24 : 1,70 € ». */
export function PriceWithBreaks({ breaks }: { breaks: readonly PriceBreak[] | null }) {
  const money = useMoney();
  if (breaks === null || breaks.length === 0)
    return <Text as="span" className="order-search__price muted" msg="orders.search.noPrice" />;
  const [first, ...more] = breaks;
  return (
    <span className="order-search__price">
      <Msg id="orders.search.price" values={{ price: money(first!.unitPriceCents) }} />
      {more.map((b) => (
        <span key={b.minQuantity} className="order-search__break">
          {' · '}
          <Msg
            id="orders.search.break"
            values={{ quantity: b.minQuantity, price: money(b.unitPriceCents) }}
          />
        </span>
      ))}
    </span>
  );
}
