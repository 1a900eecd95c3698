import { Msg } from '../../i18n/Msg.js';
import { FormDialog } from '../../ui/form/index.js';
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
    <FormDialog
      isOpen={isOpen}
      title={<Msg id="complaints.logTitle" />}
      onDismiss={() => onClose('cancelled')}
      wide
    >
      <ComplaintForm customerId={customerId} onDone={onClose} />
    </FormDialog>
  );
}
