/**
 * A form in a modal dialog: dismissed by Escape or a click outside, titled by its heading,
 * then the form as its body.
 */
import type { ReactNode } from 'react';
import { Heading } from 'react-aria-components';
import { DismissableModal } from '../Modal.js';

export function FormDialog({
  isOpen,
  title,
  onDismiss,
  wide = false,
  children,
}: {
  isOpen: boolean;
  title: ReactNode;
  /** Escape or a click outside. */
  onDismiss: () => void;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <DismissableModal isOpen={isOpen} onClose={onDismiss} wide={wide}>
      <div className="dialog__header">
        <Heading slot="title" className="dialog__title">
          {title}
        </Heading>
      </div>
      <div className="dialog__body">{children}</div>
    </DismissableModal>
  );
}
