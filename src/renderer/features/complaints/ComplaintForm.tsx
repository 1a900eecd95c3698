import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useIntl } from 'react-intl';
import { z } from 'zod';
import type { AttachmentProblem } from '../../../shared/domain/complaint/complaint.js';
import {
  checkAttachments,
  complaintCategories,
  complaintDescriptionSchema,
  complaintSeverities,
} from '../../../shared/domain/complaint/complaint.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { StorageFullError } from '../../sync/storage.js';
import { ComplaintInputError, logComplaint } from './mutators.js';
import { ErrorSummary, FieldError, FormActions } from '../../ui/form/index.js';
import { problemMessage } from './messages.js';
import { useComplaintChoices } from './queries.js';

const formSchema = z.object({
  category: z.enum(complaintCategories),
  severity: z.enum(complaintSeverities),
  description: complaintDescriptionSchema,
  productId: z.string(),
  orderId: z.string(),
});
type FormValues = z.infer<typeof formSchema>;
type Field = keyof FormValues;

interface ChosenFile {
  key: string;
  file: File;
  /** An object URL for image previews (revoked on removal and unmount). */
  previewUrl: string | null;
}

const fieldErrorKeys = {
  category: 'complaints.error.category',
  severity: 'complaints.error.severity',
  description: 'complaints.error.description',
} as const;

/**
 * Logs a complaint on this laptop: category, product, order, description, severity and files,
 * checked before anything is written (a GOV.UK-style summary lists every problem).
 */
export function ComplaintForm({
  customerId,
  onDone,
}: {
  customerId: string;
  onDone: (outcome: 'saved' | 'cancelled') => void;
}) {
  const { db, engine } = useApp();
  const intl = useIntl();
  const id = useId();
  const choices = useComplaintChoices(db, customerId);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [productQuery, setProductQuery] = useState('');
  const [saveProblems, setSaveProblems] = useState<ReactNode[]>([]);
  const filesRef = useRef<ChosenFile[]>([]);
  useEffect(() => {
    filesRef.current = files;
  }, [files]);
  useEffect(
    () => () => {
      for (const f of filesRef.current) if (f.previewUrl) URL.revokeObjectURL(f.previewUrl);
    },
    [],
  );

  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      category: 'product-defect',
      severity: 'medium',
      description: '',
      productId: '',
      orderId: '',
    },
  });

  const fileProblems: AttachmentProblem[] = checkAttachments(
    files.map((f) => ({ fileName: f.file.name, sizeBytes: f.file.size })),
  );
  const products = useMemo(() => {
    const all = choices?.products ?? [];
    const q = productQuery.trim().toLowerCase();
    const matches = q === '' ? all : all.filter((p) => `${p.reference} ${p.name}`.toLowerCase().includes(q));
    return matches.slice(0, 100);
  }, [choices, productQuery]);

  const inputId = (name: Field | 'files') => `${id}-${name}`;
  const focusSummary = () => requestAnimationFrame(() => document.getElementById(`${id}-summary`)?.focus());
  const fieldErrors = (['category', 'severity', 'description'] as const).flatMap((f) =>
    errors[f] ? [[f, fieldErrorKeys[f]] as const] : [],
  );
  const invalidProps = (name: 'category' | 'severity' | 'description') =>
    errors[name]
      ? ({ 'aria-invalid': true, 'aria-describedby': `${inputId(name)}-error` } as const)
      : ({} as const);
  const inlineError = (name: 'category' | 'severity' | 'description') =>
    errors[name] ? (
      <FieldError id={inputId(name)}>
        <Msg id={fieldErrorKeys[name]} />
      </FieldError>
    ) : null;

  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []).map((file) => ({
      key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
      file,
      previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
    }));
    setFiles((current) => [...current, ...chosen]);
    event.target.value = '';
  };
  const removeFile = (key: string) => {
    setFiles((current) => {
      const gone = current.find((f) => f.key === key);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return current.filter((f) => f.key !== key);
    });
  };

  const onSubmit = handleSubmit(
    async (values) => {
      setSaveProblems([]);
      if (fileProblems.length > 0) {
        focusSummary();
        return;
      }
      try {
        const read = await Promise.all(
          files.map(async (f) => ({
            fileName: f.file.name,
            mimeType: f.file.type,
            bytes: new Uint8Array(await f.file.arrayBuffer()),
          })),
        );
        await engine.write(logComplaint, {
          customerId,
          category: values.category,
          severity: values.severity,
          description: values.description,
          productId: values.productId === '' ? null : values.productId,
          orderId: values.orderId === '' ? null : values.orderId,
          files: read,
        });
        onDone('saved');
      } catch (e) {
        setSaveProblems(
          e instanceof ComplaintInputError
            ? e.problems.map((p) => problemMessage(intl, p))
            : [
                intl.formatMessage({
                  id: e instanceof StorageFullError ? 'complaints.error.storage' : 'complaints.error.failed',
                }),
              ],
        );
        focusSummary();
      }
    },
    () => focusSummary(),
  );

  const showSummary =
    saveProblems.length > 0 || (submitCount > 0 && (fieldErrors.length > 0 || fileProblems.length > 0));

  return (
    <form className="complaint-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {showSummary ? (
        <ErrorSummary
          id={id}
          heading="h3"
          problems={[
            ...fieldErrors.map(([field, key]) => ({
              target: inputId(field),
              message: <Msg id={key} />,
              focus: () => setFocus(field),
            })),
            ...fileProblems.map((p) => ({
              key: `${p.code}-${'fileName' in p ? p.fileName : ''}`,
              target: inputId('files'),
              message: problemMessage(intl, p),
            })),
            ...saveProblems.map((message, i) => ({ key: `save-${String(i)}`, message })),
          ]}
        />
      ) : null}

      <div className="complaint-form__row">
        <div className="field">
          <Text
            as="label"
            htmlFor={inputId('category')}
            className="field__label"
            msg="complaints.field.category"
          />
          {inlineError('category')}
          <select
            id={inputId('category')}
            className="input"
            {...invalidProps('category')}
            {...register('category')}
          >
            {complaintCategories.map((c) => (
              <option key={c} value={c}>
                {intl.formatMessage({ id: `complaints.category.${c}` })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field complaint-form__severity" {...invalidProps('severity')}>
          <Text as="legend" className="field__label" msg="complaints.field.severity" />
          {inlineError('severity')}
          {complaintSeverities.map((s) => (
            <label key={s} className="complaint-form__radio">
              <input type="radio" value={s} {...register('severity')} /> <Msg id={`severity.${s}`} />
            </label>
          ))}
        </fieldset>
      </div>

      <div className="complaint-form__row">
        <div className="field">
          <Text
            as="label"
            htmlFor={inputId('productId')}
            className="field__label"
            msg="complaints.field.product"
          />
          <input
            type="search"
            className="input"
            aria-label={intl.formatMessage({ id: 'complaints.field.productSearch' })}
            placeholder={intl.formatMessage({ id: 'complaints.field.productSearch' })}
            value={productQuery}
            onChange={(e) => setProductQuery(e.target.value)}
          />
          <select id={inputId('productId')} className="input" {...register('productId')}>
            <option value="">{intl.formatMessage({ id: 'complaints.noProduct' })}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.reference} · {p.name}
              </option>
            ))}
          </select>
          <p className="muted" aria-live="polite">
            <Msg id="complaints.productMatches" values={{ count: products.length }} />
          </p>
        </div>
        <div className="field">
          <Text
            as="label"
            htmlFor={inputId('orderId')}
            className="field__label"
            msg="complaints.field.order"
          />
          <select id={inputId('orderId')} className="input" {...register('orderId')}>
            <option value="">{intl.formatMessage({ id: 'complaints.noOrder' })}</option>
            {(choices?.orders ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {intl.formatMessage(
                  { id: 'complaints.order' },
                  { number: o.number, date: intl.formatDate(o.orderedAt, { dateStyle: 'medium' }) },
                )}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="field field--wide">
        <Text
          as="label"
          htmlFor={inputId('description')}
          className="field__label"
          msg="complaints.field.description"
        />
        <Text
          as="p"
          id={`${inputId('description')}-hint`}
          className="muted"
          msg="complaints.field.descriptionHint"
        />
        {inlineError('description')}
        <textarea
          id={inputId('description')}
          className="input textarea"
          rows={4}
          {...invalidProps('description')}
          {...register('description')}
        />
      </div>

      <div className="field field--wide">
        <Text as="label" htmlFor={inputId('files')} className="field__label" msg="complaints.field.files" />
        {fileProblems.length > 0 ? (
          <ul className="field__error">
            {fileProblems.map((p) => (
              <li key={`${p.code}-${'fileName' in p ? p.fileName : ''}`}>{problemMessage(intl, p)}</li>
            ))}
          </ul>
        ) : null}
        <input
          id={inputId('files')}
          type="file"
          multiple
          className="input"
          aria-invalid={fileProblems.length > 0 ? true : undefined}
          onChange={addFiles}
        />
        {files.length > 0 ? (
          <ul className="complaint-files">
            {files.map((f) => (
              <li key={f.key} className="complaint-files__item">
                {f.previewUrl ? (
                  <img
                    className="complaint-files__preview"
                    src={f.previewUrl}
                    alt={intl.formatMessage({ id: 'complaints.file.preview' }, { name: f.file.name })}
                  />
                ) : null}
                <span className="complaint-files__name">{f.file.name}</span>{' '}
                <span className="muted">
                  <Msg id="complaints.file.size" values={{ size: Math.ceil(f.file.size / 1024) }} />
                </span>{' '}
                <button type="button" className="btn btn--small btn--ghost" onClick={() => removeFile(f.key)}>
                  <Msg id="complaints.file.remove" values={{ name: f.file.name }} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <FormActions
        submit={{
          label: <Msg id="complaints.save" />,
          saving: isSubmitting,
          savingLabel: <Msg id="complaints.saving" />,
        }}
        cancel={{ label: <Msg id="complaints.cancel" />, onCancel: () => onDone('cancelled') }}
      />
    </form>
  );
}
