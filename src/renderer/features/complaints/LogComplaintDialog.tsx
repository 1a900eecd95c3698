import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Msg } from '../../i18n/Msg.js';
import { ComplaintForm } from './ComplaintForm.js';

/** The "log a complaint" dialog, from the customer page or from a visit in progress. */
export function LogComplaintDialog({
  customerId,
  isOpen,
  onClose,
}: {
  customerId: string;
  isOpen: boolean;
  onClose: (outcome: 'saved' | 'cancelled') => void;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose('cancelled');
      }}
    >
      <Modal className="modal modal--wide">
        <Dialog className="dialog">
          <div className="dialog__header">
            <Heading slot="title" className="dialog__title">
              <Msg id="complaints.logTitle" />
            </Heading>
          </div>
          <div className="dialog__body">
            <ComplaintForm customerId={customerId} onDone={onClose} />
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
