/** A dismissable dialog (Esc or a click outside closes it). */
import type { ReactNode } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';

export function DismissableModal({
  isOpen,
  onClose,
  wide = false,
  role,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  wide?: boolean;
  /** `alertdialog` for a confirmation. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={wide ? 'modal modal--wide' : 'modal'}>
        <Dialog className="dialog" {...(role ? { role } : {})}>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
