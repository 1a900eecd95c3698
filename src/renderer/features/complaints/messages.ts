/** What a refused complaint input says, in the user's language. */
import type { IntlShape } from 'react-intl';
import { missingCaseError } from '../../../shared/lib/result.js';
import type { ComplaintInputError } from './mutators.js';

export function problemMessage(intl: IntlShape, problem: ComplaintInputError['problems'][number]): string {
  switch (problem.code) {
    case 'too-big':
    case 'empty':
      return intl.formatMessage({ id: `complaints.error.${problem.code}` }, { name: problem.fileName });
    case 'too-many':
      return intl.formatMessage({ id: 'complaints.error.too-many' }, { count: problem.count });
    case 'unknown-order':
      return intl.formatMessage({ id: 'complaints.error.unknown-order' });
    case 'empty-note':
      return intl.formatMessage({ id: 'complaints.error.note' });
    case 'closed':
    case 'not-allowed':
    case 'not-yours':
      return intl.formatMessage({ id: `complaints.error.${problem.code}` });
    default:
      return missingCaseError(problem);
  }
}
