import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  adjacentStep,
  goToStep,
  skipStep,
  stepState,
  visitSteps,
  type VisitDraft,
  type VisitStep,
} from '../../../shared/domain/visit/index.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useVisitContext } from './queries.js';
import { SaveQueue } from './saveQueue.js';
import { StepHelp, type UpdateDraft } from './StepHelp.js';
import { currentPlaybook, loadDraft, saveDraft } from './store.js';

/** `#/visit/<draftId>`: the guided visit, full window; saved continuously on this laptop. */
export function VisitScreen({ draftId }: { draftId: string }) {
  const { db } = useApp();
  const intl = useIntl();
  const [loaded, setLoaded] = useState<VisitDraft | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadDraft(db, draftId).then((draft) => {
      if (live) setLoaded(draft);
    });
    return () => {
      live = false;
    };
  }, [db, draftId]);

  if (loaded === undefined) {
    return (
      <section className="visit visit--loading">
        <SkeletonRows rows={8} label={intl.formatMessage({ id: 'visit.loading' })} />
      </section>
    );
  }
  if (loaded === null) {
    return (
      <section className="page" aria-labelledby="visit-missing-title">
        <h1 id="visit-missing-title" className="page__title">
          <Msg id="visit.titleFallback" />
        </h1>
        <EmptyState title={<Msg id="visit.notFoundTitle" />}>
          <p>
            <Msg id="visit.notFoundBody" />
          </p>
          <a className="btn" href={hrefFor({ name: 'agenda', view: 'day', day: null })}>
            <Msg id="visit.backToAgenda" />
          </a>
        </EmptyState>
      </section>
    );
  }
  return <VisitSession initial={loaded} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saved'; at: Date } | { kind: 'failed' };

function VisitSession({ initial }: { initial: VisitDraft }) {
  const { db, locale, user } = useApp();
  const intl = useIntl();
  const playbook = currentPlaybook();
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

  // Alt+←/→: previous/next step; Alt+1…7: a step by its number.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      let target: VisitStep | null = null;
      if (event.key === 'ArrowLeft') target = adjacentStep(draftRef.current.currentStep, -1);
      else if (event.key === 'ArrowRight') target = adjacentStep(draftRef.current.currentStep, 1);
      else {
        const match = /^Digit([1-7])$/.exec(event.code);
        if (match) target = visitSteps[Number(match[1]) - 1] ?? null;
        else return;
      }
      event.preventDefault();
      if (target !== null) goTo(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo]);

  // The step's heading takes the focus on every step change.
  useEffect(() => {
    headingRef.current?.focus();
  }, [draft.currentStep]);

  const step = draft.currentStep;
  const index = visitSteps.indexOf(step);
  const stepLabel = intl.formatMessage({ id: `visit.step.${step}` });
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
            <Msg
              id="visit.saved"
              values={{ time: intl.formatTime(saveState.at, { hour: '2-digit', minute: '2-digit' }) }}
            />
          ) : saveState.kind === 'failed' ? (
            <Msg id="visit.saveFailed" />
          ) : (
            <Msg id="visit.notSavedYet" />
          )}
        </p>
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
                  <span className="visit__step-label">
                    <Msg id={`visit.step.${s}`} />
                  </span>
                  {state === 'done' || state === 'skipped' ? (
                    <span className="visually-hidden">
                      {' ('}
                      <Msg id={`visit.state.${state}`} />)
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="visit__keys">
          <Msg id="visit.keys" />
        </p>
      </nav>

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
            disabled={next === null}
            aria-keyshortcuts="Alt+ArrowRight"
            onClick={() => next && goTo(next)}
          >
            <Msg id="visit.next" />
            <span aria-hidden="true"> →</span>
          </button>
        </div>
      </section>

      <aside className="visit__notes" aria-labelledby="visit-notes-title">
        <h2 id="visit-notes-title" className="section-title">
          <Msg id="visit.notesRegion" />
        </h2>
        <label className="field__label" htmlFor={`visit-notes-${step}`}>
          <Msg id="visit.notesFor" values={{ step: stepLabel }} />
        </label>
        <textarea
          id={`visit-notes-${step}`}
          className="visit__notes-input"
          value={draft.notes[step] ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            update((d) => ({ ...d, notes: { ...d.notes, [step]: value } }));
          }}
        />
      </aside>
    </div>
  );
}
