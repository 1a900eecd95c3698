/**
 * The last screen of a visit: the report drafted from the steps, edited by the rep, then saved
 * with its outcome (and the follow-up appointment it plans) in one local transaction. The form
 * lives in the draft, so it is saved continuously and resumed after a reload like the steps.
 */
import {
  editReport,
  followUpPlanned,
  summaryOf,
  type ReportField,
  type ReportForm,
  type VisitDraft,
  type VisitFacts,
} from '../../../../shared/domain/visit/index.js';
import { useEffect } from 'react';
import { useApp } from '../../../app/context.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { ErrorSummary, describedBy } from '../../../ui/form/index.js';
import { VisitTaskNote } from '../../campaignTasks/index.js';
import type { UpdateDraft } from '../StepHelp.js';
import { VisitOrders } from '../stepHelp/price.js';
import { ObjectionsFieldset } from './ObjectionsFieldset.js';
import {
  FollowUpFieldset,
  FollowUpWantedField,
  MotivesFieldset,
  NoSaleReasonField,
  OutcomeFieldset,
  ReportField as ReportFieldRow,
  ReportTextArea,
} from './parts.js';
import { fieldIds, useReportSave } from './useReportSave.js';

interface Props {
  draft: VisitDraft;
  /** The orders and complaints of the visit, worded for the summary (undefined while loading). */
  facts: VisitFacts | undefined;
  update: UpdateDraft;
  /** Saves the report: resolves true when the visit ended (the draft is gone). */
  onEnd: (save: () => Promise<boolean>) => Promise<void>;
  onBackToSteps: () => void;
}

export function ReportPanel({ draft, facts, update, onEnd, onBackToSteps }: Props) {
  const { locale } = useApp();
  const { entries, overlapOnly, saving, summaryFocus, save, errorOf } = useReportSave(draft, onEnd);
  const form = draft.report;
  // The summary follows the orders and complaints as they load or change, until the rep edits it.
  const followed =
    form !== null && facts !== undefined && !form.summaryEdited
      ? summaryOf(form, draft.orderIds, locale, facts)
      : null;
  const behind = followed !== null && followed !== form?.summary;
  useEffect(() => {
    if (!behind) return;
    update(
      (d) =>
        d.report && !d.report.summaryEdited
          ? { ...d, report: { ...d.report, summary: summaryOf(d.report, d.orderIds, locale, facts) } }
          : d,
      'now',
    );
  }, [behind, update, locale, facts]);
  if (form === null) return null;

  const edit = (change: Partial<ReportForm>, when: 'debounced' | 'now' = 'debounced') =>
    update(
      (d) => (d.report ? { ...d, report: editReport(d.report, change, d.orderIds, locale, facts) } : d),
      when,
    );
  const errorText = (field: ReportField) => {
    const e = errorOf(field);
    return e ? <Msg id={e.key} values={e.values} /> : null;
  };
  const parts = { form, edit, errorText };
  const redraft = () =>
    update(
      (d) =>
        d.report
          ? {
              ...d,
              report: {
                ...d.report,
                summaryEdited: false,
                summary: summaryOf(d.report, d.orderIds, locale, facts),
              },
            }
          : d,
      'now',
    );

  return (
    <form
      className="visit-report edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <Text as="p" className="muted" msg="visit.report.intro" />
      <VisitTaskNote customerId={draft.customerId} />
      <ErrorSummary
        id="visit-report-errors"
        heading="h3"
        focusKey={summaryFocus}
        tone={overlapOnly ? 'warning' : 'danger'}
        title={<Msg id="visit.report.errorsTitle" />}
        problems={entries.map((e) => ({
          key: `${e.field}-${e.key}`,
          target: fieldIds[e.field],
          message: <Msg id={e.key} values={e.values} />,
        }))}
      >
        {overlapOnly ? (
          <button type="button" className="btn" onClick={() => void save(true)}>
            <Msg id="visit.report.saveAnyway" />
          </button>
        ) : null}
      </ErrorSummary>

      <OutcomeFieldset {...parts} orderCount={draft.orderIds.length} />
      {form.outcome === 'no-sale' ? <NoSaleReasonField {...parts} /> : null}
      <VisitOrders orderIds={draft.orderIds} />
      {form.outcome === 'order' ? <FollowUpWantedField form={form} edit={edit} /> : null}
      {followUpPlanned(form) ? <FollowUpFieldset {...parts} /> : null}

      <ReportTextArea {...parts} field="needs" label="visit.report.needs" rows={3} maxLength={20_000} />
      <MotivesFieldset form={form} edit={edit} />
      <ObjectionsFieldset form={form} edit={edit} />
      <ReportTextArea {...parts} field="offered" label="visit.report.offered" rows={3} maxLength={20_000} />

      <ReportFieldRow field="nextStep" label="visit.report.nextStep" errorText={errorText}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={2_000}
            value={form.nextStep}
            onChange={(e) => edit({ nextStep: e.target.value })}
          />
        )}
      </ReportFieldRow>

      <ReportFieldRow field="summary" label="visit.report.summary" errorText={errorText}>
        {(control) => (
          <>
            <textarea
              {...control}
              aria-describedby={describedBy(control.id, { hint: true, error: control['aria-invalid'] })}
              rows={6}
              maxLength={10_000}
              value={form.summary}
              onChange={(e) => edit({ summary: e.target.value })}
            />
            <p id={`${control.id}-hint`} className="visit-step__hint">
              {form.summaryEdited ? (
                <button type="button" className="btn btn--ghost btn--small" onClick={redraft}>
                  <Msg id="visit.report.redraft" />
                </button>
              ) : (
                <Msg id="visit.report.summaryFollows" />
              )}
            </p>
          </>
        )}
      </ReportFieldRow>

      <ReportTextArea {...parts} field="notes" label="visit.report.notes" rows={5} maxLength={40_000} />

      <div className="visit__stepnav">
        <button type="button" className="btn" onClick={onBackToSteps}>
          <span aria-hidden="true">← </span>
          <Msg id="visit.report.backToSteps" />
        </button>
        <button type="submit" className="btn btn--primary" disabled={saving}>
          <Msg id={saving ? 'visit.report.saving' : 'visit.report.save'} />
        </button>
      </div>
    </form>
  );
}
