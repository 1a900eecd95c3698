import type { tasksFr } from './tasks.fr.js';

/** English messages of campaign tasks on the rep's laptop: the same keys as tasks.fr.ts. */
export const tasksEn: Record<keyof typeof tasksFr, string> = {
  'tasks.title': 'Campaign tasks',
  'tasks.channel.visit': 'Visit',
  'tasks.channel.call': 'Call',
  'tasks.state.open': 'To do',
  'tasks.state.done': 'Done',
  'tasks.state.donePending': 'Done · to sync',
  'tasks.offer': 'Offer',
  'tasks.noOffer': 'No special offer',
  'tasks.family': 'Family',
  'tasks.discount': 'Discount',
  'tasks.period': 'Period',
  'tasks.periodValue': '{from} to {to}',
  'tasks.customerMissing': 'Customer not on this laptop',
  'tasks.agenda.help': 'A visit or call report of the customer within the period ticks the task off.',
  'tasks.agenda.count': '{count, number} to do',
  'tasks.agenda.done': '{count, plural, one {# task already done} other {# tasks already done}}',
  'tasks.route.reason': 'Campaign: {name}',
  'tasks.customer.title': 'Current campaigns',
  'tasks.visit.note': 'This report will tick off the campaign task “{name}”.',
};
