import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  adjacentStep,
  goToStep,
  openReport,
  skipStep,
  stepState,
  visitSteps,
  type VisitDraft,
  type VisitStep,
} from '../../../shared/domain/visit/index.js';
import type { Playbook } from '../../../shared/domain/playbook/index.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { formatClock } from '../../i18n/format.js';
import { LoadingScreen, NotFoundScreen } from '../../ui/ScreenState.js';
import { useCurrentPlaybook, useVisitContext } from './queries.js';
import { SaveQueue } from './saveQueue.js';
import { LogComplaintDialog } from '../complaints/index.js';
import { ReportPanel } from './ReportPanel.js';
import { StepHelp, type UpdateDraft } from './StepHelp.js';
import { loadDraft, saveDraft } from './store.js';
import { useVisitFacts } from './visitFacts.js';

/** `#/visit/<draftId>`: the guided visit, full window; saved continuously on this laptop. */
export function VisitScreen({ draftId }: { draftId: string }) {
  const { db } = useApp();
  const intl = useIntl();
  const [loaded, setLoaded] = useState<VisitDraft | null | undefined>(undefined);
  const playbook = useCurrentPlaybook(db);
  useEffect(() => {
    let live = true;
    void loadDraft(db, draftId).then((draft) => {
      if (live) setLoaded(draft);
    });
    return () => {
      live = false;
    };
  }, [db, draftId]);

  if (loaded === undefined || playbook === undefined) {
    return (
      <LoadingScreen
        className="visit visit--loading"
        rows={8}
        label={intl.formatMessage({ id: 'visit.loading' })}
      />
    );
  }
  if (loaded === null) {
    return (
      <NotFoundScreen
        titleId="visit-missing-title"
        pageTitle={<Msg id="visit.titleFallback" />}
        title={<Msg id="visit.notFoundTitle" />}
        body={<Msg id="visit.notFoundBody" />}
        back={
          <a className="btn" href={hrefFor({ name: 'agenda', view: 'day', day: null })}>
            <Msg id="visit.backToAgenda" />
          </a>
        }
      />
    );
  }
  return <VisitSession initial={loaded} playbook={playbook} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saved'; at: Date } | { kind: 'failed' };

function VisitSession({ initial, playbook }: { initial: VisitDraft; playbook: Playbook }) {
  const { db, locale, user } = useApp();
  const intl = useIntl();
  const [draft, setDraft] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const draftRef = useRef(initial);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [queue] = useState(
    () =>
      new SaveQueue<VisitDraft>({
        write: (d) => saveDraft(db, d),
        onSaved: () => setSaveState({ kind: 'saved', at: new Date() }),
        onError: (error) => {
          console.error('Visit draft not saved', error);
          setSaveState({ kind: 'failed' });
        },
      }),
  );
  const context = useVisitContext(db, initial.customerId, initial.appointmentId);

  /** Applies a change in memory at once; saves it after a pause in typing, or now. */
  const update: UpdateDraft = useCallback(
    (change, when = 'debounced') => {
      const next = { ...change(draftRef.current), updatedAt: new Date().toISOString() };
      draftRef.current = next;
      setDraft(next);
      if (when === 'now') void queue.flush(next);
      else queue.schedule(next);
    },
    [queue],
  );

  const goTo = useCallback((step: VisitStep) => update((d) => goToStep(d, step), 'now'), [update]);
  const facts = useVisitFacts(draft);
  const toReport = useCallback(
    () => update((d) => openReport(d, playbook, locale, facts), 'now'),
    [update, playbook, locale, facts],
  );
  const [ended, setEnded] = useState(false);
  const [loggingComplaint, setLoggingComplaint] = useState(false);
  const [complaintLogged, setComplaintLogged] = useState(false);

  /** Ends the visit: nothing more is written to the draft while the report is being saved. */
  const ending = useRef(false);
  const end = useCallback(
    async (save: () => Promise<boolean>) => {
      // One end at a time: a second click while saving does nothing.
      if (ending.current) return;
      ending.current = true;
      try {
        await queue.close();
        if (await save()) {
          setEnded(true);
          window.location.hash = draftRef.current.returnTo;
        } else {
          queue.reopen();
          void queue.flush(draftRef.current);
        }
      } finally {
        ending.current = false;
      }
    },
    [queue],
  );

  // Save at once when the window is hidden, the page goes away or the screen is left.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void queue.flush();
    };
    const onPageHide = () => void queue.flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      void queue.flush();
    };
  }, [queue]);

  // Alt+←/→: previous/next step; Alt+1…7: a step by its number. Listening from the commit that
  // shows the step (a layout effect), so a key pressed as soon as the step is on screen is heard.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      let target: VisitStep | null = null;
      const current = draftRef.current;
      if (event.key === 'ArrowLeft')
        target = current.reporting ? current.currentStep : adjacentStep(current.currentStep, -1);
      else if (event.key === 'ArrowRight') {
        if (current.reporting) return;
        target = adjacentStep(current.currentStep, 1);
        if (target === null) {
          event.preventDefault();
          toReport();
          return;
        }
      } else if (event.code === 'Digit8') {
        event.preventDefault();
        toReport();
        return;
      } else {
        const match = /^Digit([1-7])$/.exec(event.code);
        if (match) target = visitSteps[Number(match[1]) - 1] ?? null;
        else return;
      }
      event.preventDefault();
      if (target !== null) goTo(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, toReport]);

  // The step's heading takes the focus on every step change.
  useEffect(() => {
    headingRef.current?.focus();
  }, [draft.currentStep, draft.reporting]);

  const step = draft.currentStep;
  const index = visitSteps.indexOf(step);
  const stepLabel = intl.formatMessage({ id: `visit.step.${step}` });
  const reporting = draft.reporting && draft.report !== null;
  const previous = adjacentStep(step, -1);
  const next = adjacentStep(step, 1);
  const customerName = context?.customer?.name;

  return (
    <div className="visit" onBlur={() => void queue.flush()}>
      <header className="visit__header">
        <h1 className="visit__title">
          {customerName !== undefined ? (
            <Msg id="visit.title" values={{ name: customerName }} />
          ) : (
            <Msg id="visit.titleFallback" />
          )}
        </h1>
        <p className="visit__saved" role="status" data-save-state={saveState.kind}>
          {saveState.kind === 'saved' ? (
            <Msg id="visit.saved" values={{ time: formatClock(intl, saveState.at) }} />
          ) : saveState.kind === 'failed' ? (
            <Msg id="visit.saveFailed" />
          ) : (
            <Msg id="visit.notSavedYet" />
          )}
        </p>
        <p className="muted visit__notice" role="status">
          {complaintLogged ? <Msg id="complaints.saved" /> : null}
        </p>
        <button type="button" className="btn" onClick={() => setLoggingComplaint(true)}>
          <Msg id="complaints.log" />
        </button>
        <LogComplaintDialog
          customerId={draft.customerId}
          isOpen={loggingComplaint}
          onClose={(outcome) => {
            setLoggingComplaint(false);
            setComplaintLogged(outcome === 'saved');
          }}
        />
        {reporting ? null : (
          <button type="button" className="btn" onClick={toReport}>
            <Msg id="visit.end" />
          </button>
        )}
        <a
          className="btn"
          href={draft.returnTo}
          onClick={() => {
            void queue.flush(draftRef.current);
          }}
        >
          <Msg id="visit.leave" />
        </a>
      </header>

      <nav className="visit__rail" aria-label={intl.formatMessage({ id: 'visit.steps' })}>
        <ol>
          {visitSteps.map((s, i) => {
            const state = stepState(draft, s);
            return (
              <li key={s}>
                <button
                  type="button"
                  className={`visit__step visit__step--${state}`}
                  aria-current={state === 'current' ? 'step' : undefined}
                  aria-keyshortcuts={`Alt+${String(i + 1)}`}
                  onClick={() => goTo(s)}
                >
                  <span className="visit__step-number" aria-hidden="true">
                    {state === 'done' ? '✓' : state === 'skipped' ? '–' : String(i + 1)}
                  </span>
                  <span className="visit__step-text">
                    <span className="visit__step-label">
                      <Msg id={`visit.step.${s}`} />
                    </span>
                    {state === 'done' || state === 'skipped' ? (
                      <span className="visit__step-state">
                        <span className="visually-hidden"> (</span>
                        <Msg id={`visit.state.${state}`} />
                        <span className="visually-hidden">)</span>
                      </span>
                    ) : null}
                  </span>
                </button>
              </li>
            );
          })}
          <li>
            <button
              type="button"
              className={`visit__step visit__step--${reporting ? 'current' : draft.report !== null ? 'done' : 'todo'}`}
              aria-current={reporting ? 'step' : undefined}
              aria-keyshortcuts="Alt+8"
              onClick={toReport}
            >
              <span className="visit__step-number" aria-hidden="true">
                8
              </span>
              <Text as="span" className="visit__step-label" msg="visit.step.report" />
            </button>
          </li>
        </ol>
        <Text as="p" className="visit__keys" msg="visit.keys" />
      </nav>

      {ended ? (
        <section className="visit__help" aria-labelledby="visit-step-title">
          <Text
            as="h2"
            id="visit-step-title"
            className="visit__step-title"
            tabIndex={-1}
            msg="visit.report.savedTitle"
          />
          <Text as="p" role="status" msg="visit.report.savedBody" />
        </section>
      ) : reporting ? (
        <section className="visit__help visit__help--report" aria-labelledby="visit-step-title">
          <Text
            as="h2"
            id="visit-step-title"
            className="visit__step-title"
            tabIndex={-1}
            ref={headingRef}
            msg="visit.step.report"
          />
          <ReportPanel
            draft={draft}
            facts={facts}
            update={update}
            onEnd={end}
            onBackToSteps={() => goTo(draft.currentStep)}
          />
        </section>
      ) : (
        <section className="visit__help" aria-labelledby="visit-step-title">
          <p className="visit__step-of">
            <Msg id="visit.stepOf" values={{ n: index + 1, total: visitSteps.length }} />
          </p>
          <h2 id="visit-step-title" className="visit__step-title" tabIndex={-1} ref={headingRef}>
            {stepLabel}
          </h2>
          <StepHelp
            step={step}
            draft={draft}
            update={update}
            playbook={playbook}
            context={context}
            locale={locale}
            maxDiscountBp={user.maxDiscountBp ?? null}
          />
          <div className="visit__stepnav">
            <button
              type="button"
              className="btn"
              disabled={previous === null}
              aria-keyshortcuts="Alt+ArrowLeft"
              onClick={() => previous && goTo(previous)}
            >
              <span aria-hidden="true">← </span>
              <Msg id="visit.previous" />
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => update(skipStep, 'now')}>
              <Msg id="visit.skip" />
            </button>
            <button
              type="button"
              className="btn btn--primary"
              aria-keyshortcuts="Alt+ArrowRight"
              onClick={() => (next ? goTo(next) : toReport())}
            >
              <Msg id={next ? 'visit.next' : 'visit.end'} />
              <span aria-hidden="true"> →</span>
            </button>
          </div>
        </section>
      )}

      {reporting || ended ? null : (
        <aside className="visit__notes" aria-labelledby="visit-notes-title">
          <Text as="h2" id="visit-notes-title" className="section-title" msg="visit.notesRegion" />
          <label className="field__label" htmlFor={`visit-notes-${step}`}>
            <Msg id="visit.notesFor" values={{ step: stepLabel }} />
          </label>
          <textarea
            id={`visit-notes-${step}`}
            maxLength={20_000}
            className="visit__notes-input"
            value={draft.notes[step] ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              update((d) => ({ ...d, notes: { ...d.notes, [step]: value } }));
            }}
          />
        </aside>
      )}
    </div>
  );
}
