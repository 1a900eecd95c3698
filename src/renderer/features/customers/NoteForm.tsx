import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { noteBodySchema } from '../../../shared/domain/note/note.js';
import { useApp } from '../../app/context.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { FormError, SubmitButton, controlProps } from '../../ui/form/index.js';
import { StorageFullError } from '../../sync/storage.js';
import { addNote } from './mutators.js';

/** Writes a note on this laptop at once; Ctrl/Cmd+Enter saves. */
export function NoteForm({ customerId }: { customerId: string }) {
  const { engine } = useApp();
  const bodyId = `${useId()}-body`;
  const [body, setBody] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  async function save() {
    if (saving) return;
    const parsed = noteBodySchema.safeParse(body);
    if (!parsed.success) {
      setError(body.trim() === '' ? 'notes.emptyBody' : 'notes.tooLong');
      setSaved(false);
      textareaRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      await engine.write(addNote, { customerId, body: parsed.data });
      setBody('');
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(e instanceof StorageFullError ? 'error.storage-full' : 'error.unexpected');
      setSaved(false);
    } finally {
      setSaving(false);
      textareaRef.current?.focus();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <form className="note-form" onSubmit={onSubmit} noValidate>
      <Text as="label" htmlFor={bodyId} className="field__label" msg="notes.label" />
      <textarea
        ref={textareaRef}
        {...controlProps(bodyId, { hint: true, error: error !== null })}
        className="input textarea"
        rows={3}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          if (error) setError(null);
          setSaved(false);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="note-form__footer">
        <Text as="span" id={`${bodyId}-hint`} className="hint muted" msg="notes.hint" />
        <span className="note-form__feedback" aria-live="polite">
          {saved ? <Msg id="notes.saved" /> : null}
        </span>
        <SubmitButton saving={saving}>
          <Msg id="notes.submit" />
        </SubmitButton>
      </div>
      <FormError id={`${bodyId}-error`}>{error ? <Msg id={error} /> : null}</FormError>
    </form>
  );
}
