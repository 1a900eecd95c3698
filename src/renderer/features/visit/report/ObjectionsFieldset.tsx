/** The objections met, each typed and marked lifted or not; added and removed one by one. */
import { useIntl } from 'react-intl';
import type { ReportForm } from '../../../../shared/domain/visit/index.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import type { Edit } from './parts.js';

export function ObjectionsFieldset({ form, edit }: { form: ReportForm; edit: Edit }) {
  const intl = useIntl();
  const change = (i: number, patch: Partial<ReportForm['objections'][number]>) =>
    form.objections.map((x, j) => (j === i ? { ...x, ...patch } : x));
  return (
    <fieldset className="visit-report__objections">
      <Text as="legend" msg="visit.report.objections" />
      {form.objections.length === 0 ? (
        <Text as="p" className="muted" msg="visit.report.noObjection" />
      ) : (
        <ol className="visit-report__objection-list">
          {form.objections.map((o, i) => {
            const n = i + 1;
            const inputId = `visit-report-objection-${String(i)}`;
            return (
              <li key={inputId} className="visit-report__objection">
                <label className="visually-hidden" htmlFor={inputId}>
                  <Msg id="visit.report.objectionText" values={{ n }} />
                </label>
                <input
                  id={inputId}
                  type="text"
                  maxLength={1_000}
                  value={o.text}
                  onChange={(e) => edit({ objections: change(i, { text: e.target.value }) })}
                />
                <label className="visit-report__choice">
                  <input
                    type="checkbox"
                    checked={o.lifted}
                    aria-label={intl.formatMessage({ id: 'visit.report.objectionLiftedFor' }, { n })}
                    onChange={(e) => edit({ objections: change(i, { lifted: e.target.checked }) }, 'now')}
                  />{' '}
                  <Text as="span" aria-hidden="true" msg="visit.report.objectionLifted" />
                </label>
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  aria-label={intl.formatMessage({ id: 'visit.report.objectionRemove' }, { n })}
                  onClick={() => edit({ objections: form.objections.filter((_, j) => j !== i) }, 'now')}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button
        id="visit-report-objection-add"
        type="button"
        className="btn btn--small"
        onClick={() => edit({ objections: [...form.objections, { text: '', lifted: false }] }, 'now')}
      >
        <Msg id="visit.report.objectionAdd" />
      </button>
    </fieldset>
  );
}
