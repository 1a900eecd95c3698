/**
 * A form in a modal dialog: dismissed by Escape or a click outside, titled by its heading,
 * then the form as its body.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

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
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onDismiss();
      }}
    >
      <Modal className={wide ? 'modal modal--wide' : 'modal'}>
        <Dialog className="dialog">
          <div className="dialog__header">
            <Heading slot="title" className="dialog__title">
              {title}
            </Heading>
          </div>
          <div className="dialog__body">{children}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
