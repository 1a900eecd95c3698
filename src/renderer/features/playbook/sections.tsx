/**
 * The playbook editor's sections: each list can grow, shrink and be reordered with buttons
 * whose accessible names say which item they act on; every field shows its own error.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useState, type ReactNode, type RefObject } from 'react';
import {
  get,
  useFieldArray,
  useFormContext,
  type FieldError,
  type FieldErrors,
  type FieldPath,
} from 'react-hook-form';
import { useIntl } from 'react-intl';
import { motives, objectionCategories, objectionTechniques } from '../../../shared/domain/playbook/index.js';
import { useApp } from '../../app/context.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import type { PlaybookForm } from './form.js';

type Path = FieldPath<PlaybookForm>;

/** The form's id prefix (one `useId` per editor), so labels and error links find their field. */
export const IdPrefix = createContext('playbook');

export function fieldIdOf(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`.replace(/[^A-Za-z0-9_-]/g, '');
}

function useFieldId(path: string): string {
  return fieldIdOf(useContext(IdPrefix), path);
}

/** The message key of the error on `path` (own or, for a list, its `root`), if any. */
function errorKeyAt(errors: FieldErrors<PlaybookForm>, path: string): MessageKey | null {
  const error = get(errors, path) as (FieldError & { root?: FieldError }) | undefined;
  const message = error?.message ?? error?.root?.message;
  return typeof message === 'string' && message.startsWith('playbook.') ? (message as MessageKey) : null;
}

function FieldErrorText({ id, messageKey }: { id: string; messageKey: MessageKey | null }) {
  if (messageKey === null) return null;
  return (
    <p id={`${id}-error`} className="field__error">
      <span className="visually-hidden">
        <Msg id="form.errorPrefix" />
      </span>
      <Msg id={messageKey} />
    </p>
  );
}

function TextField({
  path,
  label,
  multiline = false,
  list,
}: {
  path: Path;
  label: ReactNode;
  multiline?: boolean;
  list?: string;
}) {
  const {
    register,
    formState: { errors },
  } = useFormContext<PlaybookForm>();
  const id = useFieldId(path);
  const key = errorKeyAt(errors, path);
  const invalid = {
    'aria-invalid': key !== null ? true : undefined,
    'aria-describedby': key ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldErrorText id={id} messageKey={key} />
      {multiline ? (
        <textarea id={id} className="input textarea" rows={2} {...invalid} {...register(path)} />
      ) : (
        <input id={id} type="text" className="input" list={list} {...invalid} {...register(path)} />
      )}
    </div>
  );
}

function SelectField({
  path,
  label,
  options,
}: {
  path: Path;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
}) {
  const { register } = useFormContext<PlaybookForm>();
  const id = useFieldId(path);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="input input--inline" {...register(path)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Move up, move down, remove: each names the item it acts on. */
function ItemControls({
  item,
  index,
  count,
  onMove,
  onRemove,
}: {
  item: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const intl = useIntl();
  return (
    <div className="playbook-item__controls">
      <button
        type="button"
        className="btn btn--small btn--ghost"
        disabled={index === 0}
        aria-label={intl.formatMessage({ id: 'playbook.moveUp' }, { item })}
        onClick={() => onMove(index, index - 1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="btn btn--small btn--ghost"
        disabled={index === count - 1}
        aria-label={intl.formatMessage({ id: 'playbook.moveDown' }, { item })}
        onClick={() => onMove(index, index + 1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="btn btn--small"
        aria-label={intl.formatMessage({ id: 'playbook.remove' }, { item })}
        onClick={() => onRemove(index)}
      >
        <Msg id="playbook.removeText" />
      </button>
    </div>
  );
}

/**
 * Moves and removals are said to screen readers (the buttons' focus stays where it was, on the
 * item now in that place).
 */
function useAnnouncer(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  return [text, setText];
}

function Announcement({ text }: { text: string }) {
  return (
    <p className="visually-hidden" role="status">
      {text}
    </p>
  );
}

function useListActions(
  label: (n: number) => string,
  move: (from: number, to: number) => void,
  remove: (index: number) => void,
) {
  const intl = useIntl();
  const [announced, announce] = useAnnouncer();
  return {
    announced,
    onMove: (from: number, to: number) => {
      move(from, to);
      announce(intl.formatMessage({ id: 'playbook.moved' }, { item: label(from + 1), n: to + 1 }));
    },
    onRemove: (index: number) => {
      remove(index);
      announce(intl.formatMessage({ id: 'playbook.removed' }, { item: label(index + 1) }));
    },
  };
}

function Section({ name, help, children }: { name: SectionName; help?: MessageKey; children: ReactNode }) {
  const {
    formState: { errors },
  } = useFormContext<PlaybookForm>();
  const id = useFieldId(name);
  return (
    <section className="card playbook__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title" tabIndex={-1}>
        <Msg id={`playbook.section.${name}`} />
      </h2>
      {help ? (
        <p className="hint muted">
          <Msg id={help} />
        </p>
      ) : null}
      <FieldErrorText id={id} messageKey={errorKeyAt(errors, name)} />
      {children}
    </section>
  );
}

function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <button type="button" className="btn btn--small playbook__add" onClick={onAdd}>
      <span aria-hidden="true">+ </span>
      {label}
    </button>
  );
}

/** Opening or price reminders: a list of texts. */
function Reminders({ name }: { name: 'openingReminders' | 'priceReminders' }) {
  const intl = useIntl();
  const { control } = useFormContext<PlaybookForm>();
  const { fields, append, move, remove } = useFieldArray({ control, name });
  const label = (n: number) => intl.formatMessage({ id: `playbook.item.${name}` }, { n });
  const actions = useListActions(label, move, remove);
  const listId = useFieldId(name);
  return (
    <Section name={name}>
      <ol className="playbook__list" id={listId} tabIndex={-1}>
        {fields.map((field, index) => (
          <li key={field.id} className="playbook-item playbook-item--inline">
            <TextField path={`${name}.${index}.text`} label={label(index + 1)} multiline />
            <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
          </li>
        ))}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: `playbook.add.${name}` })}
        onAdd={() => append({ text: '' })}
      />
    </Section>
  );
}

function Questions({ themeIndex, theme }: { themeIndex: number; theme: string }) {
  const intl = useIntl();
  const { control, register } = useFormContext<PlaybookForm>();
  const name = `discovery.${themeIndex}.questions` as const;
  const { fields, append, move, remove } = useFieldArray({ control, name });
  const label = (n: number) =>
    intl.formatMessage(
      { id: 'playbook.itemOf' },
      { parent: theme, item: intl.formatMessage({ id: 'playbook.item.questions' }, { n }) },
    );
  const actions = useListActions(label, move, remove);
  const prefix = useContext(IdPrefix);
  return (
    <>
      <ol className="playbook__list" id={fieldIdOf(prefix, name)} tabIndex={-1}>
        {fields.map((field, index) => {
          const openId = fieldIdOf(prefix, `${name}.${index}.open`);
          return (
            <li key={field.id} className="playbook-item">
              <fieldset className="playbook-item__group">
                <legend className="playbook-item__legend">{label(index + 1)}</legend>
                <TextField
                  path={`${name}.${index}.text`}
                  label={<Msg id="playbook.field.question" />}
                  multiline
                />
                <label className="checkbox" htmlFor={openId}>
                  <input id={openId} type="checkbox" {...register(`${name}.${index}.open`)} />
                  <Msg id="playbook.field.open" />
                </label>
              </fieldset>
              <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
            </li>
          );
        })}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.questions' }, { item: theme })}
        onAdd={() => append({ id: '', text: '', open: true })}
      />
    </>
  );
}

function Discovery() {
  const intl = useIntl();
  const { control } = useFormContext<PlaybookForm>();
  const { fields, append, move, remove } = useFieldArray({ control, name: 'discovery' });
  const label = (n: number) => intl.formatMessage({ id: 'playbook.item.discovery' }, { n });
  const actions = useListActions(label, move, remove);
  const listId = useFieldId('discovery');
  return (
    <Section name="discovery">
      <ol className="playbook__list" id={listId} tabIndex={-1}>
        {fields.map((field, index) => (
          <li key={field.id} className="playbook-item">
            <fieldset className="playbook-item__group">
              <legend className="playbook-item__legend">{label(index + 1)}</legend>
              <TextField path={`discovery.${index}.title`} label={<Msg id="playbook.field.title" />} />
              <Questions themeIndex={index} theme={label(index + 1)} />
            </fieldset>
            <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
          </li>
        ))}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.discovery' })}
        onAdd={() => append({ id: '', title: '', questions: [{ id: '', text: '', open: true }] })}
      />
    </Section>
  );
}

function Cues({ motiveIndex, motive }: { motiveIndex: number; motive: string }) {
  const intl = useIntl();
  const { control } = useFormContext<PlaybookForm>();
  const name = `motiveCues.${motiveIndex}.cues` as const;
  const { fields, append, move, remove } = useFieldArray({ control, name });
  const label = (n: number) =>
    intl.formatMessage(
      { id: 'playbook.itemOf' },
      { parent: motive, item: intl.formatMessage({ id: 'playbook.item.cues' }, { n }) },
    );
  const actions = useListActions(label, move, remove);
  const prefix = useContext(IdPrefix);
  return (
    <>
      {fields.length === 0 ? (
        <p className="hint muted">
          <Msg id="playbook.empty" />
        </p>
      ) : null}
      <ol className="playbook__list" id={fieldIdOf(prefix, name)} tabIndex={-1}>
        {fields.map((field, index) => (
          <li key={field.id} className="playbook-item playbook-item--inline">
            <TextField path={`${name}.${index}.text`} label={label(index + 1)} />
            <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
          </li>
        ))}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.cues' }, { item: motive })}
        onAdd={() => append({ text: '' })}
      />
    </>
  );
}

function MotiveCues() {
  const intl = useIntl();
  return (
    <Section name="motiveCues" help="playbook.help.motiveCues">
      <div className="playbook__motives">
        {motives.map((motive, index) => {
          const name = intl.formatMessage({ id: `visit.motive.${motive}` });
          return (
            <fieldset key={motive} className="playbook-item__group">
              <legend className="playbook-item__legend">{name}</legend>
              <Cues motiveIndex={index} motive={name} />
            </fieldset>
          );
        })}
      </div>
    </Section>
  );
}

function Arguments() {
  const intl = useIntl();
  const { db } = useApp();
  const { control } = useFormContext<PlaybookForm>();
  const { fields, append, move, remove } = useFieldArray({ control, name: 'arguments' });
  const label = (n: number) => intl.formatMessage({ id: 'playbook.item.arguments' }, { n });
  const actions = useListActions(label, move, remove);
  const prefix = useContext(IdPrefix);
  const listId = fieldIdOf(prefix, 'arguments');
  // The catalogue's families on this laptop, offered while typing (any family may be typed).
  const families = useLiveQuery(() => db.products.orderBy('family').uniqueKeys(), [db]) ?? [];
  return (
    <Section name="arguments" help="playbook.help.arguments">
      <datalist id={`${listId}-families`}>
        {families.map((f) => (
          <option key={String(f)} value={String(f)} />
        ))}
      </datalist>
      <ol className="playbook__list" id={listId} tabIndex={-1}>
        {fields.map((field, index) => {
          const path = `arguments.${index}` as const;
          return (
            <li key={field.id} className="playbook-item">
              <fieldset className="playbook-item__group">
                <legend className="playbook-item__legend">{label(index + 1)}</legend>
                <div className="playbook-item__grid">
                  <TextField
                    path={`${path}.family`}
                    label={<Msg id="playbook.field.family" />}
                    list={`${listId}-families`}
                  />
                  <TextField path={`${path}.feature`} label={<Msg id="playbook.field.feature" />} multiline />
                  <TextField path={`${path}.benefit`} label={<Msg id="playbook.field.benefit" />} multiline />
                  <TextField path={`${path}.proof`} label={<Msg id="playbook.field.proof" />} multiline />
                </div>
                <MotivesField path={`${path}.motives`} />
              </fieldset>
              <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
            </li>
          );
        })}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.arguments' })}
        onAdd={() => append({ id: '', family: '', feature: '', benefit: '', proof: '', motives: [] })}
      />
    </Section>
  );
}

function MotivesField({ path }: { path: `arguments.${number}.motives` }) {
  const intl = useIntl();
  const {
    register,
    formState: { errors },
  } = useFormContext<PlaybookForm>();
  const id = useFieldId(path);
  const key = errorKeyAt(errors, path);
  return (
    <fieldset
      className="playbook-item__motives"
      id={id}
      tabIndex={-1}
      aria-describedby={key ? `${id}-error` : undefined}
    >
      <legend className="field__label">
        <Msg id="playbook.field.motives" />
      </legend>
      <FieldErrorText id={id} messageKey={key} />
      <div className="checkbox-row">
        {motives.map((m) => (
          <label key={m} className="checkbox">
            <input type="checkbox" value={m} {...register(path)} />
            {intl.formatMessage({ id: `visit.motive.${m}` })}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Answers({ objectionIndex, objection }: { objectionIndex: number; objection: string }) {
  const intl = useIntl();
  const { control } = useFormContext<PlaybookForm>();
  const name = `objections.${objectionIndex}.answers` as const;
  const { fields, append, move, remove } = useFieldArray({ control, name });
  const label = (n: number) =>
    intl.formatMessage(
      { id: 'playbook.itemOf' },
      { parent: objection, item: intl.formatMessage({ id: 'playbook.item.answers' }, { n }) },
    );
  const actions = useListActions(label, move, remove);
  const prefix = useContext(IdPrefix);
  const techniques = objectionTechniques.map((t) => ({
    value: t,
    label: intl.formatMessage({ id: `visit.technique.${t}` }),
  }));
  return (
    <>
      <ol className="playbook__list" id={fieldIdOf(prefix, name)} tabIndex={-1}>
        {fields.map((field, index) => (
          <li key={field.id} className="playbook-item">
            <fieldset className="playbook-item__group">
              <legend className="playbook-item__legend">{label(index + 1)}</legend>
              <SelectField
                path={`${name}.${index}.technique`}
                label={<Msg id="playbook.field.technique" />}
                options={techniques}
              />
              <TextField
                path={`${name}.${index}.text`}
                label={<Msg id="playbook.field.answer" />}
                multiline
              />
            </fieldset>
            <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
          </li>
        ))}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.answers' }, { item: objection })}
        onAdd={() => append({ technique: 'reformulate', text: '' })}
      />
    </>
  );
}

function Objections() {
  const intl = useIntl();
  const { control } = useFormContext<PlaybookForm>();
  const { fields, append, move, remove } = useFieldArray({ control, name: 'objections' });
  const label = (n: number) => intl.formatMessage({ id: 'playbook.item.objections' }, { n });
  const actions = useListActions(label, move, remove);
  const listId = useFieldId('objections');
  const categories = objectionCategories.map((c) => ({
    value: c,
    label: intl.formatMessage({ id: `visit.category.${c}` }),
  }));
  return (
    <Section name="objections">
      <ol className="playbook__list" id={listId} tabIndex={-1}>
        {fields.map((field, index) => (
          <li key={field.id} className="playbook-item">
            <fieldset className="playbook-item__group">
              <legend className="playbook-item__legend">{label(index + 1)}</legend>
              <SelectField
                path={`objections.${index}.category`}
                label={<Msg id="playbook.field.category" />}
                options={categories}
              />
              <TextField
                path={`objections.${index}.text`}
                label={<Msg id="playbook.field.objection" />}
                multiline
              />
              <Answers objectionIndex={index} objection={label(index + 1)} />
            </fieldset>
            <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
          </li>
        ))}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.objections' })}
        onAdd={() =>
          append({ id: '', category: 'price', text: '', answers: [{ technique: 'reformulate', text: '' }] })
        }
      />
    </Section>
  );
}

function Closings() {
  const intl = useIntl();
  const { control } = useFormContext<PlaybookForm>();
  const { fields, append, move, remove } = useFieldArray({ control, name: 'closings' });
  const label = (n: number) => intl.formatMessage({ id: 'playbook.item.closings' }, { n });
  const actions = useListActions(label, move, remove);
  const listId = useFieldId('closings');
  return (
    <Section name="closings">
      <ol className="playbook__list" id={listId} tabIndex={-1}>
        {fields.map((field, index) => (
          <li key={field.id} className="playbook-item">
            <fieldset className="playbook-item__group">
              <legend className="playbook-item__legend">{label(index + 1)}</legend>
              <TextField path={`closings.${index}.name`} label={<Msg id="playbook.field.name" />} />
              <TextField
                path={`closings.${index}.description`}
                label={<Msg id="playbook.field.description" />}
                multiline
              />
            </fieldset>
            <ItemControls item={label(index + 1)} index={index} count={fields.length} {...actions} />
          </li>
        ))}
      </ol>
      <Announcement text={actions.announced} />
      <AddButton
        label={intl.formatMessage({ id: 'playbook.add.closings' })}
        onAdd={() => append({ id: '', name: '', description: '' })}
      />
    </Section>
  );
}

export function PlaybookSections() {
  return (
    <>
      <Reminders name="openingReminders" />
      <Discovery />
      <MotiveCues />
      <Arguments />
      <Objections />
      <Reminders name="priceReminders" />
      <Closings />
    </>
  );
}

/** Every error of the form as (path, message key), in document order. */
export function flattenErrors(errors: unknown, prefix = ''): { path: string; key: MessageKey }[] {
  if (typeof errors !== 'object' || errors === null) return [];
  const record = errors as Record<string, unknown>;
  if (typeof record.message === 'string' && typeof record.type === 'string') {
    return record.message.startsWith('playbook.')
      ? [{ path: prefix, key: record.message as MessageKey }]
      : [];
  }
  return Object.keys(record)
    .filter((k) => k !== 'ref')
    .sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : 0))
    .flatMap((k) => flattenErrors(record[k], prefix === '' ? k : `${prefix}.${k}`));
}

/** Where an error is, in words: "Objection 2 › Answer 1 › Answer". */
function usePlaceOf(): (path: string) => string {
  const intl = useIntl();
  return (path) => {
    const parts = path.split('.').filter((p) => p !== 'root');
    const words: string[] = [];
    let list = '';
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i] ?? '';
      const next = parts[i + 1];
      const n = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
      if (part === 'motiveCues' && n !== null) {
        const motive = motives[n - 1];
        if (motive) words.push(intl.formatMessage({ id: `visit.motive.${motive}` }));
        i += 1;
      } else if (isListName(part) && n !== null) {
        words.push(intl.formatMessage({ id: `playbook.item.${part}` }, { n }));
        list = part;
        i += 1;
      } else if (isListName(part) && i === 0) {
        words.push(intl.formatMessage({ id: `playbook.section.${part as SectionName}` }));
      } else if (isFieldName(part)) {
        words.push(intl.formatMessage({ id: fieldLabels[part] }));
      } else if (part === 'text' && isTextOf(list)) {
        // The text of an objection, an answer or a question (a reminder's or cue's item says it all).
        words.push(intl.formatMessage({ id: textLabels[list] }));
      }
    }
    return words.join(' › ');
  };
}

type SectionName =
  | 'openingReminders'
  | 'discovery'
  | 'motiveCues'
  | 'arguments'
  | 'objections'
  | 'priceReminders'
  | 'closings';
const listNames = [
  'openingReminders',
  'discovery',
  'questions',
  'cues',
  'arguments',
  'objections',
  'answers',
  'priceReminders',
  'closings',
] as const;
function isListName(part: string): part is (typeof listNames)[number] {
  return (listNames as readonly string[]).includes(part);
}
const fieldLabels = {
  title: 'playbook.field.title',
  family: 'playbook.field.family',
  feature: 'playbook.field.feature',
  benefit: 'playbook.field.benefit',
  proof: 'playbook.field.proof',
  motives: 'playbook.field.motives',
  category: 'playbook.field.category',
  technique: 'playbook.field.technique',
  name: 'playbook.field.name',
  description: 'playbook.field.description',
  id: 'playbook.field.id',
} as const satisfies Record<string, MessageKey>;
const textLabels = {
  objections: 'playbook.field.objection',
  answers: 'playbook.field.answer',
  questions: 'playbook.field.question',
} as const satisfies Record<string, MessageKey>;
function isTextOf(list: string): list is keyof typeof textLabels {
  return Object.prototype.hasOwnProperty.call(textLabels, list);
}
function isFieldName(part: string): part is keyof typeof fieldLabels {
  return Object.prototype.hasOwnProperty.call(fieldLabels, part);
}

/** GOV.UK pattern: after a refused save, the list of problems, each a link to its field. */
export function ErrorSummary({
  errors,
  summaryRef,
}: {
  errors: FieldErrors<PlaybookForm>;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const prefix = useContext(IdPrefix);
  const intl = useIntl();
  const placeOf = usePlaceOf();
  const problems = flattenErrors(errors);
  if (problems.length === 0) return null;
  return (
    <div
      ref={summaryRef}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${prefix}-summary`}
    >
      <h2 id={`${prefix}-summary`} className="error-summary__title">
        <Msg id="form.errorSummary" />
      </h2>
      <ul className="error-summary__list">
        {problems.map(({ path, key }) => {
          const target = fieldIdOf(prefix, path.replace(/\.root$/, ''));
          return (
            <li key={path}>
              <a
                href={`#${target}`}
                onClick={(e) => {
                  // Hash routes: focus the field without changing the address.
                  e.preventDefault();
                  document.getElementById(target)?.focus();
                }}
              >
                {intl.formatMessage(
                  { id: 'playbook.problemAt' },
                  { place: placeOf(path), problem: intl.formatMessage({ id: key }) },
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
