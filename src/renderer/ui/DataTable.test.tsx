import { createColumnHelper } from '@tanstack/react-table';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, gridLinkProps } from './DataTable.js';

interface Item {
  id: string;
  name: string;
  amount: number;
}
const column = createColumnHelper<Item>();
const columns = [
  column.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <a href={`#/${info.row.original.id}`} {...gridLinkProps(info)}>
        {info.getValue()}
      </a>
    ),
  }),
  column.accessor('amount', { header: 'Amount', meta: { numeric: true } }),
];
const items: Item[] = [
  { id: 'b', name: 'Bravo', amount: 2 },
  { id: 'a', name: 'Alpha', amount: 30 },
  { id: 'c', name: 'Charlie', amount: 1 },
];

afterEach(cleanup);

describe('DataTable', () => {
  it('shows the loading slot, then the empty slot, then the rows', () => {
    const props = { columns, getRowId: (i: Item) => i.id, label: 'Items' };
    const { rerender } = render(<DataTable {...props} data={undefined} loading={<p>loading</p>} />);
    expect(screen.getByText('loading')).toBeTruthy();
    rerender(<DataTable {...props} data={[]} empty={<p>nothing</p>} />);
    expect(screen.getByText('nothing')).toBeTruthy();
    rerender(<DataTable {...props} data={items} />);
    expect(screen.getByRole('table', { name: 'Items' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(4);
    // Numbers right-aligned with tabular figures.
    expect(screen.getByRole('cell', { name: '30' }).className).toBe('num tabular');
    // No sorting asked: the headers are plain.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('sorts by a header, announced with aria-sort', () => {
    render(
      <DataTable
        data={items}
        columns={columns}
        getRowId={(i) => i.id}
        label="Items"
        initialSorting={[{ id: 'name', desc: false }]}
      />,
    );
    const names = () => screen.getAllByRole('link').map((a) => a.textContent);
    expect(names()).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const amount = screen.getByRole('columnheader', { name: /Amount/ });
    expect(amount.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(amount).getByRole('button'));
    expect(amount.getAttribute('aria-sort')).not.toBe('none');
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('none');
  });

  it('as a grid: one tab stop, J/K and arrows move it, Enter opens the row', () => {
    const onOpen = vi.fn();
    render(
      <DataTable
        data={items}
        columns={columns}
        getRowId={(i) => i.id}
        label="Items"
        initialSorting={[{ id: 'name', desc: false }]}
        grid={{ onOpen }}
      />,
    );
    const grid = screen.getByRole('grid', { name: 'Items' });
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    const links = () => screen.getAllByRole('link');
    expect(links().map((a) => a.tabIndex)).toEqual([0, -1, -1]);
    links()[0]!.focus();
    fireEvent.keyDown(links()[0]!, { key: 'j' });
    expect(document.activeElement).toBe(links()[1]);
    expect(links().map((a) => a.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(links()[1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links()[2]);
    fireEvent.keyDown(links()[2]!, { key: 'K' });
    expect(document.activeElement).toBe(links()[1]);
    fireEvent.keyDown(links()[1]!, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(items[0]);
    expect(screen.getAllByRole('row')[2]!.getAttribute('data-active')).toBe('true');
  });

  it('keeps an input in a cell (and its focus) while columns are rebuilt on each keystroke', () => {
    function Editable() {
      const [text, setText] = useState('1');
      const editable = [
        column.display({
          id: 'qty',
          header: 'Qty',
          cell: () => <input aria-label="Qty" value={text} onChange={(e) => setText(e.target.value)} />,
        }),
      ];
      return <DataTable data={items.slice(0, 1)} columns={editable} getRowId={(i) => i.id} label="Lines" />;
    }
    render(<Editable />);
    const input = screen.getByRole('textbox', { name: 'Qty' });
    input.focus();
    fireEvent.change(input, { target: { value: '12' } });
    expect(screen.getByRole('textbox', { name: 'Qty' })).toBe(input);
    expect(document.activeElement).toBe(input);
  });
});
