/**
 * Head office's refusal messages: one stable key per message, its parameters and the English
 * text (the fallback for logs and the CLI, and the laptop's English catalogue). The laptop
 * shows `server.<key>` from its fr/en catalogues; a key without a French entry does not compile.
 * Texts are ICU: a `date` parameter is an ISO-8601 string, formatted on the laptop with Intl.
 */

type ParamKind = 'text' | 'number' | 'date';
interface Declared {
  en: string;
  params?: Readonly<Record<string, ParamKind>>;
}

export const serverMessages = {
  'auth.signInRequired': { en: 'Sign in to continue.' },
  'auth.sessionUnknown': { en: 'Your session is unknown. Sign in again.' },
  'auth.sessionRevoked': { en: 'This session was signed out. Sign in again.' },
  'auth.sessionExpired': { en: 'Your session has expired. Sign in again.' },
  'auth.tooManyAttempts': {
    en: 'Too many failed sign-ins. Try again in {seconds} seconds.',
    params: { seconds: 'number' },
  },
  'auth.wrongPassword': { en: 'Wrong email or password.' },
  'auth.linkInvalid': { en: 'This sign-in link is invalid, used or expired. Sign in with your password.' },
  'auth.othersSessions': { en: "Only an administrator may list another user's sessions." },
  'auth.noSuchSession': { en: 'No such session.' },
  'auth.accountGone': { en: 'Your account no longer exists.' },
  'auth.roleForbidden': {
    en: 'Your role ({role}) may not call {method}.',
    params: { role: 'text', method: 'text' },
  },
  'user.emailTaken': { en: 'A user with this email already exists.' },
  'user.idTaken': { en: 'A user with this id or email already exists.' },
  'user.noSuchTeam': { en: 'No such team.' },

  'dispatch.invalidAnswer': { en: 'The server produced an invalid answer. Please report this.' },
  'dispatch.nulCharacter': {
    en: 'The text at {field} contains a NUL character, which cannot be stored: remove it and send again.',
    params: { field: 'text' },
  },
  'dispatch.unknownMethod': { en: 'Unknown method: {method}', params: { method: 'text' } },
  'dispatch.internal': { en: 'Something went wrong on the server. Please try again.' },
  'dispatch.badValue': {
    en: 'A value could not be stored as given (a date or number out of range, or malformed text). Check what you entered.',
  },

  'customer.gone': { en: 'This customer no longer exists.' },
  'customer.notInPortfolio': { en: 'This customer is not in your portfolio.' },
  'customer.priceGroupByStaff': {
    en: 'Only a manager or head office may change the price list of a customer. Ask your manager.',
  },
  'customer.notInYourPortfolio': { en: 'No such customer in your portfolio.' },
  'customer.notInTeam': { en: 'No such customer in your team.' },
  'customer.notFound': { en: 'No such customer.' },
  'customer.idTaken': { en: 'A customer with this id already exists.' },
  'rfm.dateInFuture': {
    en: 'The date {date} is in the future: RFM is computed on purchases already made.',
    params: { date: 'date' },
  },
  'rfm.periodReversed': { en: 'The first date must be before the second.' },
  'complaint.satisfactionWhenResolved': {
    en: 'The customer’s satisfaction is recorded when the complaint is resolved.',
  },
  'figures.periodReversed': { en: 'The end of the period must not be before its start.' },
  'figures.dateInFuture': {
    en: 'The period ends on {date}, in the future: figures are counted on what already happened.',
    params: { date: 'date' },
  },
  'figures.periodTooLong': {
    en: 'A period covers at most two years ({days} days).',
    params: { days: 'number' },
  },
  'campaign.noCustomer': { en: 'A campaign needs at least one customer: pick a segment, a cell or a list.' },
  'campaign.controlOutOfRange': {
    en: 'The control group holds between 0 and {max} % of the customers.',
    params: { max: 'number' },
  },
  'campaign.periodReversed': { en: 'The campaign cannot end before it starts.' },
  'campaign.periodOver': { en: 'This period is over: a campaign ends today or later.' },
  'campaign.periodTooLong': { en: 'A campaign lasts at most {days} days.', params: { days: 'number' } },
  'campaign.customersOutOfScope': {
    en: '{count, plural, one {# customer is} other {# customers are}} not in your portfolio or your team: nothing was created.',
    params: { count: 'number' },
  },
  'campaign.idTaken': { en: 'A campaign with this id already exists.' },
  'campaign.notFound': { en: 'No such campaign among those you may see.' },
  'campaign.alreadyOver': { en: 'This campaign is already over: there is nothing left to end.' },
  'campaign.notYours': {
    en: 'Only a manager of the team that made this campaign, or head office, may end it.',
  },
  'scope.repOutsideTeam': { en: 'This rep is not in your team: their activity is not yours to see.' },
  'scope.repOnlySelf': { en: 'A rep sees only their own figures.' },
  'scope.noSuchRep': { en: 'No such rep.' },
  'owner.noSuchUser': { en: 'No such user.' },
  'owner.admin': { en: 'Customers are assigned to reps or managers, not administrators.' },
  'owner.outsideTeam': { en: 'You may assign customers only to members of your team.' },
  'note.customerGone': { en: 'The customer of this note no longer exists.' },
  'note.customerLeft': {
    en: 'This customer is no longer in your portfolio; the note was not saved at head office.',
  },
  'refusal.notFound': { en: 'No such refused work among your team’s.' },
  'refusal.notReapplicable': {
    en: 'Only a note or a visit report refused because its customer had changed hands, whose customer still exists, can be re-applied. Dismiss it with a reason instead.',
  },
  'refusal.alreadyDismissed': { en: 'This refused work was already dismissed: it cannot be re-applied.' },
  'refusal.alreadyReapplied': {
    en: 'This refused work was already re-applied at head office: there is nothing to dismiss.',
  },

  'appointment.durationZero': { en: 'The duration must be more than zero minutes.' },
  'appointment.durationMin': {
    en: 'An appointment lasts at least {min} minutes.',
    params: { min: 'number' },
  },
  'appointment.durationMax': { en: 'An appointment lasts at most {max} minutes.', params: { max: 'number' } },
  'appointment.durationInvalid': { en: 'Invalid duration.' },
  'appointment.customerGone': { en: 'The customer of this appointment no longer exists.' },
  'appointment.notInRepPortfolio': {
    en: 'This customer is not in the portfolio of the rep of this appointment.',
  },
  'appointment.contactElsewhere': { en: 'This contact does not belong to the customer.' },
  'appointment.onlyYourTeam': { en: 'You may plan appointments only for yourself or the reps of your team.' },
  'appointment.idTaken': { en: 'An appointment with this id already exists.' },
  'appointment.gone': { en: 'This appointment no longer exists.' },

  'visit.idTaken': { en: 'Another visit already has this id.' },
  'order.idTaken': { en: 'Another order already has this id: this one was not stored.' },
  'visit.customerGone': { en: 'The customer of this visit no longer exists.' },
  'visit.customerLeft': {
    en: 'This customer is no longer in your portfolio; the visit report was not stored at head office.',
  },

  'order.customerNotInPortfolio': {
    en: 'This customer is not in your portfolio; the order was not recorded.',
  },
  'order.datedLater': {
    en: "This order is dated {orderedAt, date, ::yyyyMMMdHHmm}, later than head office's clock ({now, date, ::yyyyMMMdHHmm}): check the laptop's date and time, then take the order again.",
    params: { orderedAt: 'date', now: 'date' },
  },
  'order.notAtHeadOffice': { en: 'This order is not at head office.' },
  'order.customerLeft': { en: 'This customer is no longer in your portfolio; the order was not changed.' },
  'order.cancelled': {
    en: 'Head office cancelled this order; it can no longer be changed here. Call head office.',
  },
  'order.confirmed': {
    en: 'Head office confirmed this order on {on, date, medium}; it can no longer be changed here. Call head office.',
    params: { on: 'date' },
  },
  'order.notFound': { en: 'No such order.' },
  'order.outsideTeam': { en: 'This order belongs to a rep outside your team.' },
  'order.transition': { en: 'An order {from} cannot become {to}.', params: { from: 'text', to: 'text' } },
  'order.approvalPending': {
    en: 'The discount of this order waits for approval: approve or reject it first.',
  },
  'order.approvalRejected': {
    en: 'The manager refused the discount of this order: it cannot go ahead until the rep brings the discounts back within their limit (or cancel it).',
  },
  'order.ownDiscount': {
    en: 'You cannot approve or reject a discount on your own order: an admin must decide.',
  },
  'order.noApprovalPending': { en: 'This order does not wait for a discount approval.' },
  'pricing.unknown-product': { en: 'This product is not in the catalogue.' },
  'pricing.product-withdrawn': { en: 'This product was withdrawn from the catalogue.' },
  'pricing.no-price': { en: 'This product has no price for this customer.' },
  'pricing.price-list-expired': { en: 'The base price list has ended; sync first.' },
  'pricing.quantity-invalid': { en: 'The quantity must be a whole number above zero.' },
  'pricing.discount-invalid': { en: 'The discount must be a percentage between 0 and 50.' },
  'pricing.discount-too-high': { en: 'No discount may exceed 50 %.' },

  'complaint.customerGone': { en: 'The customer of this complaint no longer exists.' },
  'complaint.customerNotInPortfolio': {
    en: 'This customer is not in your portfolio; the complaint was not logged at head office.',
  },
  'complaint.idTaken': { en: 'Another complaint already has this id.' },
  'complaint.orderElsewhere': { en: 'The order of this complaint is not an order of this customer.' },
  'complaint.productUnknown': { en: 'The product of this complaint is not in the catalogue.' },
  'complaint.notAtHeadOffice': { en: 'This complaint does not exist at head office.' },
  'complaint.outsidePortfolio': { en: 'This complaint is about a customer outside your portfolio.' },
  'complaint.eventElsewhere': { en: 'This change was already recorded on another complaint.' },
  'complaint.closed': {
    en: 'This complaint is closed: it can no longer change. Log a new complaint if the customer has a new problem.',
  },
  'complaint.notAllowed': {
    en: 'A complaint {from} cannot move to {to}; it may have been moved meanwhile: sync and look at its history.',
    params: { from: 'text', to: 'text' },
  },
  'complaint.notYours': {
    en: 'Only head office or your manager can move a complaint from {from} to {to}.',
    params: { from: 'text', to: 'text' },
  },
  'complaint.emptyNote': { en: 'Write a note, or choose a new status.' },
  'attachment.complaintGone': { en: 'The complaint of this file does not exist at head office.' },
  'attachment.tooMany': {
    en: 'A complaint holds at most {max} files; this one was not added.',
    params: { max: 'number' },
  },
  'attachment.damaged': {
    en: 'The file {fileName} arrived damaged; attach it again.',
    params: { fileName: 'text' },
  },
  'attachment.notFound': { en: 'This file does not exist or is not in your portfolio.' },

  'playbook.stale': {
    en: '{who} saved version {current} of the playbook on {when, date, ::yyyyMMMdHHmm}, after the version {base} you edited. Reload the playbook and make your changes again.',
    params: { who: 'text', current: 'number', when: 'date', base: 'number' },
  },
  'playbook.noSuchVersion': {
    en: 'The playbook has no version {base} (the current one is {current}). Reload the playbook and make your changes again.',
    params: { base: 'number', current: 'number' },
  },

  'import.tooLarge': {
    en: 'The file is {size} MiB; an import takes at most {max} MiB. Split it into smaller files.',
    params: { size: 'number', max: 'number' },
  },
  'import.fixedFormat': { en: 'The CDNOW file has a fixed format: its columns cannot be remapped.' },
  'import.noColumn': { en: 'The file has no column "{header}".', params: { header: 'text' } },
  'import.notAField': {
    en: '"{field}" is not a field of a {kind} import.',
    params: { field: 'text', kind: 'text' },
  },
  'import.noUser': { en: 'No user has the e-mail {email}.', params: { email: 'text' } },

  'sync.databaseError': {
    en: 'Head office could not store this change (database error {state}). It is kept with this message; tell support.',
    params: { state: 'text' },
  },
  'sync.mutationGap': {
    en: 'Mutation {mid} arrived before {expected}; push from {expected}.',
    params: { mid: 'number', expected: 'number' },
  },
  'sync.deviceUnknown': { en: 'This device is not registered.' },
  'sync.deviceOfAnother': { en: 'This device is registered to another user. Sign out and sign in again.' },
  'sync.serverOutdated': {
    en: 'Head office runs an older version than this app. Ask your administrator to update it.',
  },
  'sync.appOutdated': {
    en: 'This app is out of date. Update it to keep syncing; your unsynced work is kept.',
  },
} as const satisfies Record<string, Declared>;

export type ServerMessageKey = keyof typeof serverMessages;
export const serverMessageKeys = Object.keys(serverMessages) as ServerMessageKey[];

type Declaration<K extends ServerMessageKey> = (typeof serverMessages)[K];
type ValueOf<T extends ParamKind> = T extends 'number' ? number : string;
/** The parameters a key takes (`date` ones as ISO-8601 strings). */
export type ServerMessageParams<K extends ServerMessageKey> =
  Declaration<K> extends { params: infer P extends Readonly<Record<string, ParamKind>> }
    ? { [N in keyof P]: ValueOf<P[N]> }
    : Record<string, never>;
type ParamsArg<K extends ServerMessageKey> =
  Declaration<K> extends { params: Readonly<Record<string, ParamKind>> }
    ? [params: ServerMessageParams<K>]
    : [];

export type MessageParams = Record<string, string | number>;
/** A message ready to send: its key, its parameters and the English text. */
export interface ServerMessage {
  key: ServerMessageKey;
  params: MessageParams;
  message: string;
}

export function isServerMessageKey(key: unknown): key is ServerMessageKey {
  return typeof key === 'string' && Object.hasOwn(serverMessages, key);
}

/** The names of a key's parameters. */
export function paramsOf(key: ServerMessageKey): string[] {
  const declared: Declared = serverMessages[key];
  return Object.keys(declared.params ?? {});
}

/** The names of a key's `date` parameters (the laptop turns them into `Date`s). */
export function dateParamsOf(key: ServerMessageKey): string[] {
  const declared: Declared = serverMessages[key];
  return Object.entries(declared.params ?? {})
    .filter(([, kind]) => kind === 'date')
    .map(([name]) => name);
}

/** The English text with its parameters filled in plainly (dates as given). */
export function englishText(key: ServerMessageKey, params: MessageParams): string {
  return serverMessages[key].en.replace(/\{(\w+)(?:,[^{}]*)?\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `msg('order.confirmed', { on })`: the parameters each key needs are checked by the compiler. */
export function msg<K extends ServerMessageKey>(key: K, ...args: ParamsArg<K>): ServerMessage {
  const params: MessageParams = args[0] ?? {};
  return { key, params, message: englishText(key, params) };
}
