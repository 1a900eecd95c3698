/** French catalogue (default). Keys are shared with en.ts; a test keeps them in step. */
export const fr = {
  'app.loading': 'Ouverture de Tournée…',
  'app.skipToContent': 'Aller au contenu',
  'app.storageDenied':
    'Le navigateur peut effacer les données de ce portable s’il manque de place. Synchronisez régulièrement.',

  'nav.label': 'Navigation principale',
  'nav.customers': 'Clients',
  'nav.settings': 'Paramètres',

  'sync.offline': 'Hors ligne',
  'sync.offlinePending': 'Hors ligne · {count, plural, one {# en attente} other {# en attente}}',
  'sync.syncing': 'Synchronisation… ({count, number} en attente)',
  'sync.upToDate': 'À jour · synchronisé {when}',
  'sync.pendingOnly': '{count, plural, one {# modification en attente} other {# modifications en attente}}',
  'sync.never': 'Pas encore synchronisé',
  'sync.justNow': 'à l’instant',
  'sync.failed': 'Synchronisation en échec',
  'sync.now': 'Synchroniser maintenant',
  'sync.nowShort': 'Synchroniser',
  'sync.details': 'Détails de la synchronisation',
  'sync.panel.title': 'Synchronisation',
  'sync.panel.lastSync': 'Dernière synchronisation : {date}',
  'sync.panel.pending': 'En attente d’envoi au siège',
  'sync.panel.pendingEmpty': 'Rien en attente : tout est arrivé au siège.',
  'sync.panel.refused': 'Refusé par le siège',
  'sync.panel.refusedText': 'Texte refusé : ',
  'sync.panel.refusedEmpty': 'Aucune modification refusée.',
  'sync.panel.conflicts': 'Journal des conflits',
  'sync.panel.conflictsEmpty': 'Aucun conflit.',
  'sync.panel.conflict':
    '{entity}, champ « {field} » : votre valeur « {lost} » ({lostBy}) a été remplacée par « {kept} » ({keptBy}).',
  'sync.panel.close': 'Fermer',
  'sync.mutation.note-add': 'Note pour {customer}',
  'sync.mutation.customer-update': 'Modification de la fiche {customer}',
  'sync.mutation.other': 'Modification « {name} »',
  'sync.unknownCustomer': 'client inconnu',

  'banner.offline':
    'Vous êtes hors ligne. Tout ce que vous saisissez est enregistré sur ce portable et partira au siège dès le retour du réseau.',

  'auth.title': 'Connexion à Tournée',
  'auth.subtitle': 'Identifiez-vous avec votre compte du siège.',
  'auth.email': 'Adresse e-mail',
  'auth.password': 'Mot de passe',
  'auth.submit': 'Se connecter',
  'auth.submitting': 'Connexion…',
  'auth.language': 'Langue',
  'auth.invalidEmail': 'Saisissez une adresse e-mail valide, par exemple prenom.nom@entreprise.fr.',
  'auth.missingPassword': 'Saisissez votre mot de passe.',
  'auth.offline':
    'Impossible de joindre le siège. Il faut le réseau une première fois pour se connecter sur ce portable : réessayez une fois connecté.',
  'auth.throttled':
    'Trop de tentatives. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  'auth.sessionRevoked':
    'Votre session a été fermée par le siège ou depuis un autre appareil. Reconnectez-vous : vos modifications non envoyées sont restées sur ce portable et partiront ensuite.',
  'auth.sessionExpired':
    'Votre session a expiré. Reconnectez-vous : vos modifications non envoyées sont restées sur ce portable et partiront ensuite.',
  'auth.sessionEnded':
    'Votre session a pris fin. Reconnectez-vous : vos modifications non envoyées restent sur ce portable et partiront ensuite.',

  'customers.title': 'Clients',
  'customers.count': '{count, plural, =0 {Aucun client} one {# client} other {# clients}}',
  'customers.filtered': '{shown, number} sur {total, number}',
  'customers.filter': 'Filtrer les clients',
  'customers.filterPlaceholder': 'Nom, ville ou code postal',
  'customers.clearFilter': 'Effacer le filtre',
  'customers.tableLabel': 'Liste des clients',
  'customers.keyboardHint': '↑ ↓ ou J K pour se déplacer, Entrée pour ouvrir',
  'customers.loading': 'Chargement des clients…',
  'customers.emptyTitle': 'Aucun client sur ce portable',
  'customers.emptyBody':
    'Vos clients arrivent à la première synchronisation avec le siège. Connectez-vous au réseau puis choisissez « Synchroniser maintenant ».',
  'customers.noMatch':
    'Aucun client ne correspond à « {query} ». Vérifiez l’orthographe ou effacez le filtre.',
  'customers.col.name': 'Nom',
  'customers.col.city': 'Ville',
  'customers.col.postcode': 'Code postal',
  'customers.col.status': 'Statut',
  'customers.col.phone': 'Téléphone',

  'status.prospect': 'Prospect',
  'status.customer': 'Client',
  'status.lost': 'Perdu',

  'customer.back': 'Retour aux clients',
  'customer.loading': 'Chargement de la fiche…',
  'customer.notFoundTitle': 'Client introuvable sur ce portable',
  'customer.notFoundBody':
    'Il a peut-être été réattribué à un autre commercial ou supprimé par le siège. Revenez à la liste des clients.',
  'customer.identity': 'Identité',
  'customer.field.name': 'Raison sociale',
  'customer.field.address': 'Adresse',
  'customer.field.postcode': 'Code postal',
  'customer.field.city': 'Ville',
  'customer.field.phone': 'Téléphone',
  'customer.field.email': 'E-mail',
  'customer.field.status': 'Statut',
  'customer.field.owner': 'Commercial',
  'customer.field.updatedAt': 'Mise à jour au siège',
  'customer.notSet': 'Non renseigné',
  'customer.noOwner': 'Non attribué',
  'customer.edit': 'Modifier la fiche',
  'customer.editTitle': 'Modifier la fiche client',
  'customer.save': 'Enregistrer les modifications',
  'customer.cancel': 'Annuler',
  'customer.saved': 'Modifications enregistrées sur ce portable.',
  'customer.noChange': 'Aucune modification à enregistrer.',
  'customer.error.name': 'Saisissez la raison sociale du client (200 caractères au plus).',
  'customer.error.postcode': 'Le code postal doit comporter 5 chiffres, par exemple 69003, ou rester vide.',
  'customer.error.email': 'Saisissez une adresse e-mail valide, ou laissez le champ vide.',
  'customer.error.tooLong': 'Ce texte est trop long : raccourcissez-le.',
  'customer.error.invalid': 'Cette valeur n’est pas valide : corrigez-la.',
  'customer.pendingEdit': 'Modifications en attente d’envoi au siège.',

  'notes.title': 'Notes',
  'notes.label': 'Nouvelle note',
  'notes.hint': 'Ctrl+Entrée pour ajouter la note.',
  'notes.submit': 'Ajouter la note',
  'notes.empty': 'Aucune note pour ce client. Écrivez la première ci-dessus.',
  'notes.emptyBody': 'La note est vide : écrivez quelque chose avant de l’ajouter.',
  'notes.tooLong': 'La note dépasse 10 000 caractères : raccourcissez-la.',
  'notes.saved': 'Note enregistrée sur ce portable.',
  'notes.local': 'enregistré sur ce portable',
  'notes.received': 'reçu au siège',
  'notes.meta': '{author} · {date}',

  'settings.title': 'Paramètres',
  'settings.language': 'Langue',
  'settings.languageHelp':
    'La langue est enregistrée sur ce portable pour votre compte, et envoyée au siège à la prochaine synchronisation.',
  'settings.account': 'Compte',
  'settings.name': 'Nom',
  'settings.email': 'Adresse e-mail',
  'settings.role': 'Rôle',
  'settings.timeZone': 'Fuseau horaire',
  'settings.signOut': 'Se déconnecter',
  'settings.signOutHelp':
    'Vos données et vos modifications non envoyées restent sur ce portable ; elles partiront à votre prochaine connexion.',
  'settings.data': 'Données',
  'settings.dataBody':
    'Vos données sont stockées sur ce portable (base locale « {database} ») pour travailler sans réseau. Elles sont envoyées au siège à chaque synchronisation.',
  'settings.persisted': 'Le stockage est protégé : le système ne l’effacera pas pour faire de la place.',
  'settings.notPersisted':
    'Le stockage n’est pas protégé : le système pourrait l’effacer s’il manque de place. Synchronisez régulièrement.',

  'role.rep': 'Commercial',
  'role.manager': 'Responsable des ventes',
  'role.admin': 'Administrateur',
  'language.fr': 'Français',
  'language.en': 'English',

  'error.bad-request':
    'Le siège a refusé des données mal formées. Vérifiez la saisie, puis réessayez ; si cela se reproduit, contactez le support.',
  'error.unauthenticated': 'Vous n’êtes pas connecté. Reconnectez-vous pour synchroniser ; rien n’est perdu.',
  'error.forbidden': 'Vous n’avez pas le droit de faire cela. Demandez à votre responsable si besoin.',
  'error.not-found': 'Cet élément n’existe plus au siège. Synchronisez pour mettre ce portable à jour.',
  'error.invalid-credentials': 'Adresse e-mail ou mot de passe incorrect. Vérifiez-les et réessayez.',
  'error.too-many-attempts': 'Trop de tentatives. Patientez un moment, puis réessayez.',
  'error.session-revoked':
    'Votre session a été fermée depuis un autre appareil ou par le siège. Reconnectez-vous ; vos modifications sont conservées.',
  'error.session-expired': 'Votre session a expiré. Reconnectez-vous ; vos modifications sont conservées.',
  'error.client-forbidden':
    'Ce portable n’est pas reconnu pour votre compte. Reconnectez-vous ; si cela se reproduit, contactez le support.',
  'error.mutation-gap':
    'Le siège attend des modifications dans un autre ordre. Choisissez « Synchroniser maintenant » ; si cela se reproduit, contactez le support.',
  'error.app-outdated':
    'Cette version de Tournée est trop ancienne pour le siège. Mettez l’application à jour ; vos modifications sont conservées en attendant.',
  'error.conflict':
    'Quelqu’un a modifié la même donnée entre-temps. Consultez le journal des conflits puis corrigez si besoin.',
  'error.unknown-method': 'Le siège ne connaît pas cette opération. Mettez l’application à jour.',
  'error.internal':
    'Le siège a rencontré un problème. Nouvel essai automatique ; vos modifications restent sur ce portable.',
  'error.storage-full':
    'L’espace de stockage de ce portable est plein : la dernière modification n’a pas été enregistrée. Libérez de l’espace disque, puis réessayez.',
  'error.unexpected':
    'Une erreur inattendue est survenue. Réessayez ; si cela se reproduit, redémarrez l’application.',
} as const;

export type MessageKey = keyof typeof fr;
