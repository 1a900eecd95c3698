/**
 * The app's table: TanStack Table for columns and sorting, TanStack Virtual for long lists,
 * one look (compact rows, sticky header, `num` columns right-aligned with tabular figures) and,
 * for lists a rep moves through, the keyboard grid (J/K or arrows, PageUp/PageDown, Home/End,
 * Enter opens) with a roving tab stop on the row's link.
 */
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type CellContext,
  type ColumnDefTemplate,
  type Header,
  type RowData,
  type SortingState,
  type TableOptions,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { SkeletonRows } from './Skeleton.js';

declare module '@tanstack/react-table' {
  // The parameters must match TanStack's declarations to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned with tabular figures (amounts, counts, ages). */
    numeric?: boolean;
    /** Classes of the column's cells (`td`). */
    className?: string;
    /** Classes of the column's header (`th`). */
    headerClassName?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    /** Keyboard grid only: the row holding the tab stop, and how a cell's link claims it. */
    grid?: { activeRowId: string | undefined; activate: (rowId: string) => void };
  }
}

export interface DataTableGrid<T> {
  /** Enter, or a click on the row outside its links and buttons. */
  onOpen: (row: T) => void;
  /** ArrowUp / K on the first row (back to the filter above the list). */
  onExitTop?: () => void;
  /** Id of the element explaining the keys. */
  describedBy?: string;
}

export interface DataTableHandle {
  /** Moves the tab stop (and the focus) to the active row, or to a position in the shown order. */
  focusRow: (index?: number) => void;
  /** Opens the active row (the first when none is); false when there is no row. */
  openActive: () => boolean;
  /** The first row becomes the active one (after the list was filtered). */
  reset: () => void;
}

export interface DataTableProps<T> {
  /** `undefined` while loading: the skeleton shows. */
  data: readonly T[] | undefined;
  columns: TableOptions<T>['columns'];
  getRowId: (row: T) => string;
  /** The table's accessible name. */
  label: string;
  /** Sorting on, starting from this order; without it no column sorts. */
  initialSorting?: SortingState;
  /** Extra classes of the `table` (after `table`). */
  className?: string;
  /** Extra classes of the scroll container; `null` renders the table without one. */
  scrollClassName?: string | null;
  /** Column widths, in column order (a `colgroup`). */
  widths?: readonly string[];
  /** Rendered instead of the table when there is no row. */
  empty?: ReactNode;
  /** Rendered while `data` is `undefined` (default: skeleton rows). */
  loading?: ReactNode;
  /** Virtualise the rows, each about this tall (px). */
  virtualRowHeight?: number;
  /** Classes of a body row. */
  rowClassName?: (row: T) => string | undefined;
  /** The keyboard grid: `role="grid"`, row positions, keys. */
  grid?: DataTableGrid<T>;
  /** Receives the handle of the keyboard grid (to move into it from outside). */
  handleRef?: Ref<DataTableHandle | null>;
  /** Keyboard grid: the row holding the tab stop at first (a list coming back to where it was). */
  initialActiveRowId?: string;
  /** Keyboard grid: called when another row takes the tab stop (`undefined`: the first again). */
  onActiveRowChange?: (rowId: string | undefined) => void;
  /** `data-testid` of the scroll container. */
  testId?: string;
  /** Rendered inside the scroll container, after the table. */
  children?: ReactNode;
}

function ariaSort(sorted: false | 'asc' | 'desc') {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

function classes(...names: (string | false | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * A header or cell template, called as a plain function rather than mounted as a component
 * (flexRender's way): columns rebuilt on each render then keep their cells, and an input in a
 * cell keeps the focus while the rep types.
 */
function renderTemplate<P extends object>(template: ColumnDefTemplate<P> | undefined, props: P): ReactNode {
  return typeof template === 'function' ? (template(props) as ReactNode) : template;
}

function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const meta = header.column.columnDef.meta;
  const className = classes(meta?.numeric && 'num', meta?.headerClassName);
  const content = renderTemplate(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort())
    return (
      <th scope="col" className={classes('th-static', className)}>
        {content}
      </th>
    );
  const sorted = header.column.getIsSorted();
  return (
    <th scope="col" className={className} aria-sort={ariaSort(sorted)}>
      <button type="button" className="th-button" onClick={header.column.getToggleSortingHandler()}>
        {content}
        <span className="sort-icon" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}

/** Props for the link of a grid row's cell: the roving tab stop. */
export function gridLinkProps<T>(info: CellContext<T, unknown>): { tabIndex: number; onFocus: () => void } {
  const grid = info.table.options.meta?.grid;
  if (!grid) return { tabIndex: 0, onFocus: () => undefined };
  const id = info.row.id;
  // As the table resolves it: the chosen row while it is shown, else the first.
  const model = info.table.getRowModel();
  const chosen = grid.activeRowId;
  const active = chosen !== undefined && chosen in model.rowsById ? chosen : model.rows[0]?.id;
  return { tabIndex: active === id ? 0 : -1, onFocus: () => grid.activate(id) };
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { data, grid, virtualRowHeight } = props;
  const rowsData = useMemo(() => (data ?? []) as T[], [data]);
  const [sorting, setSorting] = useState<SortingState>(props.initialSorting ?? []);
  const [activeRowId, setActiveRowId] = useState<string | undefined>(props.initialActiveRowId);
  const { onActiveRowChange } = props;
  useEffect(() => onActiveRowChange?.(activeRowId), [activeRowId, onActiveRowChange]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusRowRef = useRef(false);

  // TanStack Table returns fresh functions by design; the React Compiler skips this hook.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data: rowsData,
    columns: props.columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: props.initialSorting !== undefined,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: props.getRowId,
    meta: grid ? { grid: { activeRowId, activate: setActiveRowId } } : undefined,
  });
  const rows = table.getRowModel().rows;
  const positionOf = useMemo(() => new Map(rows.map((row, i) => [row.id, i])), [rows]);
  // The active row keeps its place through sorting; when filtered out, the first row takes it.
  const activeIndex = (activeRowId === undefined ? undefined : positionOf.get(activeRowId)) ?? 0;

  const virtualizer = useVirtualizer({
    count: virtualRowHeight === undefined ? 0 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => virtualRowHeight ?? 0,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();

  const rowTarget = (index: number) =>
    scrollRef.current?.querySelector<HTMLElement>(
      `tr[data-index="${index}"] a, tr[data-index="${index}"] button`,
    );

  useEffect(() => {
    if (!focusRowRef.current) return;
    const target = rowTarget(activeIndex);
    if (target) {
      target.focus({ preventScroll: true });
      focusRowRef.current = false;
    }
  }, [activeIndex, items]);

  function moveTo(next: number) {
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, next));
    setActiveRowId(rows[clamped]?.id);
    if (virtualRowHeight !== undefined) virtualizer.scrollToIndex(clamped, { align: 'auto' });
    // A row already shown takes the focus now (the active row itself re-renders nothing);
    // one still to be rendered takes it once it is.
    const target = rowTarget(clamped);
    if (target) target.focus({ preventScroll: true });
    focusRowRef.current = target === null || target === undefined;
  }

  useImperativeHandle(props.handleRef, () => ({
    focusRow: (index) => moveTo(index ?? activeIndex),
    openActive: () => {
      const row = rows[activeIndex] ?? rows[0];
      if (row && grid) grid.onOpen(row.original);
      return row !== undefined;
    },
    reset: () => setActiveRowId(undefined),
  }));

  if (data === undefined) return <>{props.loading ?? <SkeletonRows rows={6} label="" />}</>;
  if (rows.length === 0 && props.empty !== undefined) return <>{props.empty}</>;

  const rowHeight = virtualRowHeight ?? 34;
  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 2);

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!grid || event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
      case 'J':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
      case 'k':
      case 'K':
        if (activeIndex === 0 && event.key === 'ArrowUp' && grid.onExitTop) {
          grid.onExitTop();
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
        if (row) grid.onOpen(row.original);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  const columnCount = table.getVisibleLeafColumns().length;
  const shown =
    virtualRowHeight === undefined
      ? rows.map((row, index) => ({ row, index }))
      : items.flatMap((item) => {
          const row = rows[item.index];
          return row ? [{ row, index: item.index }] : [];
        });
  const paddingTop = virtualRowHeight === undefined ? 0 : (items[0]?.start ?? 0);
  const paddingBottom =
    virtualRowHeight === undefined ? 0 : virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const spacer = (height: number) =>
    height > 0 ? (
      <tr aria-hidden="true" className="spacer">
        <td colSpan={columnCount} style={{ height }} />
      </tr>
    ) : null;

  const tableElement = (
    <table
      className={classes('table', props.className)}
      role={grid ? 'grid' : undefined}
      aria-readonly={grid ? 'true' : undefined}
      aria-label={props.label}
      aria-rowcount={grid ? rows.length + 1 : undefined}
      aria-describedby={grid?.describedBy}
    >
      {props.widths ? (
        <colgroup>
          {props.widths.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
      ) : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={grid ? 1 : undefined}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {spacer(paddingTop)}
        {shown.map(({ row, index }) => (
          <tr
            key={row.id}
            data-index={index}
            aria-rowindex={grid ? index + 2 : undefined}
            data-active={grid && index === activeIndex ? true : undefined}
            className={classes(grid && 'table__row', props.rowClassName?.(row.original))}
            onClick={
              grid
                ? (e) => {
                    setActiveRowId(row.id);
                    if ((e.target as HTMLElement).closest('a, button')) return;
                    grid.onOpen(row.original);
                  }
                : undefined
            }
          >
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              return (
                <td key={cell.id} className={classes(meta?.numeric && 'num tabular', meta?.className)}>
                  {renderTemplate(cell.column.columnDef.cell, cell.getContext())}
                </td>
              );
            })}
          </tr>
        ))}
        {spacer(paddingBottom)}
      </tbody>
    </table>
  );

  if (props.scrollClassName === null) return tableElement;
  return (
    // Arrow keys / J K bubble up from the focused row link; the container itself is not a control.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={scrollRef}
      className={classes('table-scroll', props.scrollClassName)}
      onKeyDown={grid ? onGridKeyDown : undefined}
      data-testid={props.testId}
    >
      {tableElement}
      {props.children}
    </div>
  );
}
