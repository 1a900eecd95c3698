import type { VisitStep } from '../../../../shared/domain/visit/index.js';
import { missingCaseError } from '../../../../shared/lib/result.js';
import { Opening } from './opening.js';
import { Discovery, Reformulation } from './discovery.js';
import { Argumentation } from './argumentation.js';
import { Objections } from './objections.js';
import { Price } from './price.js';
import { Closing } from './closing.js';
import type { StepProps } from './types.js';

/** The middle column: what helps at this step, from the playbook. */
export function StepHelp({ step, ...props }: StepProps & { step: VisitStep }) {
  switch (step) {
    case 'opening':
      return <Opening {...props} />;
    case 'discovery':
      return <Discovery {...props} />;
    case 'reformulation':
      return <Reformulation {...props} />;
    case 'argumentation':
      return <Argumentation {...props} />;
    case 'objections':
      return <Objections {...props} />;
    case 'price':
      return <Price {...props} />;
    case 'closing':
      return <Closing {...props} />;
    default:
      return missingCaseError(step);
  }
}
