import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { DismissableModal } from '../../ui/Modal.js';
import { SearchPalette, useGlobalSearchShortcut } from './SearchPalette.js';

let db: AppDB;
eachScreenDb('search-palette', (fresh) => {
  db = fresh;
});

/** The shell's shortcut and palette, beside a screen's own dialog. */
function Harness({ dialogOpen }: { dialogOpen: boolean }) {
  const [searchOpen, setSearchOpen] = useGlobalSearchShortcut();
  const [open, setOpen] = useState(dialogOpen);
  return (
    <>
      <p>Écran</p>
      <DismissableModal isOpen={open} onClose={() => setOpen(false)}>
        <h2>Nouvelle note</h2>
        <textarea aria-label="Note" />
      </DismissableModal>
      <SearchPalette isOpen={searchOpen} onOpenChange={setSearchOpen} />
    </>
  );
}

const ctrlK = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'k', ctrlKey: true });

describe('Ctrl+K search palette', () => {
  it('opens from anywhere when no dialog is open', async () => {
    renderWithApp(db, <Harness dialogOpen={false} />);
    ctrlK();
    expect(await screen.findByRole('combobox', { name: 'Rechercher un client' })).toBeTruthy();
  });

  it('does not open over an open modal dialog, which keeps the focus', async () => {
    renderWithApp(db, <Harness dialogOpen />);
    const note = await screen.findByRole('textbox', { name: 'Note' });
    act(() => note.focus());
    ctrlK();
    // The dialog is still the only one, and the rep is still typing in it.
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(screen.queryByRole('combobox', { name: 'Rechercher un client' })).toBeNull();
    expect(document.activeElement).toBe(note);

    // Once the dialog is closed, Ctrl+K opens the palette again.
    fireEvent.keyDown(note, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    ctrlK();
    expect(await screen.findByRole('combobox', { name: 'Rechercher un client' })).toBeTruthy();
  });
});
