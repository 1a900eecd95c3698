/** Adding a product by reference or name (active first); a withdrawn one shows but cannot be added. */
import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ProductRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import { normalizeForSearch } from '../../../ui/normalize.js';

export function ProductSearch({
  products,
  onAdd,
}: {
  products: readonly ProductRow[];
  onAdd: (product: ProductRow) => void;
}) {
  const intl = useIntl();
  const id = useId();
  const [search, setSearch] = useState('');
  const matches = useMemo(() => {
    const q = normalizeForSearch(search);
    if (q === '') return [];
    return products
      .filter((p) => normalizeForSearch(`${p.reference} ${p.name}`).includes(q))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.reference.localeCompare(b.reference))
      .slice(0, 8);
  }, [search, products]);

  return (
    <div className="field order-search no-print">
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
      {search.trim() !== '' ? (
        matches.length === 0 ? (
          <Text as="p" className="muted" msg="orders.search.none" />
        ) : (
          <ul className="order-search__results plain-list">
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
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
