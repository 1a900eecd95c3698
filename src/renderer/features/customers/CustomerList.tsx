import { createColumnHelper } from '@tanstack/react-table';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useIntl } from 'react-intl';
import { daysRange, dayRange, mondayOf, todayIn } from '../../../shared/lib/calendar.js';
import { segmentRank, type RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { useApp } from '../../app/context.js';
import { hrefFor, navigate } from '../../app/router.js';
import type { CustomerRow } from '../../db/schema.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { DownloadProgressText, useDownload, useSyncStatus } from '../sync/index.js';
import { DataTable, gridLinkProps, type DataTableHandle } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { CustomerFilterBar } from './CustomerFilterBar.js';
import { activeFilters, applyCustomerFilters, indexCustomers, noFilters, townsOf } from './filter.js';
import { recallCustomerList, rememberCustomerList } from './listMemory.js';
import { useCustomers, useNextVisits } from './queries.js';
import { usePortfolioRfm } from './rfmCache.js';

const ROW_HEIGHT = 34;
const column = createColumnHelper<CustomerRow>();
const WIDTHS = ['22%', '15%', '8%', '10%', '17%', '13%', '15%'];
const open = (row: CustomerRow) => navigate({ name: 'customer', id: row.id });

/** Healthier segments rank higher; no segment (never ordered) lowest. */
const rankOf = (segment: RfmSegment | null) => (segment === null ? 0 : segmentRank[segment]);

function isTextEntry(element: Element | null): boolean {
  return (
    element instanceof HTMLElement &&
    (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName))
  );
}

/**
 * The portfolio: every local customer, virtualised, sortable, filterable, keyboard-driven.
 * Arriving on it puts the focus on a row (the one focused last time, else the first) so that
 * ↑ ↓ J K work at once, unless the rep left it typing in the search (or is typing there now).
 */
export function CustomerList() {
  const { db, engine, user } = useApp();
  const customers = useCustomers(db);
  const download = useDownload(engine);
  const syncStatus = useSyncStatus(engine);
  // Nothing local yet and the first pull under way: say so rather than "no customers".
  const firstDownload =
    download !== null || (syncStatus.state === 'syncing' && syncStatus.lastSyncAt === null);
  const intl = useIntl();
  const [memory] = useState(() => recallCustomerList(db));
  const [query, setQueryState] = useState(memory.query);
  const [filters, setFiltersState] = useState(memory.filters);
  const deferredQuery = useDeferredValue(query);
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<DataTableHandle>(null);
  const setQuery = (value: string) => {
    setQueryState(value);
    rememberCustomerList(db, { query: value });
  };
  const setFilters = (value: typeof filters) => {
    setFiltersState(value);
    rememberCustomerList(db, { filters: value });
    tableRef.current?.reset();
  };
  const onActiveRowChange = useCallback(
    (activeRowId: string | undefined) => rememberCustomerList(db, { activeRowId }),
    [db],
  );

  // Segment and last order come from the portfolio RFM (computed once per data version), the
  // next visit from one range read of the appointments: nothing is read row by row.
  // Not recomputed page after page while a sync brings orders in: once it has settled.
  const rfm = usePortfolioRfm(db, { paused: syncStatus.state === 'syncing' })?.now;
  const [days] = useState(() => {
    const today = todayIn(user.timeZone);
    return {
      fromIso: dayRange(today, user.timeZone).fromIso,
      weekEndIso: daysRange(mondayOf(today), 7, user.timeZone).toIso,
    };
  });
  const nextVisits = useNextVisits(db, days.fromIso);

  const collator = useMemo(
    () => new Intl.Collator(intl.locale, { sensitivity: 'base', numeric: true }),
    [intl.locale],
  );
  const index = useMemo(() => indexCustomers(customers ?? []), [customers]);
  const data = useMemo(
    () =>
      applyCustomerFilters(index, deferredQuery, filters, { rfm, nextVisits, weekEndIso: days.weekEndIso }),
    [index, deferredQuery, filters, rfm, nextVisits, days.weekEndIso],
  );
  const towns = useMemo(() => townsOf(customers ?? [], collator), [customers, collator]);
  const filtering = activeFilters(filters).length > 0;
  // A filter on facts still being read shows nothing yet (skeleton rows, not "no match").
  const factsReady =
    (rfm !== undefined || (filters.segment === null && filters.lastOrder === null)) &&
    (nextVisits !== undefined || filters.nextVisit === null);

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
      column.accessor((row) => rfm?.get(row.id)?.segment ?? null, {
        id: 'segment',
        header: () => <Msg id="customers.col.segment" />,
        cell: (info) => {
          const segment = info.getValue();
          return segment === null ? (
            <span className="muted">—</span>
          ) : (
            <SegmentBadge segment={segment}>
              <Msg id={`segment.${segment}`} />
            </SegmentBadge>
          );
        },
        sortingFn: (a, b) =>
          rankOf(a.getValue<RfmSegment | null>('segment')) - rankOf(b.getValue<RfmSegment | null>('segment')),
      }),
      column.accessor((row) => rfm?.get(row.id)?.lastOrderAt ?? null, {
        id: 'lastOrder',
        header: () => <Msg id="customers.col.lastOrder" />,
        cell: (info) => {
          const at = info.getValue();
          return at === null ? (
            <span className="muted">—</span>
          ) : (
            <time dateTime={at}>{intl.formatDate(at, { dateStyle: 'medium' })}</time>
          );
        },
        sortingFn: (a, b) =>
          (a.getValue<string | null>('lastOrder') ?? '').localeCompare(
            b.getValue<string | null>('lastOrder') ?? '',
          ),
        meta: { className: 'tabular' },
      }),
      column.accessor('phone', {
        header: () => <Msg id="customers.col.phone" />,
        sortingFn: 'alphanumeric',
        meta: { className: 'tabular' },
      }),
    ],
    [collator, rfm, intl],
  );

  // Arrival: once the list can be shown, into the grid, unless the rep is typing in the search.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || customers === undefined || !factsReady) return;
    arrived.current = true;
    if (memory.focus === 'search') {
      if (!isTextEntry(document.activeElement)) filterRef.current?.focus();
      return;
    }
    if (data.length > 0 && !isTextEntry(document.activeElement)) tableRef.current?.focusRow();
  }, [customers, factsReady, data, memory.focus]);

  const onFocus = (event: FocusEvent<HTMLElement>) =>
    rememberCustomerList(db, { focus: event.target === filterRef.current ? 'search' : 'grid' });

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && data.length > 0)) {
      event.preventDefault();
      if (event.key === 'Enter') tableRef.current?.openActive();
      else tableRef.current?.focusRow();
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  }

  const noMatchTitle = deferredQuery.trim() ? (
    <Msg id="customers.noMatch" values={{ query: deferredQuery.trim() }} />
  ) : (
    <Msg id="customers.noMatchFilters" />
  );

  const total = customers?.length ?? 0;

  return (
    <section className="page page--list" aria-labelledby="customers-title" onFocus={onFocus}>
      <PageHeader titleId="customers-title" title={<Msg id="customers.title" />}>
        {download && total > 0 ? (
          <span className="page__download badge badge--info">
            <DownloadProgressText download={download} />
          </span>
        ) : null}
        <span className="page__count muted tabular" role="status">
          {deferredQuery.trim() || filtering ? (
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
      {total > 0 ? <CustomerFilterBar filters={filters} towns={towns} onChange={setFilters} /> : null}

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
          initialActiveRowId={memory.activeRowId}
          onActiveRowChange={onActiveRowChange}
          testId="customer-table-scroll"
        >
          {data.length === 0 && !factsReady ? (
            <SkeletonRows rows={3} label={intl.formatMessage({ id: 'customers.loading' })} />
          ) : data.length === 0 ? (
            <EmptyState title={noMatchTitle}>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setQuery('');
                  setFilters(noFilters);
                  filterRef.current?.focus();
                }}
              >
                <Msg id={filtering ? 'customers.clearAll' : 'customers.clearFilter'} />
              </button>
            </EmptyState>
          ) : null}
        </DataTable>
      )}
    </section>
  );
}
