/**
 * Saving the report: the form checked first (its problems listed), then the visit logged with
 * its follow-up in one local transaction; the agenda's refusals map onto the follow-up fields.
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AppointmentProblem } from '../../../../shared/domain/appointment/check.js';
import {
  checkReport,
  type ReportField,
  type ReportProblem,
  type VisitDraft,
} from '../../../../shared/domain/visit/index.js';
import { instantOn } from '../../../../shared/lib/calendar.js';
import { missingCaseError } from '../../../../shared/lib/result.js';
import { useApp } from '../../../app/context.js';
import type { MessageKey } from '../../../i18n/index.js';
import { StorageFullError } from '../../../sync/storage.js';
import { AppointmentCheckError } from '../../agenda/index.js';
import { logVisit } from '../endVisit.js';

export type Entry = { field: ReportField; key: MessageKey; values?: Record<string, string | number> };

/** The input each field's error points to (the summary's links focus it). */
export const fieldIds: Record<ReportField, string> = {
  outcome: 'visit-report-outcome-order',
  noSaleReason: 'visit-report-reason',
  followUpDate: 'visit-report-fu-date',
  followUpTime: 'visit-report-fu-time',
  followUpMinutes: 'visit-report-fu-minutes',
  objections: 'visit-report-objection-add',
  needs: 'visit-report-needs',
  offered: 'visit-report-offered',
  nextStep: 'visit-report-next',
  summary: 'visit-report-summary',
  notes: 'visit-report-notes',
};

function appointmentEntry(p: AppointmentProblem): Entry | null {
  switch (p.code) {
    case 'start-in-past':
      return { field: 'followUpDate', key: 'agenda.error.start-in-past' };
    case 'duration-not-positive':
      return { field: 'followUpMinutes', key: 'agenda.error.duration-not-positive' };
    case 'duration-too-short':
      return { field: 'followUpMinutes', key: 'agenda.error.duration-too-short', values: { min: p.min } };
    case 'duration-too-long':
      return { field: 'followUpMinutes', key: 'agenda.error.duration-too-long', values: { max: p.max } };
    case 'overlap':
      return { field: 'followUpTime', key: 'visit.report.overlap' };
    case 'travel-too-short':
      return null;
    default:
      throw missingCaseError(p);
  }
}

export function useReportSave(draft: VisitDraft, onEnd: (save: () => Promise<boolean>) => Promise<void>) {
  const { engine } = useApp();
  const intl = useIntl();
  const timeZone = intl.timeZone ?? 'Europe/Paris';
  const [entries, setEntries] = useState<Entry[]>([]);
  const [overlapOnly, setOverlapOnly] = useState(false);
  const [saving, setSaving] = useState(false);
  // Bumped by each refused save: the summary takes the focus.
  const [summaryFocus, setSummaryFocus] = useState(0);
  const focusSummary = () => setSummaryFocus((n) => n + 1);

  const save = async (confirmOverlap: boolean) => {
    const form = draft.report;
    if (form === null) return;
    const checked = checkReport(form, draft.orderIds, (day, time) => instantOn(day, time, timeZone));
    if (!checked.ok) {
      setEntries(
        checked.problems.map((p: ReportProblem) => ({ field: p.field, key: `visit.report.error.${p.code}` })),
      );
      setOverlapOnly(false);
      focusSummary();
      return;
    }
    setEntries([]);
    setSaving(true);
    await onEnd(async () => {
      try {
        await engine.write(
          logVisit,
          {
            draft,
            report: checked.report,
            followUp: checked.followUp ? { ...checked.followUp, contactId: null } : undefined,
          },
          { timeZone, confirmOverlap },
        );
        return true;
      } catch (error) {
        if (error instanceof AppointmentCheckError) {
          setEntries(error.problems.map(appointmentEntry).filter((e) => e !== null));
          setOverlapOnly(error.problems.every((p) => p.severity !== 'block'));
        } else {
          console.error('Visit report not saved', error);
          setEntries([
            {
              field: 'summary',
              key: error instanceof StorageFullError ? 'error.storage-full' : 'visit.report.error.storage',
            },
          ]);
        }
        focusSummary();
        return false;
      } finally {
        setSaving(false);
      }
    });
  };

  return {
    entries,
    overlapOnly,
    saving,
    summaryFocus,
    save,
    errorOf: (field: ReportField) => entries.find((e) => e.field === field),
  };
}
