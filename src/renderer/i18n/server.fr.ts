import type { ServerMessageKey } from '../../shared/lib/messages.js';

const orderStatus =
  'received {reçue} confirmed {confirmée} shipped {expédiée} delivered {livrée} cancelled {annulée} other {dans cet état}';
// `in-progress` cannot be an ICU select key: it is the `other` case.
const complaintStatus =
  'received {reçue} acknowledged {prise en compte} resolved {résolue} closed {clôturée} other {en cours}';

/** Head office's refusals in French (`server.<key>` in fr.ts); every key of shared/lib/messages.ts. */
export const serverFr = {
  'auth.signInRequired': 'Connectez-vous pour continuer.',
  'auth.sessionUnknown': 'Votre session n’est pas reconnue. Reconnectez-vous.',
  'auth.sessionRevoked': 'Cette session a été fermée. Reconnectez-vous.',
  'auth.sessionExpired': 'Votre session a expiré. Reconnectez-vous.',
  'auth.tooManyAttempts':
    'Trop de connexions manquées. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  'auth.wrongPassword': 'Adresse e-mail ou mot de passe incorrect.',
  'auth.linkInvalid':
    'Ce lien de connexion n’est pas valide, a déjà servi ou a expiré. Connectez-vous avec votre mot de passe.',
  'auth.othersSessions': 'Seul un administrateur peut voir les sessions d’un autre utilisateur.',
  'auth.noSuchSession': 'Cette session n’existe pas.',
  'auth.accountGone': 'Votre compte n’existe plus.',
  'auth.roleForbidden':
    'Un compte {role, select, rep {de commercial} manager {de responsable} other {d’administrateur}} ne peut pas faire l’opération {method}.',
  'user.emailTaken': 'Un utilisateur a déjà cette adresse e-mail.',
  'user.idTaken': 'Un utilisateur a déjà cet identifiant ou cette adresse e-mail.',
  'user.noSuchTeam': 'Cette équipe n’existe pas.',

  'dispatch.invalidAnswer': 'Le siège a produit une réponse invalide. Signalez-le au support.',
  'dispatch.nulCharacter':
    'Le texte du champ {field} contient un caractère NUL, qui ne peut pas être enregistré : retirez-le et renvoyez.',
  'dispatch.unknownMethod': 'Le siège ne connaît pas l’opération {method}. Mettez l’application à jour.',
  'dispatch.internal': 'Le siège a rencontré un problème. Réessayez.',
  'dispatch.badValue':
    'Une valeur ne peut pas être enregistrée telle quelle (date ou nombre hors limites, ou texte mal formé). Vérifiez la saisie.',

  'customer.gone': 'Ce client n’existe plus.',
  'customer.notInPortfolio': 'Ce client n’est pas dans votre portefeuille.',
  'customer.priceGroupByStaff':
    'Seul un responsable ou le siège peut changer le tarif d’un client. Demandez à votre responsable.',
  'customer.notInYourPortfolio': 'Ce client n’est pas dans votre portefeuille.',
  'customer.notInTeam': 'Ce client n’est pas dans le portefeuille de votre équipe.',
  'customer.notFound': 'Ce client n’existe pas.',
  'customer.idTaken': 'Un client a déjà cet identifiant.',
  'rfm.dateInFuture':
    'La date du {date, date, long} est dans le futur : le RFM se calcule sur des achats déjà faits.',
  'rfm.periodReversed': 'La première date doit précéder la seconde.',
  'complaint.satisfactionWhenResolved': 'La satisfaction du client se note quand la réclamation est résolue.',
  'figures.periodReversed': 'La fin de la période ne peut pas précéder son début.',
  'figures.dateInFuture':
    'La période finit le {date, date, long}, dans le futur : les chiffres se comptent sur ce qui a déjà eu lieu.',
  'figures.periodTooLong': 'Une période couvre au plus deux ans ({days} jours).',
  'campaign.noCustomer':
    'Une campagne vise au moins un client : choisissez un segment, une case de la matrice ou une liste.',
  'campaign.controlOutOfRange': 'Le groupe témoin compte entre 0 et {max} % des clients.',
  'campaign.periodReversed': 'La campagne ne peut pas finir avant de commencer.',
  'campaign.periodOver': 'Cette période est passée : une campagne finit aujourd’hui ou plus tard.',
  'campaign.periodTooLong': 'Une campagne dure au plus {days} jours.',
  'campaign.customersOutOfScope':
    '{count, plural, one {# client n’est pas} other {# clients ne sont pas}} dans votre portefeuille ou votre équipe : rien n’a été créé.',
  'campaign.idTaken': 'Une campagne porte déjà cet identifiant.',
  'campaign.notFound': 'Cette campagne n’existe pas parmi celles qui vous sont ouvertes.',
  'campaign.alreadyOver': 'Cette campagne est déjà terminée : il n’y a plus rien à arrêter.',
  'campaign.notYours': 'Seul un manager de l’équipe qui a créé cette campagne, ou le siège, peut l’arrêter.',
  'scope.repOutsideTeam': 'Ce commercial n’est pas dans votre équipe : son activité ne vous est pas ouverte.',
  'scope.repOnlySelf': 'Un commercial ne voit que ses propres chiffres.',
  'scope.noSuchRep': 'Ce commercial n’existe pas.',
  'owner.noSuchUser': 'Cet utilisateur n’existe pas.',
  'owner.admin': 'Un client est confié à un commercial ou à un responsable, pas à un administrateur.',
  'owner.outsideTeam': 'Vous ne pouvez confier des clients qu’aux membres de votre équipe.',
  'note.customerGone': 'Le client de cette note n’existe plus.',
  'note.customerLeft':
    'Ce client n’est plus dans votre portefeuille : la note n’a pas été enregistrée au siège.',
  'refusal.notFound': 'Ce travail refusé n’existe pas parmi ceux de votre équipe.',
  'refusal.notReapplicable':
    'Seule une note ou un compte rendu de visite refusé parce que son client avait changé de mains, et dont le client existe encore, peut être réappliqué. Écartez-le plutôt, avec un motif.',
  'refusal.alreadyDismissed': 'Ce travail refusé a déjà été écarté : il ne peut plus être réappliqué.',
  'refusal.alreadyReapplied': 'Ce travail refusé a déjà été réappliqué au siège : il n’y a rien à écarter.',

  'appointment.durationZero': 'La durée doit dépasser zéro minute.',
  'appointment.durationMin': 'Un rendez-vous dure au moins {min} minutes.',
  'appointment.durationMax': 'Un rendez-vous dure au plus {max} minutes.',
  'appointment.durationInvalid': 'Durée non valide.',
  'appointment.customerGone': 'Le client de ce rendez-vous n’existe plus.',
  'appointment.notInRepPortfolio':
    'Ce client n’est pas dans le portefeuille du commercial de ce rendez-vous.',
  'appointment.contactElsewhere': 'Ce contact n’appartient pas à ce client.',
  'appointment.onlyYourTeam':
    'Vous ne pouvez planifier des rendez-vous que pour vous-même ou les commerciaux de votre équipe.',
  'appointment.idTaken': 'Un rendez-vous a déjà cet identifiant.',
  'appointment.gone': 'Ce rendez-vous n’existe plus.',

  'visit.idTaken': 'Une autre visite a déjà cet identifiant.',
  'order.idTaken': 'Une autre commande a déjà cet identifiant : celle-ci n’a pas été enregistrée.',
  'visit.customerGone': 'Le client de cette visite n’existe plus.',
  'visit.customerLeft':
    'Ce client n’est plus dans votre portefeuille : le compte rendu de visite n’a pas été enregistré au siège.',

  'order.customerNotInPortfolio':
    'Ce client n’est pas dans votre portefeuille : la commande n’a pas été enregistrée.',
  'order.datedLater':
    'Cette commande est datée du {orderedAt, date, ::yyyyMMMdHHmm}, après l’heure du siège ({now, date, ::yyyyMMMdHHmm}) : vérifiez la date et l’heure de ce portable, puis reprenez la commande.',
  'order.notAtHeadOffice': 'Cette commande n’est pas au siège.',
  'order.customerLeft': 'Ce client n’est plus dans votre portefeuille : la commande n’a pas été modifiée.',
  'order.cancelled':
    'Le siège a annulé cette commande : elle ne peut plus être modifiée ici. Appelez le siège.',
  'order.confirmed':
    'Le siège a confirmé cette commande le {on, date, long} : elle ne peut plus être modifiée ici. Appelez le siège.',
  'order.notFound': 'Cette commande n’existe pas.',
  'order.outsideTeam': 'Cette commande est celle d’un commercial hors de votre équipe.',
  'order.transition': `Une commande {from, select, ${orderStatus}} ne peut pas devenir {to, select, ${orderStatus}}.`,
  'order.approvalPending':
    'La remise de cette commande attend une validation : validez-la ou refusez-la d’abord.',
  'order.approvalRejected':
    'Le responsable a refusé la remise de cette commande : elle ne peut pas avancer tant que le commercial n’a pas ramené ses remises dans son plafond (ou annulé la commande).',
  'order.ownDiscount':
    'Vous ne pouvez pas valider ni refuser la remise de votre propre commande : un administrateur doit décider.',
  'order.noApprovalPending': 'Cette commande n’attend pas de validation de remise.',
  'pricing.unknown-product': 'Ce produit n’est pas dans le catalogue du siège.',
  'pricing.product-withdrawn': 'Ce produit a été retiré du catalogue : retirez la ligne.',
  'pricing.no-price': 'Ce produit n’a pas de prix pour ce client.',
  'pricing.price-list-expired': 'Le tarif de base a pris fin : synchronisez d’abord.',
  'pricing.quantity-invalid': 'La quantité doit être un nombre entier supérieur à zéro.',
  'pricing.discount-invalid': 'La remise doit être un pourcentage entre 0 et 50.',
  'pricing.discount-too-high': 'Aucune remise ne peut dépasser 50 %.',

  'complaint.customerGone': 'Le client de cette réclamation n’existe plus.',
  'complaint.customerNotInPortfolio':
    'Ce client n’est pas dans votre portefeuille : la réclamation n’a pas été enregistrée au siège.',
  'complaint.idTaken': 'Une autre réclamation a déjà cet identifiant.',
  'complaint.orderElsewhere': 'La commande de cette réclamation n’est pas une commande de ce client.',
  'complaint.productUnknown': 'Le produit de cette réclamation n’est pas dans le catalogue.',
  'complaint.notAtHeadOffice': 'Cette réclamation n’existe pas au siège.',
  'complaint.outsidePortfolio': 'Cette réclamation concerne un client hors de votre portefeuille.',
  'complaint.eventElsewhere': 'Ce changement a déjà été enregistré sur une autre réclamation.',
  'complaint.closed':
    'Cette réclamation est clôturée : elle ne peut plus changer. Ouvrez une nouvelle réclamation si le client a un nouveau problème.',
  'complaint.notAllowed': `Une réclamation {from, select, ${complaintStatus}} ne peut pas passer à l’état {to, select, ${complaintStatus}} ; elle a peut-être changé entre-temps : synchronisez et consultez son historique.`,
  'complaint.notYours': `Seuls le siège ou votre responsable peuvent faire passer une réclamation de l’état {from, select, ${complaintStatus}} à l’état {to, select, ${complaintStatus}}.`,
  'complaint.emptyNote': 'Écrivez une note, ou choisissez un nouvel état.',
  'attachment.complaintGone': 'La réclamation de ce fichier n’existe pas au siège.',
  'attachment.tooMany': 'Une réclamation contient au plus {max} fichiers : celui-ci n’a pas été ajouté.',
  'attachment.damaged': 'Le fichier {fileName} est arrivé abîmé : joignez-le de nouveau.',
  'attachment.notFound': 'Ce fichier n’existe pas ou n’est pas dans votre portefeuille.',

  'playbook.stale':
    '{who} a enregistré la version {current} du guide le {when, date, ::yyyyMMMdHHmm}, après la version {base} que vous modifiiez. Rechargez le guide et refaites vos modifications.',
  'playbook.noSuchVersion':
    'Le guide n’a pas de version {base} (la version actuelle est la {current}). Rechargez le guide et refaites vos modifications.',

  'import.tooLarge':
    'Le fichier pèse {size, number} Mio ; un import accepte au plus {max, number} Mio. Découpez-le en fichiers plus petits.',
  'import.fixedFormat': 'Le fichier CDNOW a un format fixe : ses colonnes ne peuvent pas être réaffectées.',
  'import.noColumn': 'Le fichier n’a pas de colonne « {header} ».',
  'import.notAField': '« {field} » n’est pas un champ d’un import {kind}.',
  'import.noUser': 'Aucun utilisateur n’a l’adresse e-mail {email}.',

  'sync.databaseError':
    'Le siège n’a pas pu enregistrer ce changement (erreur de base de données {state}). Il est conservé avec ce message ; prévenez le support.',
  'sync.mutationGap':
    'Le changement {mid} est arrivé avant le {expected} ; la synchronisation reprend au {expected}.',
  'sync.deviceUnknown': 'Ce portable n’est pas enregistré.',
  'sync.deviceOfAnother':
    'Ce portable est enregistré au nom d’un autre utilisateur. Déconnectez-vous puis reconnectez-vous.',
  'sync.serverOutdated':
    'Le siège utilise une version plus ancienne que cette application. Demandez à votre administrateur de le mettre à jour.',
  'sync.appOutdated':
    'Cette application n’est plus à jour. Mettez-la à jour pour continuer à synchroniser ; votre travail non synchronisé est conservé.',
} satisfies Record<ServerMessageKey, string>;
