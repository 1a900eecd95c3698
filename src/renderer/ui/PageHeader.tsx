import type { ReactNode } from 'react';

/** A screen's header: its h1 and, beside it, counts, badges and tools. */
export function PageHeader({
  titleId,
  title,
  className,
  children,
}: {
  titleId: string;
  title: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <header className={className ? `page__header ${className}` : 'page__header'}>
      <h1 id={titleId} className="page__title">
        {title}
      </h1>
      {children}
    </header>
  );
}

/** A screen: a section named by its header's h1, then the body. */
export function Page({
  titleId,
  title,
  className,
  headerClassName,
  tools,
  children,
}: {
  titleId: string;
  title: ReactNode;
  /** Extra classes of the section (after `page`). */
  className?: string;
  headerClassName?: string;
  /** The header's row beside the title. */
  tools?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby={titleId}>
      <PageHeader titleId={titleId} title={title} className={headerClassName}>
        {tools}
      </PageHeader>
      {children}
    </section>
  );
}
