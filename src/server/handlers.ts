/** The server's handler map: typed from the contract, so a missing method does not compile. */
import type { Handlers } from './dispatch.js';
import { appointmentHandlers } from './features/appointments/index.js';
import { authHandlers } from './features/auth/index.js';
import { campaignHandlers } from './features/campaigns/index.js';
import { complaintHandlers } from './features/complaints/index.js';
import { customerHandlers } from './features/customers/index.js';
import { figuresHandlers } from './features/figures/index.js';
import { importHandlers } from './features/import/index.js';
import { orderHandlers } from './features/orders/index.js';
import { playbookHandlers } from './features/playbook/index.js';
import { refusalHandlers } from './features/refusals/index.js';
import { rfmHandlers } from './features/rfm/index.js';
import { syncHandlers } from './features/sync/index.js';
import { visitHandlers } from './features/visits/index.js';

export const handlers: Handlers = {
  ...authHandlers,
  ...syncHandlers,
  ...customerHandlers,
  ...importHandlers,
  ...appointmentHandlers,
  ...orderHandlers,
  ...complaintHandlers,
  ...playbookHandlers,
  ...visitHandlers,
  ...rfmHandlers,
  ...figuresHandlers,
  ...campaignHandlers,
  ...refusalHandlers,
};
