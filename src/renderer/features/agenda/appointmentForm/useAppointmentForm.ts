/**
 * The appointment form's state: the react-hook-form values, the problems the shared validator
 * found on the last save (an overlap alone may be saved past), and the save itself.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useIntl } from 'react-intl';
import { z } from 'zod';
import type { AppointmentChanges } from '../../../../shared/domain/appointment/appointment.js';
import { appointmentEndMs, appointmentKinds } from '../../../../shared/domain/appointment/appointment.js';
import type { AppointmentProblem } from '../../../../shared/domain/appointment/check.js';
import { instantOn, timeOfInstant, dayOfInstant } from '../../../../shared/lib/calendar.js';
import { missingCaseError } from '../../../../shared/lib/result.js';
import { useApp } from '../../../app/context.js';
import type { AppointmentRow } from '../../../db/schema.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { StorageFullError } from '../../../sync/storage.js';
import { AppointmentCheckError, createAppointment, updateAppointment } from '../mutators.js';
import { overlapped } from './queries.js';
import { useLiveWarnings } from './useLiveWarnings.js';
import { useSlotProposal } from './useSlotProposal.js';

const formSchema = z.object({
  customerId: z.string().min(1),
  contactId: z.string(),
  kind: z.enum(appointmentKinds),
  date: z.iso.date(),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  durationMinutes: z.number(),
  objective: z.string().trim().max(500),
  notes: z.string().trim().max(5000),
});
type FormValues = z.infer<typeof formSchema>;
export type FieldName = keyof FormValues;

export type FormMode = { mode: 'new'; day: string } | { mode: 'edit'; appointment: AppointmentRow };

export interface SummaryEntry {
  field: FieldName;
  key: MessageKey;
  values?: Record<string, string | number>;
}

const fieldErrorKeys: Record<FieldName, MessageKey> = {
  customerId: 'agenda.error.customer',
  contactId: 'agenda.error.customer',
  kind: 'agenda.error.customer',
  date: 'agenda.error.date',
  time: 'agenda.error.time',
  durationMinutes: 'agenda.error.duration-not-positive',
  objective: 'agenda.error.tooLong',
  notes: 'agenda.error.tooLong',
};

function defaultsOf(form: FormMode, timeZone: string): FormValues {
  if (form.mode === 'edit') {
    const editing = form.appointment;
    return {
      customerId: editing.customerId,
      contactId: editing.contactId ?? '',
      kind: editing.kind,
      date: dayOfInstant(editing.startAt, timeZone),
      time: timeOfInstant(editing.startAt, timeZone),
      durationMinutes: editing.durationMinutes,
      objective: editing.objective,
      notes: editing.notes,
    };
  }
  return {
    customerId: '',
    contactId: '',
    kind: 'visit',
    date: form.day,
    time: '09:00',
    durationMinutes: 60,
    objective: '',
    notes: '',
  };
}

/** What changed from the appointment as it was (empty: nothing to save). */
function changesOf(editing: AppointmentRow, values: FormValues, startAt: string): AppointmentChanges {
  const changes: AppointmentChanges = {};
  if (startAt !== editing.startAt) changes.startAt = startAt;
  if (values.durationMinutes !== editing.durationMinutes) changes.durationMinutes = values.durationMinutes;
  if (values.kind !== editing.kind) changes.kind = values.kind;
  const contactId = values.contactId === '' ? null : values.contactId;
  if (contactId !== editing.contactId) changes.contactId = contactId;
  if (values.objective !== editing.objective) changes.objective = values.objective;
  if (values.notes !== editing.notes) changes.notes = values.notes;
  return changes;
}

export function useAppointmentForm(
  form: FormMode,
  onDone: (outcome: 'saved' | 'unchanged' | 'cancelled') => void,
) {
  const { db, engine } = useApp();
  const intl = useIntl();
  const timeZone = intl.timeZone ?? 'Europe/Paris';
  // Bumped by each refused save: the summary takes the focus.
  const [summaryFocus, setSummaryFocus] = useState(0);
  const editing = form.mode === 'edit' ? form.appointment : null;
  const [baseVersion] = useState(editing?.version ?? 0);
  const [problems, setProblems] = useState<SummaryEntry[]>([]);
  const [overlapOnly, setOverlapOnly] = useState(false);
  const [saveError, setSaveError] = useState<MessageKey | null>(null);
  const [defaults] = useState<FormValues>(() => defaultsOf(form, timeZone));
  const rhf = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: defaults });
  const { handleSubmit, formState, control } = rhf;
  const [customerId, kind, date, time, durationMinutes] = useWatch({
    control,
    name: ['customerId', 'kind', 'date', 'time', 'durationMinutes'],
  });
  const slot = useSlotProposal(rhf, editing === null, { date, time, durationMinutes }, timeZone);
  const warnings = useLiveWarnings(
    { customerId, kind, date, time, durationMinutes },
    { editingId: editing?.id ?? null, previousStartAt: editing?.startAt ?? null, timeZone },
  );

  const focusSummary = () => setSummaryFocus((n) => n + 1);

  const describeOverlap = async (otherId: string): Promise<SummaryEntry> => {
    const { other, customer } = await overlapped(db, otherId);
    return {
      field: 'time',
      key: 'agenda.error.overlap',
      values: {
        other: customer?.name ?? intl.formatMessage({ id: 'sync.unknownCustomer' }),
        time: other
          ? intl.formatDateTimeRange(Date.parse(other.startAt), appointmentEndMs(other), {
              hour: '2-digit',
              minute: '2-digit',
            })
          : '',
      },
    };
  };

  const entryOf = async (p: AppointmentProblem): Promise<SummaryEntry | null> => {
    switch (p.code) {
      case 'start-in-past':
        return { field: 'date', key: 'agenda.error.start-in-past' };
      case 'duration-not-positive':
        return { field: 'durationMinutes', key: 'agenda.error.duration-not-positive' };
      case 'duration-too-short':
        return { field: 'durationMinutes', key: 'agenda.error.duration-too-short', values: { min: p.min } };
      case 'duration-too-long':
        return { field: 'durationMinutes', key: 'agenda.error.duration-too-long', values: { max: p.max } };
      case 'overlap':
        return describeOverlap(p.otherId);
      case 'travel-too-short':
        return null; // a warning shown on the agenda, never a refusal
      default:
        throw missingCaseError(p);
    }
  };

  const entriesOf = async (list: readonly AppointmentProblem[]): Promise<SummaryEntry[]> => {
    const entries: SummaryEntry[] = [];
    for (const p of list) {
      const entry = await entryOf(p);
      if (entry !== null) entries.push(entry);
    }
    return entries;
  };

  const write = async (values: FormValues, confirmOverlap: boolean) => {
    const startAt = instantOn(values.date, values.time, timeZone);
    if (editing) {
      const changes = changesOf(editing, values, startAt);
      if (Object.keys(changes).length === 0) return 'unchanged' as const;
      await engine.write(
        updateAppointment,
        { id: editing.id, baseVersion, changes },
        { timeZone, confirmOverlap },
      );
    } else {
      await engine.write(
        createAppointment,
        {
          customerId: values.customerId,
          contactId: values.contactId === '' ? null : values.contactId,
          kind: values.kind,
          startAt,
          durationMinutes: values.durationMinutes,
          objective: values.objective,
          notes: values.notes,
        },
        { timeZone, confirmOverlap },
      );
    }
    return 'saved' as const;
  };

  const save = (confirmOverlap: boolean) =>
    handleSubmit(
      async (values) => {
        setSaveError(null);
        try {
          onDone(await write(values, confirmOverlap));
        } catch (e) {
          if (e instanceof AppointmentCheckError) {
            setProblems(await entriesOf(e.problems));
            setOverlapOnly(e.problems.every((p) => p.severity !== 'block'));
            focusSummary();
          } else {
            setSaveError(e instanceof StorageFullError ? 'error.storage-full' : 'error.unexpected');
          }
        }
      },
      () => {
        setProblems([]);
        setOverlapOnly(false);
        focusSummary();
      },
    );

  const schemaErrors: SummaryEntry[] = (Object.keys(fieldErrorKeys) as FieldName[]).flatMap((f) => {
    const error = formState.errors[f];
    if (!error) return [];
    const tooLong = 'type' in error && error.type === 'too_big';
    return [{ field: f, key: tooLong ? 'agenda.error.tooLong' : fieldErrorKeys[f] }];
  });
  const summary = schemaErrors.length > 0 ? schemaErrors : problems;

  return {
    rhf,
    editing,
    /** The proposed start's note (the day was full), and taking the next free slot. */
    slot,
    /** Overlaps and long drives of the slot as typed, before saving. */
    warnings,
    save,
    summary,
    summaryFocus,
    /** Only an overlap stands in the way: a warning, with "save anyway". */
    warningOnly: overlapOnly && schemaErrors.length === 0,
    saveError,
    errorOf: (name: FieldName) => summary.find((s) => s.field === name),
  };
}
