import { createColumnHelper } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor, navigate } from '../../app/router.js';
import type { CustomerRow } from '../../db/schema.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { DownloadProgressText, useDownload, useSyncStatus } from '../sync/index.js';
import { DataTable, gridLinkProps, type DataTableHandle } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { filterCustomers, indexCustomers } from './filter.js';
import { useCustomers } from './queries.js';

const ROW_HEIGHT = 34;
const column = createColumnHelper<CustomerRow>();
const WIDTHS = ['34%', '22%', '12%', '14%', '18%'];
const open = (row: CustomerRow) => navigate({ name: 'customer', id: row.id });

/** The portfolio: every local customer, virtualised, sortable, filterable, keyboard-driven. */
export function CustomerList() {
  const { db, engine } = useApp();
  const customers = useCustomers(db);
  const download = useDownload(engine);
  const syncStatus = useSyncStatus(engine);
  // Nothing local yet and the first pull under way: say so rather than "no customers".
  const firstDownload =
    download !== null || (syncStatus.state === 'syncing' && syncStatus.lastSyncAt === null);
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<DataTableHandle>(null);

  const collator = useMemo(
    () => new Intl.Collator(intl.locale, { sensitivity: 'base', numeric: true }),
    [intl.locale],
  );
  const index = useMemo(() => indexCustomers(customers ?? []), [customers]);
  const data = useMemo(() => filterCustomers(index, deferredQuery), [index, deferredQuery]);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: () => <Msg id="customers.col.name" />,
        cell: (info) => (
          <a href={hrefFor({ name: 'customer', id: info.row.original.id })} {...gridLinkProps(info)}>
            {info.row.original.name}
          </a>
        ),
        sortingFn: (a, b) => collator.compare(a.original.name, b.original.name),
        meta: { className: 'cell--name' },
      }),
      column.accessor('city', {
        header: () => <Msg id="customers.col.city" />,
        sortingFn: (a, b) => collator.compare(a.original.city, b.original.city),
      }),
      column.accessor('postcode', {
        header: () => <Msg id="customers.col.postcode" />,
        sortingFn: 'alphanumeric',
        meta: { className: 'tabular' },
      }),
      column.accessor('status', {
        header: () => <Msg id="customers.col.status" />,
        cell: (info) => (
          <span className={`status status--${info.getValue()}`}>
            <Msg id={`status.${info.getValue()}`} />
          </span>
        ),
        sortingFn: (a, b) => collator.compare(a.original.status, b.original.status),
      }),
      column.accessor('phone', {
        header: () => <Msg id="customers.col.phone" />,
        sortingFn: 'alphanumeric',
        meta: { className: 'tabular' },
      }),
    ],
    [collator],
  );

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && data.length > 0)) {
      event.preventDefault();
      if (event.key === 'Enter') tableRef.current?.openActive();
      else tableRef.current?.focusRow();
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  }

  const total = customers?.length ?? 0;

  return (
    <section className="page page--list" aria-labelledby="customers-title">
      <PageHeader titleId="customers-title" title={<Msg id="customers.title" />}>
        {download && total > 0 ? (
          <span className="page__download badge badge--info">
            <DownloadProgressText download={download} />
          </span>
        ) : null}
        <span className="page__count muted tabular">
          {deferredQuery.trim() ? (
            <Msg id="customers.filtered" values={{ shown: data.length, total }} />
          ) : (
            <Msg id="customers.count" values={{ count: total }} />
          )}
        </span>
        <div className="page__tools">
          <Text as="label" htmlFor="customer-filter" className="visually-hidden" msg="customers.filter" />
          <input
            ref={filterRef}
            id="customer-filter"
            type="search"
            className="input input--search"
            value={query}
            placeholder={intl.formatMessage({ id: 'customers.filterPlaceholder' })}
            onChange={(e) => {
              setQuery(e.target.value);
              tableRef.current?.reset();
            }}
            onKeyDown={onFilterKeyDown}
            autoComplete="off"
            spellCheck={false}
          />
          <Text as="span" className="hint muted" id="customers-hint" msg="customers.keyboardHint" />
        </div>
      </PageHeader>

      {customers === undefined ? (
        <SkeletonRows label={intl.formatMessage({ id: 'customers.loading' })} />
      ) : total === 0 && firstDownload ? (
        <EmptyState title={<Msg id="download.emptyTitle" />}>
          <p role="status">
            {download ? <DownloadProgressText download={download} /> : <Msg id="download.starting" />}
          </p>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title={<Msg id="customers.emptyTitle" />}>
          <Text as="p" msg="customers.emptyBody" />
        </EmptyState>
      ) : (
        <DataTable
          data={data}
          columns={columns}
          getRowId={(row) => row.id}
          label={intl.formatMessage({ id: 'customers.tableLabel' })}
          initialSorting={[{ id: 'name', desc: false }]}
          widths={WIDTHS}
          virtualRowHeight={ROW_HEIGHT}
          grid={{ onOpen: open, onExitTop: () => filterRef.current?.focus(), describedBy: 'customers-hint' }}
          handleRef={tableRef}
          testId="customer-table-scroll"
        >
          {data.length === 0 ? (
            <EmptyState title={<Msg id="customers.noMatch" values={{ query: deferredQuery.trim() }} />}>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setQuery('');
                  filterRef.current?.focus();
                }}
              >
                <Msg id="customers.clearFilter" />
              </button>
            </EmptyState>
          ) : null}
        </DataTable>
      )}
    </section>
  );
}
