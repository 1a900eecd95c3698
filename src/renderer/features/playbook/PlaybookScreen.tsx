/**
 * `#/playbook` (admins): head office's sales playbook, edited section by section and saved as a
 * new version that every laptop pulls. Works online only: it reads and saves at head office.
 * A save over a version someone else replaced meanwhile is refused and offers to reload.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useIntl } from 'react-intl';
import type { PlaybookState } from '../../../shared/contract/playbook.js';
import type { PlaybookContent } from '../../../shared/domain/playbook/index.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Banner } from '../../ui/Banner.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ErrorText } from '../../i18n/errorText.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { Page } from '../../ui/PageHeader.js';
import { useSyncStatus } from '../sync/index.js';
import { formPathOf, playbookResolver, toForm, type PlaybookForm } from './form.js';
import { callHeadOffice, type Failure } from '../../lib/headOffice.js';
import { ErrorSummary, FormControl, IdPrefix, PlaybookSections, fieldIdOf } from './sections.js';

type Loaded =
  { state: 'loading' } | { state: 'ready'; value: PlaybookState } | { state: 'failed'; failure: Failure };

export function PlaybookScreen() {
  const { platform, engine } = useApp();
  const intl = useIntl();
  const status = useSyncStatus(engine);
  const online = status.state !== 'offline';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const shouldLoad = online && loaded.state === 'loading';

  useEffect(() => {
    if (!shouldLoad) return undefined;
    let live = true;
    void callHeadOffice(platform, 'playbook-get', {}).then((called) => {
      if (!live) return;
      setLoaded(
        called.ok ? { state: 'ready', value: called.value } : { state: 'failed', failure: called.failure },
      );
    });
    return () => {
      live = false;
    };
  }, [platform, shouldLoad, attempt]);

  const reload = () => {
    setSavedVersion(null);
    setLoaded({ state: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <Page titleId="playbook-title" title={<Msg id="playbook.title" />} className="page--playbook">
      <Text as="p" className="hint muted playbook__intro" msg="playbook.intro" />
      {loaded.state !== 'ready' && !online ? (
        <EmptyState title={<Msg id="playbook.offlineTitle" />}>
          <Text as="p" msg="playbook.offlineBody" />
        </EmptyState>
      ) : loaded.state === 'loading' ? (
        <SkeletonRows rows={8} label={intl.formatMessage({ id: 'playbook.loading' })} />
      ) : loaded.state === 'failed' ? (
        <Banner tone="danger" urgent>
          <p>
            <Msg id="playbook.loadFailed" /> <FailureText failure={loaded.failure} />
          </p>
          <button type="button" className="btn btn--small" onClick={reload}>
            <Msg id="playbook.retry" />
          </button>
        </Banner>
      ) : (
        <PlaybookEditor
          key={loaded.value.playbook.version}
          state={loaded.value}
          online={online}
          savedVersion={savedVersion}
          onSaved={(next) => {
            setSavedVersion(next.playbook.version);
            setLoaded({ state: 'ready', value: next });
          }}
          onReload={(current) => {
            setSavedVersion(null);
            if (current === null) reload();
            else setLoaded({ state: 'ready', value: current });
          }}
        />
      )}
    </Page>
  );
}

/** What went wrong, in the user's language. */
function FailureText({ failure }: { failure: Failure }) {
  switch (failure.kind) {
    case 'network':
      return <Msg id="playbook.network" />;
    case 'unexpected':
      return <Msg id="error.unexpected" />;
    case 'refused':
      return <ErrorText error={failure.error} />;
  }
}

/** The refusal of a save over a version someone else replaced: who, when, and the way out. */
type Conflict = { current: PlaybookState | null; base: number };

function PlaybookEditor({
  state,
  online,
  savedVersion,
  onSaved,
  onReload,
}: {
  state: PlaybookState;
  online: boolean;
  savedVersion: number | null;
  onSaved: (next: PlaybookState) => void;
  onReload: (current: PlaybookState | null) => void;
}) {
  const { platform } = useApp();
  const intl = useIntl();
  const prefix = useId();
  const conflictRef = useRef<HTMLDivElement>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [defaults] = useState(() => toForm(state.playbook));
  const methods = useForm<PlaybookForm, unknown, PlaybookContent>({
    resolver: playbookResolver,
    defaultValues: defaults,
    // The summary of problems takes the focus instead, each problem a link to its field.
    shouldFocusError: false,
  });
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { isDirty, isSubmitting, errors, submitCount },
  } = methods;
  useUnsavedChangesGuard(isDirty, intl.formatMessage({ id: 'playbook.leaveConfirm' }));

  useEffect(() => {
    if (conflict !== null) conflictRef.current?.focus();
  }, [conflict]);

  const onSubmit = handleSubmit(async (content) => {
    setFailure(null);
    setConflict(null);
    const base = state.playbook.version;
    const called = await callHeadOffice(platform, 'playbook-save', {
      baseVersion: base,
      document: content,
    });
    if (called.ok) {
      onSaved(called.value);
      return;
    }
    const refusal = called.failure;
    if (refusal.kind === 'refused' && refusal.error.code === 'conflict') {
      const current = await callHeadOffice(platform, 'playbook-get', {});
      setConflict({ current: current.ok ? current.value : null, base });
      return;
    }
    const field = refusal.kind === 'refused' ? refusal.error.field : undefined;
    if (
      refusal.kind === 'refused' &&
      refusal.error.code === 'bad-request' &&
      field?.startsWith('document.')
    ) {
      const path = field
        .split('.')
        .slice(1)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      setError(formPathOf(path, content) as Parameters<typeof setError>[0], {
        type: 'server',
        message: 'playbook.error.invalid',
      });
    }
    setFailure(refusal);
  });

  const versionDate = intl.formatDate(state.playbook.updatedAt, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <IdPrefix.Provider value={prefix}>
      <FormControl.Provider value={control}>
        <form
          className="playbook"
          noValidate
          aria-labelledby="playbook-title"
          onSubmit={(e) => void onSubmit(e)}
        >
          <div className="card playbook__status">
            <p className="playbook__version">
              {state.savedBy !== null ? (
                <Msg
                  id="playbook.version.saved"
                  values={{ version: state.playbook.version, name: state.savedBy.name, date: versionDate }}
                />
              ) : (
                <Msg id="playbook.version.builtIn" values={{ version: state.playbook.version }} />
              )}
            </p>
            <p role="status" className="playbook__notice">
              {savedVersion !== null && !isDirty ? (
                <Msg id="playbook.savedNotice" values={{ version: savedVersion }} />
              ) : null}
            </p>
          </div>

          {!online ? (
            <Banner tone="warning">
              <Msg id="playbook.offlineEditing" />
            </Banner>
          ) : null}

          {conflict !== null ? (
            <div ref={conflictRef} tabIndex={-1} className="playbook__conflict">
              <Banner tone="danger" urgent>
                <p>
                  {conflict.current !== null && conflict.current.savedBy !== null ? (
                    <Msg
                      id="playbook.conflict"
                      values={{
                        name: conflict.current.savedBy.name,
                        version: conflict.current.playbook.version,
                        date: intl.formatDate(conflict.current.playbook.updatedAt, {
                          dateStyle: 'long',
                          timeStyle: 'short',
                        }),
                        base: conflict.base,
                      }}
                    />
                  ) : (
                    <Msg id="playbook.conflictUnknown" />
                  )}
                </p>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => {
                    // Reloading replaces the form: nothing left to guard.
                    reset(defaults);
                    onReload(conflict.current);
                  }}
                >
                  <Msg id="playbook.reload" />
                </button>
              </Banner>
            </div>
          ) : null}

          {failure !== null ? (
            <Banner tone="danger" urgent>
              <p>
                <Msg id="playbook.saveFailed" /> <FailureText failure={failure} />
              </p>
            </Banner>
          ) : null}

          {/* GOV.UK pattern: after a save the form refused, the summary of problems takes the focus. */}
          {submitCount > 0 ? <ErrorSummary errors={errors} focusKey={submitCount} /> : null}

          <PlaybookSections />

          <div className="playbook__actions">
            <p className="playbook__dirty hint" aria-live="polite">
              <Msg id={isDirty ? 'playbook.unsaved' : 'playbook.noChanges'} />
            </p>
            <button
              type="button"
              className="btn"
              disabled={!isDirty || isSubmitting}
              onClick={() => {
                if (window.confirm(intl.formatMessage({ id: 'playbook.discardConfirm' }))) {
                  reset(defaults);
                  document.getElementById(fieldIdOf(prefix, 'openingReminders'))?.focus();
                }
              }}
            >
              <Msg id="playbook.discard" />
            </button>
            <button type="submit" className="btn btn--primary" disabled={!online || isSubmitting}>
              <Msg id={isSubmitting ? 'playbook.saving' : 'playbook.save'} />
            </button>
          </div>
        </form>
      </FormControl.Provider>
    </IdPrefix.Provider>
  );
}

/** The Navigation API (Chromium, so Electron), declared here: TypeScript's DOM types lack it. */
interface NavigateEventLike extends Event {
  readonly hashChange: boolean;
}
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void;
  removeEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void;
}

/**
 * While there are unsaved changes: closing or reloading the window asks first, and so does
 * leaving for another screen. The router follows `hashchange`, which cannot be cancelled: the
 * Navigation API's `navigate` event is (any hash change, a link or a script); where it is
 * missing, clicks on the app's links are caught instead.
 */
function useUnsavedChangesGuard(active: boolean, question: string): void {
  useEffect(() => {
    if (!active) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onNavigate = (event: NavigateEventLike) => {
      if (event.hashChange && event.cancelable && !window.confirm(question)) event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
      if (link !== null && !window.confirm(question)) event.preventDefault();
    };
    const navigation = (window as Window & { navigation?: NavigationLike }).navigation;
    window.addEventListener('beforeunload', onBeforeUnload);
    if (navigation) navigation.addEventListener('navigate', onNavigate);
    else document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (navigation) navigation.removeEventListener('navigate', onNavigate);
      else document.removeEventListener('click', onClick, true);
    };
  }, [active, question]);
}
