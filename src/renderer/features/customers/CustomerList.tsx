import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor, navigate } from '../../app/router.js';
import type { CustomerRow } from '../../db/schema.js';
import { Msg } from '../../i18n/Msg.js';
import { DownloadProgressText, useDownload, useSyncStatus } from '../sync/index.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { filterCustomers, indexCustomers } from './filter.js';
import { useCustomers } from './queries.js';

const ROW_HEIGHT = 34;
const column = createColumnHelper<CustomerRow>();

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
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [activeIndex, setActiveIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const focusRowRef = useRef(false);

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
        sortingFn: (a, b) => collator.compare(a.original.name, b.original.name),
      }),
      column.accessor('city', {
        header: () => <Msg id="customers.col.city" />,
        sortingFn: (a, b) => collator.compare(a.original.city, b.original.city),
      }),
      column.accessor('postcode', {
        header: () => <Msg id="customers.col.postcode" />,
        sortingFn: 'alphanumeric',
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
        enableSorting: true,
      }),
    ],
    [collator],
  );

  // TanStack Table returns fresh functions by design; the React Compiler skips this hook.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.id,
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });

  // Keep the active row inside the list when filtering shrinks it.
  useEffect(() => {
    if (activeIndex >= rows.length && rows.length > 0) setActiveIndex(rows.length - 1);
  }, [rows.length, activeIndex]);

  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!focusRowRef.current) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${activeIndex}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      focusRowRef.current = false;
    }
  }, [activeIndex, items]);

  function moveTo(next: number) {
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, next));
    setActiveIndex(clamped);
    focusRowRef.current = true;
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  }

  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
      case 'J':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
      case 'k':
      case 'K':
        if (activeIndex === 0 && event.key === 'ArrowUp') {
          filterRef.current?.focus();
          break;
        }
        moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + pageSize);
        break;
      case 'PageUp':
        moveTo(activeIndex - pageSize);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter': {
        const row = rows[activeIndex];
        if (row) navigate({ name: 'customer', id: row.original.id });
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && rows.length > 0)) {
      event.preventDefault();
      if (event.key === 'Enter') {
        const row = rows[activeIndex] ?? rows[0];
        if (row) navigate({ name: 'customer', id: row.original.id });
        return;
      }
      moveTo(activeIndex);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  }

  const total = customers?.length ?? 0;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <section className="page page--list" aria-labelledby="customers-title">
      <header className="page__header">
        <h1 id="customers-title" className="page__title">
          <Msg id="customers.title" />
        </h1>
        {download && total > 0 ? (
          <span className="page__download badge badge--info">
            <DownloadProgressText download={download} />
          </span>
        ) : null}
        <span className="page__count muted tabular">
          {deferredQuery.trim() ? (
            <Msg id="customers.filtered" values={{ shown: rows.length, total }} />
          ) : (
            <Msg id="customers.count" values={{ count: total }} />
          )}
        </span>
        <div className="page__tools">
          <label htmlFor="customer-filter" className="visually-hidden">
            <Msg id="customers.filter" />
          </label>
          <input
            ref={filterRef}
            id="customer-filter"
            type="search"
            className="input input--search"
            value={query}
            placeholder={intl.formatMessage({ id: 'customers.filterPlaceholder' })}
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveIndex(0);
            }}
            onKeyDown={onFilterKeyDown}
            autoComplete="off"
            spellCheck={false}
          />
          <span className="hint muted" id="customers-hint">
            <Msg id="customers.keyboardHint" />
          </span>
        </div>
      </header>

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
          <p>
            <Msg id="customers.emptyBody" />
          </p>
        </EmptyState>
      ) : (
        // Arrow keys / J K bubble up from the focused row link; the container itself is not a control.
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions
        <div
          ref={scrollRef}
          className="table-scroll"
          onKeyDown={onGridKeyDown}
          data-testid="customer-table-scroll"
        >
          <table
            className="table"
            role="grid"
            aria-readonly="true"
            aria-label={intl.formatMessage({ id: 'customers.tableLabel' })}
            aria-rowcount={rows.length + 1}
            aria-describedby="customers-hint"
          >
            <colgroup>
              <col style={{ width: '34%' }} />
              <col style={{ width: '22%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '14%' }} />
              <col style={{ width: '18%' }} />
            </colgroup>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={1}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      >
                        <button
                          type="button"
                          className="th-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="sort-icon" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {paddingTop > 0 ? (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={5} style={{ height: paddingTop }} />
                </tr>
              ) : null}
              {items.map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                const active = item.index === activeIndex;
                return (
                  <tr
                    key={row.id}
                    data-index={item.index}
                    aria-rowindex={item.index + 2}
                    data-active={active || undefined}
                    className="table__row"
                    onClick={(e) => {
                      setActiveIndex(item.index);
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate({ name: 'customer', id: row.original.id });
                    }}
                  >
                    {row.getVisibleCells().map((cell) =>
                      cell.column.id === 'name' ? (
                        <td key={cell.id} className="cell--name">
                          <a
                            href={hrefFor({ name: 'customer', id: row.original.id })}
                            tabIndex={active ? 0 : -1}
                            onFocus={() => setActiveIndex(item.index)}
                          >
                            {row.original.name}
                          </a>
                        </td>
                      ) : (
                        <td
                          key={cell.id}
                          className={
                            cell.column.id === 'postcode' || cell.column.id === 'phone'
                              ? 'tabular'
                              : undefined
                          }
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ),
                    )}
                  </tr>
                );
              })}
              {paddingBottom > 0 ? (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={5} style={{ height: paddingBottom }} />
                </tr>
              ) : null}
            </tbody>
          </table>
          {rows.length === 0 ? (
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
        </div>
      )}
    </section>
  );
}
