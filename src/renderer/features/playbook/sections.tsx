/**
 * The playbook editor's sections: each list can grow, shrink and be reordered with buttons
 * whose accessible names say which item they act on; every field shows its own error.
 *
 * Typing stays cheap however long the playbook: the sections are memoised and reach the form
 * through its `control` (stable), never through `useFormContext` (a new value whenever the
 * form's state changes); each field subscribes to its own error only, and a list re-renders
 * only when items are added, moved or removed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, memo, useContext, useState, type ReactNode } from 'react';
import {
  get,
  useFieldArray,
  useFormState,
  type Control,
  type FieldArray,
  type FieldArrayPath,
  type FieldError,
  type FieldErrors,
  type FieldPath,
} from 'react-hook-form';
import { useIntl } from 'react-intl';
import { motives, objectionCategories, objectionTechniques } from '../../../shared/domain/playbook/index.js';
import { useApp } from '../../app/context.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg, Text } from '../../i18n/Msg.js';
import {
  ErrorSummary as SummaryOfProblems,
  Field,
  FieldError as FieldErrorText,
} from '../../ui/form/index.js';
import type { PlaybookContent } from '../../../shared/domain/playbook/index.js';
import type { PlaybookForm } from './form.js';

type Path = FieldPath<PlaybookForm>;
type ListPath = FieldArrayPath<PlaybookForm>;

/** The form's id prefix (one `useId` per editor), so labels and error links find their field. */
export const IdPrefix = createContext('playbook');

/** The editor's form control: stable for the editor's life, unlike `useFormContext()`. */
export const FormControl = createContext<Control<PlaybookForm, unknown, PlaybookContent> | null>(null);

function useControl(): Control<PlaybookForm, unknown, PlaybookContent> {
  const control = useContext(FormControl);
  if (control === null) throw new Error('The playbook sections need the editor’s FormControl.');
  return control;
}

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

/** The error on `path`, re-rendering only when that path's errors change. */
function useErrorKey(path: Path | ListPath, exact = true): MessageKey | null {
  const { errors } = useFormState({ control: useControl(), name: path, exact });
  return errorKeyAt(errors, path);
}

function ErrorText({ id, messageKey }: { id: string; messageKey: MessageKey | null }) {
  return <FieldErrorText id={id}>{messageKey !== null ? <Msg id={messageKey} /> : null}</FieldErrorText>;
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
  const { register } = useControl();
  const key = useErrorKey(path);
  return (
    <Field id={useFieldId(path)} label={label} error={key !== null ? <Msg id={key} /> : null}>
      {(control) =>
        multiline ? (
          <textarea className="input textarea" rows={2} {...control} {...register(path)} />
        ) : (
          <input type="text" className="input" list={list} {...control} {...register(path)} />
        )
      }
    </Field>
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
  const { register } = useControl();
  return (
    <Field id={useFieldId(path)} label={label}>
      {({ id }) => (
        <select id={id} className="input input--inline" {...register(path)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
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
 * One editable list of the playbook: its items (a group named by the item's label, or, when
 * `inline`, a single field beside its controls), each with move up / move down / remove, and
 * an add button. Moves and removals are said to screen readers (the buttons' focus stays where
 * it was, on the item now in that place).
 */
function FieldArrayList<N extends ListPath>({
  name,
  itemLabel,
  addLabel,
  newItem,
  inline = false,
  emptyHint = false,
  children,
}: {
  name: N;
  itemLabel: (n: number) => string;
  addLabel: string;
  newItem: () => FieldArray<PlaybookForm, N>;
  inline?: boolean;
  /** Says the list is empty when it is. */
  emptyHint?: boolean;
  /** An item's fields, given its index and label. */
  children: (index: number, label: string) => ReactNode;
}) {
  const intl = useIntl();
  const control = useControl();
  const { fields, append, move, remove } = useFieldArray<PlaybookForm, N, 'id', PlaybookContent>({
    control,
    name,
  });
  const [announced, announce] = useState('');
  const onMove = (from: number, to: number) => {
    move(from, to);
    announce(intl.formatMessage({ id: 'playbook.moved' }, { item: itemLabel(from + 1), n: to + 1 }));
  };
  const onRemove = (index: number) => {
    remove(index);
    announce(intl.formatMessage({ id: 'playbook.removed' }, { item: itemLabel(index + 1) }));
  };
  return (
    <>
      {emptyHint && fields.length === 0 ? <Text as="p" className="hint muted" msg="playbook.empty" /> : null}
      <ol className="playbook__list" id={useFieldId(name)} tabIndex={-1}>
        {fields.map((field, index) => {
          const label = itemLabel(index + 1);
          return (
            <li key={field.id} className={inline ? 'playbook-item playbook-item--inline' : 'playbook-item'}>
              {inline ? (
                children(index, label)
              ) : (
                <fieldset className="playbook-item__group">
                  <legend className="playbook-item__legend">{label}</legend>
                  {children(index, label)}
                </fieldset>
              )}
              <ItemControls
                item={label}
                index={index}
                count={fields.length}
                onMove={onMove}
                onRemove={onRemove}
              />
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
      {/* Named by aria-label as well: the same name, found without looking for <label>s. */}
      <button
        type="button"
        className="btn btn--small playbook__add"
        aria-label={addLabel}
        onClick={() => append(newItem())}
      >
        <span aria-hidden="true">+ </span>
        {addLabel}
      </button>
    </>
  );
}

function Section({ name, help, children }: { name: SectionName; help?: MessageKey; children: ReactNode }) {
  const id = useFieldId(name);
  const key = useErrorKey(name, false);
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
      <ErrorText id={id} messageKey={key} />
      {children}
    </section>
  );
}

/** "Question 2 of Theme 1": an item of a list inside another list's item. */
function useItemOf(kind: 'questions' | 'cues' | 'answers', parent: string): (n: number) => string {
  const intl = useIntl();
  return (n) =>
    intl.formatMessage(
      { id: 'playbook.itemOf' },
      { parent, item: intl.formatMessage({ id: `playbook.item.${kind}` }, { n }) },
    );
}

function useItemLabel(
  name: 'openingReminders' | 'priceReminders' | 'discovery' | 'arguments' | 'objections' | 'closings',
) {
  const intl = useIntl();
  return (n: number) => intl.formatMessage({ id: `playbook.item.${name}` }, { n });
}

/** Opening or price reminders: a list of texts. */
function Reminders({ name }: { name: 'openingReminders' | 'priceReminders' }) {
  const intl = useIntl();
  return (
    <Section name={name}>
      <FieldArrayList
        name={name}
        itemLabel={useItemLabel(name)}
        addLabel={intl.formatMessage({ id: `playbook.add.${name}` })}
        newItem={() => ({ text: '' })}
        inline
      >
        {(index, label) => <TextField path={`${name}.${index}.text`} label={label} multiline />}
      </FieldArrayList>
    </Section>
  );
}

function Questions({ themeIndex, theme }: { themeIndex: number; theme: string }) {
  const intl = useIntl();
  const { register } = useControl();
  const prefix = useContext(IdPrefix);
  const name = `discovery.${themeIndex}.questions` as const;
  return (
    <FieldArrayList
      name={name}
      itemLabel={useItemOf('questions', theme)}
      addLabel={intl.formatMessage({ id: 'playbook.add.questions' }, { item: theme })}
      newItem={() => ({ id: '', text: '', open: true })}
    >
      {(index) => {
        const openId = fieldIdOf(prefix, `${name}.${index}.open`);
        return (
          <>
            <TextField
              path={`${name}.${index}.text`}
              label={<Msg id="playbook.field.question" />}
              multiline
            />
            <label className="checkbox" htmlFor={openId}>
              <input id={openId} type="checkbox" {...register(`${name}.${index}.open`)} />
              <Msg id="playbook.field.open" />
            </label>
          </>
        );
      }}
    </FieldArrayList>
  );
}

function Discovery() {
  const intl = useIntl();
  return (
    <Section name="discovery">
      <FieldArrayList
        name="discovery"
        itemLabel={useItemLabel('discovery')}
        addLabel={intl.formatMessage({ id: 'playbook.add.discovery' })}
        newItem={() => ({ id: '', title: '', questions: [{ id: '', text: '', open: true }] })}
      >
        {(index, label) => (
          <>
            <TextField path={`discovery.${index}.title`} label={<Msg id="playbook.field.title" />} />
            <Questions themeIndex={index} theme={label} />
          </>
        )}
      </FieldArrayList>
    </Section>
  );
}

function Cues({ motiveIndex, motive }: { motiveIndex: number; motive: string }) {
  const intl = useIntl();
  const name = `motiveCues.${motiveIndex}.cues` as const;
  return (
    <FieldArrayList
      name={name}
      itemLabel={useItemOf('cues', motive)}
      addLabel={intl.formatMessage({ id: 'playbook.add.cues' }, { item: motive })}
      newItem={() => ({ text: '' })}
      inline
      emptyHint
    >
      {(index, label) => <TextField path={`${name}.${index}.text`} label={label} />}
    </FieldArrayList>
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
  const listId = useFieldId('arguments');
  // The catalogue's families on this laptop, offered while typing (any family may be typed).
  const families = useLiveQuery(() => db.products.orderBy('family').uniqueKeys(), [db]) ?? [];
  return (
    <Section name="arguments" help="playbook.help.arguments">
      <datalist id={`${listId}-families`}>
        {families.map((f) => (
          <option key={String(f)} value={String(f)} />
        ))}
      </datalist>
      <FieldArrayList
        name="arguments"
        itemLabel={useItemLabel('arguments')}
        addLabel={intl.formatMessage({ id: 'playbook.add.arguments' })}
        newItem={() => ({ id: '', family: '', feature: '', benefit: '', proof: '', motives: [] })}
      >
        {(index) => {
          const path = `arguments.${index}` as const;
          return (
            <>
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
            </>
          );
        }}
      </FieldArrayList>
    </Section>
  );
}

function MotivesField({ path }: { path: `arguments.${number}.motives` }) {
  const intl = useIntl();
  const { register } = useControl();
  const id = useFieldId(path);
  const key = useErrorKey(path);
  return (
    <fieldset
      className="playbook-item__motives"
      id={id}
      tabIndex={-1}
      aria-describedby={key ? `${id}-error` : undefined}
    >
      <Text as="legend" className="field__label" msg="playbook.field.motives" />
      <ErrorText id={id} messageKey={key} />
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
  const name = `objections.${objectionIndex}.answers` as const;
  const techniques = objectionTechniques.map((t) => ({
    value: t,
    label: intl.formatMessage({ id: `visit.technique.${t}` }),
  }));
  return (
    <FieldArrayList
      name={name}
      itemLabel={useItemOf('answers', objection)}
      addLabel={intl.formatMessage({ id: 'playbook.add.answers' }, { item: objection })}
      newItem={() => ({ technique: 'reformulate' as const, text: '' })}
    >
      {(index) => (
        <>
          <SelectField
            path={`${name}.${index}.technique`}
            label={<Msg id="playbook.field.technique" />}
            options={techniques}
          />
          <TextField path={`${name}.${index}.text`} label={<Msg id="playbook.field.answer" />} multiline />
        </>
      )}
    </FieldArrayList>
  );
}

function Objections() {
  const intl = useIntl();
  const categories = objectionCategories.map((c) => ({
    value: c,
    label: intl.formatMessage({ id: `visit.category.${c}` }),
  }));
  return (
    <Section name="objections">
      <FieldArrayList
        name="objections"
        itemLabel={useItemLabel('objections')}
        addLabel={intl.formatMessage({ id: 'playbook.add.objections' })}
        newItem={() => ({
          id: '',
          category: 'price' as const,
          text: '',
          answers: [{ technique: 'reformulate' as const, text: '' }],
        })}
      >
        {(index, label) => (
          <>
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
            <Answers objectionIndex={index} objection={label} />
          </>
        )}
      </FieldArrayList>
    </Section>
  );
}

function Closings() {
  const intl = useIntl();
  return (
    <Section name="closings">
      <FieldArrayList
        name="closings"
        itemLabel={useItemLabel('closings')}
        addLabel={intl.formatMessage({ id: 'playbook.add.closings' })}
        newItem={() => ({ id: '', name: '', description: '' })}
      >
        {(index) => (
          <>
            <TextField path={`closings.${index}.name`} label={<Msg id="playbook.field.name" />} />
            <TextField
              path={`closings.${index}.description`}
              label={<Msg id="playbook.field.description" />}
              multiline
            />
          </>
        )}
      </FieldArrayList>
    </Section>
  );
}

/** Memoised: the editor's own re-renders (dirty, saving, errors) do not reach the fields. */
export const PlaybookSections = memo(function PlaybookSections() {
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
});

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
export function ErrorSummary({ errors, focusKey }: { errors: FieldErrors<PlaybookForm>; focusKey: number }) {
  const prefix = useContext(IdPrefix);
  const intl = useIntl();
  const placeOf = usePlaceOf();
  const problems = flattenErrors(errors).map(({ path, key }) => ({
    target: fieldIdOf(prefix, path.replace(/\.root$/, '')),
    message: intl.formatMessage(
      { id: 'playbook.problemAt' },
      { place: placeOf(path), problem: intl.formatMessage({ id: key }) },
    ),
  }));
  return <SummaryOfProblems id={prefix} problems={problems} focusKey={focusKey} />;
}
