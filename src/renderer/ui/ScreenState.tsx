/** The frames a screen shows before its record: loading, and "not found" with a way back. */
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState.js';
import { SkeletonRows } from './Skeleton.js';

export function LoadingScreen({
  className,
  label,
  rows,
}: {
  className: string;
  label: string;
  rows: number;
}) {
  return (
    <section className={className}>
      <SkeletonRows rows={rows} label={label} />
    </section>
  );
}

export function NotFoundScreen({
  className = 'page',
  titleId,
  pageTitle,
  title,
  body,
  back,
}: {
  className?: string;
  /** With a page title: the section is named by this h1. */
  titleId?: string;
  pageTitle?: ReactNode;
  title: ReactNode;
  body: ReactNode;
  /** The link (or links) back. */
  back: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={pageTitle ? titleId : undefined}>
      {pageTitle ? (
        <h1 id={titleId} className="page__title">
          {pageTitle}
        </h1>
      ) : null}
      <EmptyState title={title}>
        <p>{body}</p>
        {back}
      </EmptyState>
    </section>
  );
}
