/**
 * Turning customers into a campaign (target → personalise): the customers come from where the
 * manager was (a segment, a migration cell, the churn-risk list); here they give the campaign
 * its name, objective, offer (text, product family, discount), channel, period and the share
 * held out as a control group, with the size of both groups shown as the share is typed.
 * Checked as head office checks it (`campaignProblem`), the error said at its field; head
 * office's refusal too. Sent once with a client id: a second click or a retry creates nothing
 * more. On success the campaign's page opens.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useIntl } from 'react-intl';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { CampaignSource } from '../../../shared/domain/campaign/campaign.js';
import {
  MAX_CONTROL_PERCENT,
  campaignChannels,
  campaignProblem,
  controlSize,
} from '../../../shared/domain/campaign/campaign.js';
import { addDays, todayIn } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { navigate } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { ErrorText } from '../../i18n/errorText.js';
import { callHeadOffice, type Failure } from '../../lib/headOffice.js';
import { DatePicker, Field, FormActions, FormDialog } from '../../ui/form/index.js';
import { useNow } from '../../ui/useNow.js';
import { FailureText } from '../review/index.js';

/** The customers a campaign is made from, and where they came from. */
export interface CampaignTarget {
  source: CampaignSource;
  /** The source in words (kept with the campaign and shown on its page). */
  label: string;
  customerIds: readonly string[];
}

type FieldName =
  'name' | 'objective' | 'offer' | 'family' | 'discount' | 'channel' | 'from' | 'to' | 'control';

function formSchema(today: string, customers: number) {
  return z
    .object({
      name: z.string().trim().max(120),
      objective: z.string().trim().max(1_000),
      offer: z.string().trim().max(1_000),
      family: z.string().trim().max(100),
      discount: z.string().trim(),
      channel: z.enum(campaignChannels),
      from: z.string(),
      to: z.string(),
      control: z.number(),
    })
    .superRefine((v, ctx) => {
      const issue = (path: FieldName, message: MessageKey) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.name === '') issue('name', 'campaigns.error.name');
      if (v.objective === '') issue('objective', 'campaigns.error.objective');
      if (v.discount !== '') {
        const d = Number(v.discount.replace(',', '.'));
        if (!Number.isFinite(d) || d <= 0 || d > 100) issue('discount', 'campaigns.error.discount');
      }
      const day = /^\d{4}-\d{2}-\d{2}$/;
      if (!day.test(v.from)) issue('from', 'campaigns.error.day');
      if (!day.test(v.to)) issue('to', 'campaigns.error.day');
      // Each field said on its own (head office stops at the first problem).
      const held = campaignProblem({ customerIds: ['x'], controlPercent: v.control, from: '', to: '' }, '');
      if (!Number.isInteger(v.control) || held !== null)
        issue('control', 'server.campaign.controlOutOfRange');
      if (customers === 0) issue('name', 'server.campaign.noCustomer');
      if (!day.test(v.from) || !day.test(v.to)) return;
      const period = campaignProblem(
        { customerIds: ['x'], controlPercent: 0, from: v.from, to: v.to },
        today,
      );
      if (period !== null) issue('to', `server.${period.key}`);
    });
}
type FormValues = z.infer<ReturnType<typeof formSchema>>;

/** Parameters of the messages the form may say. */
const messageValues = { max: MAX_CONTROL_PERCENT, days: 366 };

export function CampaignDialog({
  target,
  defaultName,
  onDismiss,
}: {
  target: CampaignTarget;
  defaultName: string;
  onDismiss: () => void;
}) {
  return (
    <FormDialog isOpen title={<Msg id="campaigns.new.title" />} onDismiss={onDismiss} wide>
      <CampaignForm target={target} defaultName={defaultName} onCancel={onDismiss} />
    </FormDialog>
  );
}

export function CampaignForm({
  target,
  defaultName,
  onCancel,
}: {
  target: CampaignTarget;
  defaultName: string;
  onCancel: () => void;
}) {
  const { db, platform, user } = useApp();
  const intl = useIntl();
  const id = useId();
  const now = useNow(60_000);
  const today = todayIn(user.timeZone, now);
  const customers = new Set(target.customerIds).size;
  const schema = useMemo(() => formSchema(today, customers), [today, customers]);
  const families = useLiveQuery(
    async () =>
      [...new Set((await db.products.toArray()).map((p) => p.family))].sort((a, b) =>
        a.localeCompare(b, intl.locale),
      ),
    [db, intl.locale],
  );
  // One id per form: sending again (a double click, a retry after a lost answer) creates one campaign.
  const [campaignId] = useState(() => uuidv7());
  const [refusal, setRefusal] = useState<Failure | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: defaultName,
      objective: '',
      offer: '',
      family: '',
      discount: '',
      channel: 'visit',
      from: today,
      to: addDays(today, 30),
      control: 20,
    },
  });
  const share = useWatch({ control, name: 'control' });
  const held =
    Number.isInteger(share) && share >= 0 && share <= MAX_CONTROL_PERCENT
      ? controlSize(customers, share)
      : null;

  const refusedField = (): FieldName | null => {
    if (refusal?.kind !== 'refused') return null;
    const field = refusal.error.field;
    if (field === 'controlPercent') return 'control';
    if (field === 'discountPercent') return 'discount';
    if (field === 'customerIds') return null;
    return field !== undefined && field in errorsShape ? (field as FieldName) : null;
  };
  const errorOf = (name: FieldName) => {
    const message = errors[name]?.message;
    if (message !== undefined) return <Msg id={message as MessageKey} values={messageValues} />;
    if (refusal?.kind === 'refused' && refusedField() === name) return <ErrorText error={refusal.error} />;
    return null;
  };

  const submit = handleSubmit(async (values) => {
    setRefusal(null);
    const called = await callHeadOffice(platform, 'campaign-create', {
      id: campaignId,
      name: values.name,
      objective: values.objective,
      offer: values.offer,
      family: values.family === '' ? null : values.family,
      discountPercent: values.discount === '' ? null : Number(values.discount.replace(',', '.')),
      channel: values.channel,
      from: values.from,
      to: values.to,
      controlPercent: values.control,
      source: target.source,
      sourceLabel: target.label,
      customerIds: [...new Set(target.customerIds)],
    });
    if (called.ok) navigate({ name: 'campaign', id: called.value.id });
    else setRefusal(called.failure);
  });
  const elsewhere = refusal !== null && refusedField() === null ? refusal : null;

  return (
    <form className="edit-form campaign-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="field--wide campaign-form__target">
        <Text as="strong" msg="campaigns.new.target" values={{ count: customers }} />{' '}
        <span className="muted">{target.label}</span>
      </p>
      <Field
        id={`${id}-name`}
        label={<Msg id="campaigns.field.name" />}
        error={errorOf('name')}
        className="field--wide"
      >
        {(c) => <input {...c} className="input" {...register('name')} />}
      </Field>
      <Field
        id={`${id}-objective`}
        label={<Msg id="campaigns.field.objective" />}
        hint={<Msg id="campaigns.field.objectiveHint" />}
        error={errorOf('objective')}
        className="field--wide"
      >
        {(c) => <textarea {...c} className="input" rows={2} {...register('objective')} />}
      </Field>
      <Field
        id={`${id}-offer`}
        label={<Msg id="campaigns.field.offer" />}
        hint={<Msg id="campaigns.field.offerHint" />}
        error={errorOf('offer')}
        className="field--wide"
      >
        {(c) => <input {...c} className="input" {...register('offer')} />}
      </Field>
      <Field id={`${id}-family`} label={<Msg id="campaigns.field.family" />} error={errorOf('family')}>
        {(c) => (
          <>
            <input {...c} className="input" list={`${id}-families`} {...register('family')} />
            <datalist id={`${id}-families`}>
              {(families ?? []).map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id={`${id}-discount`} label={<Msg id="campaigns.field.discount" />} error={errorOf('discount')}>
        {(c) => <input {...c} className="input" inputMode="decimal" {...register('discount')} />}
      </Field>
      <Field id={`${id}-channel`} label={<Msg id="campaigns.field.channel" />}>
        {(c) => (
          <select {...c} className="input" {...register('channel')}>
            {campaignChannels.map((ch) => (
              <option key={ch} value={ch}>
                {intl.formatMessage({ id: `campaigns.channel.${ch}` })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-from`} label={<Msg id="campaigns.field.from" />} error={errorOf('from')}>
        {(c) => (
          <Controller
            control={control}
            name="from"
            render={({ field }) => (
              <DatePicker
                control={c}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
        )}
      </Field>
      <Field id={`${id}-to`} label={<Msg id="campaigns.field.to" />} error={errorOf('to')}>
        {(c) => (
          <Controller
            control={control}
            name="to"
            render={({ field }) => (
              <DatePicker
                control={c}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                min={today}
              />
            )}
          />
        )}
      </Field>
      <Field
        id={`${id}-control`}
        label={<Msg id="campaigns.field.control" />}
        hint={
          held === null ? (
            <Msg id="campaigns.field.controlHint" />
          ) : (
            <Msg id="campaigns.field.controlSplit" values={{ held, targeted: customers - held }} />
          )
        }
        error={errorOf('control')}
      >
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_CONTROL_PERCENT}
            step={1}
            className="input"
            {...register('control', { valueAsNumber: true })}
          />
        )}
      </Field>
      <FormActions
        error={elsewhere === null ? null : <FailureText failure={elsewhere} />}
        submit={{ label: <Msg id="campaigns.new.create" />, saving: isSubmitting }}
        cancel={{ label: <Msg id="campaigns.new.cancel" />, onCancel }}
      />
    </form>
  );
}

const errorsShape: Record<FieldName, true> = {
  name: true,
  objective: true,
  offer: true,
  family: true,
  discount: true,
  channel: true,
  from: true,
  to: true,
  control: true,
};
