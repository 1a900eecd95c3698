/**
 * A complaint's category as the user reads it: always through the catalogue, whatever the row
 * holds (a code, or a label an older demo database stored), never the raw value.
 */
import type { IntlShape } from 'react-intl';
import { complaintCategoryOf } from '../../../shared/domain/complaint/complaint.js';
import type { ComplaintCategory } from '../../../shared/domain/complaint/complaint.js';
import type { MessageKey } from '../../i18n/catalogues.js';
import { Msg } from '../../i18n/Msg.js';

export function complaintCategoryKey(category: ComplaintCategory): MessageKey {
  return `complaints.category.${category}`;
}

export function complaintCategoryLabel(intl: IntlShape, stored: string): string {
  return intl.formatMessage({ id: complaintCategoryKey(complaintCategoryOf(stored)) });
}

export function ComplaintCategoryText({ stored }: { stored: string }) {
  return <Msg id={complaintCategoryKey(complaintCategoryOf(stored))} />;
}
