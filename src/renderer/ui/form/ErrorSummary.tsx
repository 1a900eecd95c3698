/**
 * GOV.UK error summary: after a refused submit, a titled list of the problems, each a link
 * that focuses its field. It takes the focus each time `focusKey` changes (the submit count).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Msg } from '../../i18n/Msg.js';

export interface Problem {
  /** The id of the field (or group) the link focuses; none: the problem is said, not linked. */
  target?: string;
  /** Tells apart problems without a target. */
  key?: string;
  message: ReactNode;
  /** Focuses the field another way than by id (react-hook-form's `setFocus`). */
  focus?: () => void;
}

export function ErrorSummary({
  id,
  problems,
  focusKey,
  heading: Heading = 'h2',
  title = <Msg id="form.errorSummary" />,
  tone = 'danger',
  children,
}: {
  id: string;
  problems: readonly Problem[];
  /** Each change (above 0) focuses the summary; absent: the caller focuses `${id}-summary`. */
  focusKey?: number;
  heading?: 'h2' | 'h3';
  title?: ReactNode;
  /** A warning the user may save past (an overlap) rather than a problem to fix. */
  tone?: 'danger' | 'warning';
  /** What follows the list (the way past a warning). */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined && focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      className={tone === 'warning' ? 'error-summary error-summary--warning' : 'error-summary'}
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${id}-summary-title`}
    >
      <Heading id={`${id}-summary-title`} className="error-summary__title">
        {title}
      </Heading>
      <ul className="error-summary__list">
        {problems.map(({ target, key, message, focus }, i) => (
          <li key={key ?? target ?? i}>
            {target === undefined ? (
              message
            ) : (
              <a
                href={`#${target}`}
                onClick={(e) => {
                  // Hash routes: focus the field without changing the address.
                  e.preventDefault();
                  if (focus) focus();
                  else document.getElementById(target)?.focus();
                }}
              >
                {message}
              </a>
            )}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
