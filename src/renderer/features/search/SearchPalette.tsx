import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { navigate } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { searchCustomers } from './index.js';
import { useSearchIndex } from './useSearchIndex.js';

const LIMIT = 50;

/**
 * Ctrl/Cmd+K from anywhere (and the rail's search button): a command-palette dialog over the
 * in-memory index. Arrow keys move, Enter opens the customer, Esc closes and focus returns to
 * where it was (React Aria's modal restores it).
 */
export function SearchPalette({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <ModalOverlay
      className="modal-overlay modal-overlay--top"
      isDismissable
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <Modal className="modal modal--palette">
        <Dialog className="dialog palette">{({ close }) => <PaletteBody close={close} />}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * Whether a modal dialog is open (a React Aria modal, which renders in an overlay, or a native
 * modal `<dialog>`): the palette must not open over it, nor take its focus away.
 */
export function isModalDialogOpen(doc: Document = document): boolean {
  return (
    doc.querySelector(
      '.modal-overlay [role="dialog"], .modal-overlay [role="alertdialog"], .react-aria-ModalOverlay [role="dialog"], .react-aria-ModalOverlay [role="alertdialog"], dialog[open]:modal',
    ) !== null
  );
}

/**
 * Ctrl/Cmd+K opens the palette, except under an open modal dialog. Keeps the index warm (built
 * once per data version) while the palette is closed.
 */
export function useGlobalSearchShortcut(): [boolean, (open: boolean) => void] {
  const { db } = useApp();
  useSearchIndex(db);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        if (isModalDialogOpen()) return;
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return [open, setOpen];
}

function PaletteBody({ close }: { close: () => void }) {
  const { db } = useApp();
  const intl = useIntl();
  const index = useSearchIndex(db);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Typing stays instant; results follow within the frame (the search itself is synchronous).
  const deferred = useDeferredValue(query);
  const results = useMemo(() => (index ? searchCustomers(index, deferred, LIMIT) : []), [index, deferred]);
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, activeIndex]);

  const open = (customerId: string) => {
    close();
    navigate({ name: 'customer', id: customerId });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setActive(Math.min(results.length - 1, activeIndex + 1));
    } else if (e.key === 'ArrowUp') {
      setActive(Math.max(0, activeIndex - 1));
    } else if (e.key === 'Home' && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter') {
      const hit = results[activeIndex];
      if (hit) open(hit.customerId);
    } else {
      return;
    }
    e.preventDefault();
  };

  const trimmed = deferred.trim();
  return (
    <>
      <Heading slot="title" className="visually-hidden">
        <Msg id="search.title" />
      </Heading>
      <div className="palette__field">
        <Text as="label" htmlFor={`${id}-input`} className="visually-hidden" msg="search.label" />
        <input
          id={`${id}-input`}
          className="input palette__input"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={results.length > 0 ? `${id}-option-${activeIndex}` : undefined}
          aria-autocomplete="list"
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a command palette opens to type in
          autoFocus
          placeholder={intl.formatMessage({ id: 'search.placeholder' })}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <Text as="p" id={`${id}-hint`} className="palette__hint muted" msg="search.hint" />
      <ul
        id={`${id}-listbox`}
        role="listbox"
        className="palette__results"
        aria-label={intl.formatMessage({ id: 'search.results' })}
      >
        {results.map((r, i) => (
          // Options are chosen with the keyboard from the input (aria-activedescendant) or the mouse.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={r.customerId}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className="palette__option"
            onClick={() => open(r.customerId)}
            onMouseMove={() => setActive(i)}
          >
            <span className="palette__name">{r.name}</span>
            <span className="palette__city muted">{r.city}</span>
            {r.field !== 'name' && r.field !== 'city' ? (
              <span className="palette__match muted">
                <Msg id={`search.field.${r.field}`} values={{ value: r.matched }} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="palette__status muted" role="status">
        {index === undefined ? (
          <Msg id="search.indexing" />
        ) : trimmed === '' ? null : results.length === 0 ? (
          <Msg id="search.noResult" values={{ query: trimmed }} />
        ) : (
          <Msg id="search.count" values={{ count: results.length }} />
        )}
      </p>
    </>
  );
}
