import { FormattedMessage } from 'react-intl';
import type { ComponentProps, ElementType } from 'react';
import type { MessageKey } from './fr.js';

type Values = ComponentProps<typeof FormattedMessage>['values'];

/** `FormattedMessage` restricted to catalogue keys. */
export function Msg({ id, values }: { id: MessageKey; values?: Values }) {
  return <FormattedMessage id={id} values={values} />;
}

/** Elements whose whole content is one message. */
type TextTag =
  | 'p'
  | 'span'
  | 'div'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'label'
  | 'legend'
  | 'caption'
  | 'th'
  | 'td'
  | 'dt'
  | 'dd'
  | 'li'
  | 'strong'
  | 'em'
  | 'small'
  | 'summary';

/**
 * One element holding one catalogue message, `<Text as="p" className="muted" msg="…" />` for
 * `<p className="muted"><Msg id="…" /></p>`: the element keeps every attribute, `id` included.
 */
export function Text<T extends TextTag>({
  as,
  msg,
  values,
  ...attributes
}: { as: T; msg: MessageKey; values?: Values } & Omit<ComponentProps<T>, 'children'>) {
  const Tag: ElementType = as;
  // The attributes were checked against `as` at the call site; `Tag` has forgotten which one.
  const checked: Record<string, unknown> = attributes;
  return (
    <Tag {...checked}>
      <FormattedMessage id={msg} values={values} />
    </Tag>
  );
}
