import type { MessageKey } from './fr.js';

/** English catalogue: the same keys as fr.ts (the compiler and a test check it). */
export const en: Record<MessageKey, string> = {
  'app.loading': 'Opening Tournée…',
  'app.skipToContent': 'Skip to content',
  'app.storageDenied': 'The browser may clear this laptop’s data if it runs out of space. Sync regularly.',

  'nav.label': 'Main navigation',
  'nav.customers': 'Customers',
  'nav.settings': 'Settings',

  'sync.offline': 'Offline',
  'sync.offlinePending': 'Offline · {count, plural, one {# waiting} other {# waiting}}',
  'sync.syncing': 'Syncing… ({count, number} waiting)',
  'sync.upToDate': 'Up to date · synced {when}',
  'sync.pendingOnly': '{count, plural, one {# change waiting} other {# changes waiting}}',
  'sync.never': 'Not synced yet',
  'sync.justNow': 'just now',
  'sync.failed': 'Sync failed',
  'sync.now': 'Sync now',
  'sync.nowShort': 'Sync now',
  'sync.details': 'Sync details',
  'sync.panel.title': 'Sync',
  'sync.panel.lastSync': 'Last sync: {date}',
  'sync.panel.pending': 'Waiting to reach head office',
  'sync.panel.pendingEmpty': 'Nothing waiting: everything reached head office.',
  'sync.panel.refused': 'Refused by head office',
  'sync.panel.refusedText': 'Refused text: ',
  'sync.panel.refusedEmpty': 'No refused changes.',
  'sync.panel.conflicts': 'Conflict log',
  'sync.panel.conflictsEmpty': 'No conflicts.',
  'sync.panel.conflict':
    '{entity}, field “{field}”: your value “{lost}” ({lostBy}) was replaced by “{kept}” ({keptBy}).',
  'sync.panel.close': 'Close',
  'sync.mutation.note-add': 'Note for {customer}',
  'sync.mutation.customer-update': 'Edit of {customer}',
  'sync.mutation.other': 'Change “{name}”',
  'sync.unknownCustomer': 'unknown customer',

  'banner.offline':
    'You are offline. Everything you enter is saved on this laptop and will reach head office when the network is back.',

  'auth.title': 'Sign in to Tournée',
  'auth.subtitle': 'Use your head office account.',
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.language': 'Language',
  'auth.invalidEmail': 'Enter a valid email address, like first.last@company.com.',
  'auth.missingPassword': 'Enter your password.',
  'auth.offline':
    'Head office cannot be reached. Signing in on this laptop needs the network once: try again when you are connected.',
  'auth.throttled': 'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'auth.sessionRevoked':
    'Your session was closed by head office or from another device. Sign in again: your unsent changes stayed on this laptop and will be sent afterwards.',
  'auth.sessionExpired':
    'Your session has expired. Sign in again: your unsent changes stayed on this laptop and will be sent afterwards.',
  'auth.sessionEnded':
    'Your session ended. Sign in again: your unsent changes stay on this laptop and will be sent afterwards.',

  'customers.title': 'Customers',
  'customers.count': '{count, plural, =0 {No customers} one {# customer} other {# customers}}',
  'customers.filtered': '{shown, number} of {total, number}',
  'customers.filter': 'Filter customers',
  'customers.filterPlaceholder': 'Name, city or postcode',
  'customers.clearFilter': 'Clear filter',
  'customers.tableLabel': 'Customer list',
  'customers.keyboardHint': '↑ ↓ or J K to move, Enter to open',
  'customers.loading': 'Loading customers…',
  'customers.emptyTitle': 'No customers on this laptop',
  'customers.emptyBody':
    'Your customers arrive with the first sync with head office. Connect to the network, then choose “Sync now”.',
  'customers.noMatch': 'No customer matches “{query}”. Check the spelling or clear the filter.',
  'customers.col.name': 'Name',
  'customers.col.city': 'City',
  'customers.col.postcode': 'Postcode',
  'customers.col.status': 'Status',
  'customers.col.phone': 'Phone',

  'status.prospect': 'Prospect',
  'status.customer': 'Customer',
  'status.lost': 'Lost',

  'customer.back': 'Back to customers',
  'customer.loading': 'Loading the customer…',
  'customer.notFoundTitle': 'Customer not found on this laptop',
  'customer.notFoundBody':
    'It may have been reassigned to another rep or deleted by head office. Go back to the customer list.',
  'customer.identity': 'Identity',
  'customer.field.name': 'Company name',
  'customer.field.address': 'Address',
  'customer.field.postcode': 'Postcode',
  'customer.field.city': 'City',
  'customer.field.phone': 'Phone',
  'customer.field.email': 'Email',
  'customer.field.status': 'Status',
  'customer.field.owner': 'Sales rep',
  'customer.field.updatedAt': 'Updated at head office',
  'customer.notSet': 'Not set',
  'customer.noOwner': 'Unassigned',
  'customer.edit': 'Edit customer',
  'customer.editTitle': 'Edit the customer record',
  'customer.save': 'Save changes',
  'customer.cancel': 'Cancel',
  'customer.saved': 'Changes saved on this laptop.',
  'customer.noChange': 'Nothing changed.',
  'customer.error.name': 'Enter the company name (200 characters at most).',
  'customer.error.postcode': 'The postcode must have 5 digits, like 69003, or stay empty.',
  'customer.error.email': 'Enter a valid email address, or leave the field empty.',
  'customer.error.tooLong': 'This text is too long: shorten it.',
  'customer.error.invalid': 'This value is not valid: correct it.',
  'customer.pendingEdit': 'Changes waiting to reach head office.',

  'notes.title': 'Notes',
  'notes.label': 'New note',
  'notes.hint': 'Ctrl+Enter to add the note.',
  'notes.submit': 'Add the note',
  'notes.empty': 'No notes for this customer yet. Write the first one above.',
  'notes.emptyBody': 'The note is empty: write something before adding it.',
  'notes.tooLong': 'The note is longer than 10,000 characters: shorten it.',
  'notes.saved': 'Note saved on this laptop.',
  'notes.local': 'saved on this laptop',
  'notes.received': 'received at head office',
  'notes.meta': '{author} · {date}',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.languageHelp':
    'The language is saved on this laptop for your account and sent to head office at the next sync.',
  'settings.account': 'Account',
  'settings.name': 'Name',
  'settings.email': 'Email address',
  'settings.role': 'Role',
  'settings.timeZone': 'Time zone',
  'settings.signOut': 'Sign out',
  'settings.signOutHelp':
    'Your data and unsent changes stay on this laptop; they will be sent the next time you sign in.',
  'settings.data': 'Data',
  'settings.dataBody':
    'Your data is stored on this laptop (local database “{database}”) so you can work without a network. It is sent to head office at every sync.',
  'settings.persisted': 'Storage is protected: the system will not clear it to free space.',
  'settings.notPersisted':
    'Storage is not protected: the system could clear it when space runs low. Sync regularly.',

  'role.rep': 'Sales rep',
  'role.manager': 'Sales manager',
  'role.admin': 'Administrator',
  'language.fr': 'Français',
  'language.en': 'English',

  'error.bad-request':
    'Head office refused malformed data. Check what you entered and try again; if it happens again, contact support.',
  'error.unauthenticated': 'You are not signed in. Sign in again to sync; nothing is lost.',
  'error.forbidden': 'You are not allowed to do this. Ask your manager if you need it.',
  'error.not-found': 'This item no longer exists at head office. Sync to update this laptop.',
  'error.invalid-credentials': 'Wrong email address or password. Check them and try again.',
  'error.too-many-attempts': 'Too many attempts. Wait a moment, then try again.',
  'error.session-revoked':
    'Your session was closed from another device or by head office. Sign in again; your changes are kept.',
  'error.session-expired': 'Your session expired. Sign in again; your changes are kept.',
  'error.client-forbidden':
    'This laptop is not recognised for your account. Sign in again; if it happens again, contact support.',
  'error.mutation-gap':
    'Head office expects changes in another order. Choose “Sync now”; if it happens again, contact support.',
  'error.app-outdated':
    'This version of Tournée is too old for head office. Update the app; your changes are kept meanwhile.',
  'error.conflict':
    'Someone changed the same data in the meantime. Check the conflict log, then correct if needed.',
  'error.unknown-method': 'Head office does not know this operation. Update the app.',
  'error.internal':
    'Head office ran into a problem. Retrying automatically; your changes stay on this laptop.',
  'error.storage-full':
    'This laptop’s storage is full: the last change was not saved. Free some disk space, then try again.',
  'error.unexpected': 'Something unexpected went wrong. Try again; if it happens again, restart the app.',
};
