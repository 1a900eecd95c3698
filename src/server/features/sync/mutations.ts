/** The head office's side of every mutation, wired from each feature's `mutations.ts`. */
import type { ServerMutations } from '../../lib/mutations.js';
import { appointmentMutations } from '../appointments/index.js';
import { complaintMutations } from '../complaints/index.js';
import { customerMutations } from '../customers/index.js';
import { orderMutations } from '../orders/index.js';
import { visitMutations } from '../visits/index.js';

export const serverMutations = {
  ...customerMutations,
  ...appointmentMutations,
  ...complaintMutations,
  ...orderMutations,
  ...visitMutations,
} satisfies ServerMutations;
