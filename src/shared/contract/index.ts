/**
 * The one contract: every method with its input and output schema. The server's handler map,
 * HTTP (`POST /api/:method`), Electron IPC (`app:invoke`) and the web transport are typed from it.
 */
import type { z } from 'zod';
import { appointmentsContract } from './appointments.js';
import { authContract } from './auth.js';
import { campaignsContract } from './campaigns.js';
import { complaintsContract } from './complaints.js';
import { customersContract } from './customers.js';
import { figuresContract } from './figures.js';
import { importsContract } from './imports.js';
import { ordersContract } from './orders.js';
import { refusalsContract } from './refusals.js';
import { playbookContract } from './playbook.js';
import { rfmContract } from './rfm.js';
import { syncContract } from './sync.js';
import { usersContract } from './users.js';
import { visitsContract } from './visits.js';

export const contract = {
  ...authContract,
  ...syncContract,
  ...customersContract,
  ...usersContract,
  ...importsContract,
  ...appointmentsContract,
  ...ordersContract,
  ...complaintsContract,
  ...visitsContract,
  ...playbookContract,
  ...rfmContract,
  ...figuresContract,
  ...campaignsContract,
  ...refusalsContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const methods = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export {
  appointmentsContract,
  authContract,
  campaignsContract,
  complaintsContract,
  customersContract,
  figuresContract,
  importsContract,
  ordersContract,
  playbookContract,
  refusalsContract,
  rfmContract,
  syncContract,
  usersContract,
  visitsContract,
};
export type { Session } from './auth.js';
