/**
 * The demo company's playbook: a food & beverage distributor for cafés, hotels and restaurants
 * (CHR). Families are the catalogue's; the objection library covers what the reps hear (and
 * what the demo visits record). Written in French by head office.
 */
import type { Playbook } from './playbook.js';

export const defaultPlaybook: Playbook = {
  version: 1,
  updatedAt: '2026-11-01T08:00:00.000Z',
  openingReminders: [
    'Les 20 premières secondes : sourire, regard, poignée de main, se présenter (prénom, nom, société).',
    'Les 20 premiers mots : remercier pour le rendez-vous, rappeler l’objectif de la visite.',
    'Respecter la distance (20 cm de plus que vous ne pensez) et le rythme du service : demander si le moment convient.',
    'Vérifier qui décide : gérant, associé, chef de cuisine ?',
  ],
  discovery: [
    {
      id: 'activity',
      title: 'Activité et clientèle',
      questions: [
        { id: 'activity-trend', text: 'Comment se passe la saison pour vous ?', open: true },
        {
          id: 'activity-clientele',
          text: 'Qui sont vos clients aujourd’hui, et ceux que vous voulez attirer ?',
          open: true,
        },
        {
          id: 'activity-projects',
          text: 'Avez-vous des projets (carte, terrasse, travaux, événements) ?',
          open: true,
        },
      ],
    },
    {
      id: 'supply',
      title: 'Approvisionnement',
      questions: [
        {
          id: 'supply-suppliers',
          text: 'Avec quels fournisseurs travaillez-vous, et pour quels produits ?',
          open: true,
        },
        {
          id: 'supply-satisfaction',
          text: 'Qu’est-ce qui vous satisfait, ou vous manque, chez eux ?',
          open: true,
        },
        {
          id: 'supply-delivery',
          text: 'Quels jours et créneaux de livraison vous conviennent ?',
          open: false,
        },
        { id: 'supply-storage', text: 'Combien de place avez-vous en réserve et en froid ?', open: false },
      ],
    },
    {
      id: 'decision',
      title: 'Décision et budget',
      questions: [
        { id: 'decision-who', text: 'Qui d’autre participe à la décision ?', open: false },
        {
          id: 'decision-criteria',
          text: 'Sur quoi choisissez-vous un fournisseur en priorité ?',
          open: true,
        },
        { id: 'decision-budget', text: 'Avez-vous un budget ou un coût matière cible ?', open: false },
      ],
    },
  ],
  motiveCues: [
    {
      motive: 'security',
      cues: ['Craint les ruptures et les retards', 'Veut des garanties, des références'],
    },
    {
      motive: 'pride',
      cues: ['Parle de l’image de son établissement', 'Veut des marques reconnues, du haut de gamme'],
    },
    { motive: 'novelty', cues: ['Demande ce qui se fait de nouveau', 'Change souvent sa carte'] },
    {
      motive: 'comfort',
      cues: ['Manque de temps, de personnel', 'Veut commander simplement, être livré tôt'],
    },
    { motive: 'money', cues: ['Compare les prix, parle de coût matière', 'Demande remises et promotions'] },
    { motive: 'sympathy', cues: ['Tient à la relation avec son commercial', 'Fidèle à ceux qu’il connaît'] },
  ],
  arguments: [
    {
      id: 'bsa-terrace',
      family: 'Boissons sans alcool',
      feature: 'Gamme de softs et eaux en verre consigné, formats 25 et 33 cl.',
      benefit: 'Une marge au verre plus élevée et une image soignée en terrasse.',
      proof: 'Marge moyenne constatée de 72 % chez nos clients cafés l’été dernier.',
      motives: ['money', 'pride'],
    },
    {
      id: 'bsa-new',
      family: 'Boissons sans alcool',
      feature: 'Nouveautés : kombucha, limonades artisanales, sirops sans sucre ajouté.',
      benefit: 'Une carte sans alcool qui attire une clientèle nouvelle.',
      proof: 'Trois références parmi nos dix meilleures ventes de la saison.',
      motives: ['novelty'],
    },
    {
      id: 'bie-draught',
      family: 'Bières',
      feature: 'Bières pression en fûts de 20 et 30 L, tireuse prêtée et entretenue.',
      benefit: 'Aucun investissement, un fût adapté à votre débit, pas de perte.',
      proof: 'Entretien de la tireuse inclus, intervention sous 48 h garantie au contrat.',
      motives: ['comfort', 'security', 'money'],
    },
    {
      id: 'bie-craft',
      family: 'Bières',
      feature: 'Sélection de brasseries régionales en bouteilles et en fût.',
      benefit: 'Une offre locale que vos clients ne trouvent pas ailleurs.',
      proof: 'Brasseries partenaires à moins de 150 km, fiches producteurs fournies.',
      motives: ['novelty', 'pride'],
    },
    {
      id: 'vin-glass',
      family: 'Vins',
      feature: 'Vins au verre en petits formats et bag-in-box, conservation après ouverture.',
      benefit: 'Proposer plus de vins au verre sans perte.',
      proof: 'Jusqu’à six semaines de conservation une fois ouvert (fiche technique).',
      motives: ['money', 'comfort'],
    },
    {
      id: 'vin-selection',
      family: 'Vins',
      feature: 'Sélection de vignerons, accords mets-vins et formation de votre équipe.',
      benefit: 'Une carte des vins qui valorise votre cuisine et votre ticket moyen.',
      proof: 'Formation en salle offerte dès la deuxième commande.',
      motives: ['pride', 'sympathy'],
    },
    {
      id: 'spi-cocktails',
      family: 'Spiritueux',
      feature: 'Spiritueux et fiches cocktails prêtes à l’emploi.',
      benefit: 'Lancer une carte de cocktails rentable sans barman spécialisé.',
      proof: 'Coût de revient par cocktail calculé sur chaque fiche.',
      motives: ['novelty', 'money', 'comfort'],
    },
    {
      id: 'caf-machine',
      family: 'Café & thé',
      feature: 'Café en grains torréfié en France, machine en prêt et maintenance.',
      benefit: 'Un café de qualité constante sans investir dans une machine.',
      proof: 'Maintenance incluse ; machine de remplacement sous 24 h.',
      motives: ['security', 'money', 'pride'],
    },
    {
      id: 'caf-breakfast',
      family: 'Café & thé',
      feature: 'Thés et infusions bio, chocolat, gamme petit-déjeuner.',
      benefit: 'Une offre complète du matin en un seul fournisseur.',
      proof: 'Labels AB sur toute la gamme thé.',
      motives: ['comfort', 'novelty'],
    },
    {
      id: 'epi-local',
      family: 'Épicerie',
      feature: 'Produits d’épicerie bio et locaux, conditionnements professionnels.',
      benefit: 'Mettre en avant le local sur votre carte, au bon format.',
      proof: 'Origine et producteur indiqués sur chaque fiche produit.',
      motives: ['pride', 'novelty'],
    },
    {
      id: 'lai-fresh',
      family: 'Produits laitiers',
      feature: 'Produits laitiers livrés en froid positif avec DLC longue garantie.',
      benefit: 'Moins de pertes et une chaîne du froid sûre.',
      proof: 'DLC minimale garantie à la livraison, relevés de température disponibles.',
      motives: ['security', 'money'],
    },
    {
      id: 'sur-cost',
      family: 'Surgelés',
      feature: 'Surgelés portionnés, prêts à cuire.',
      benefit: 'Un coût matière maîtrisé à la portion et un gain de temps en cuisine.',
      proof: 'Coût par portion affiché ; 20 minutes de préparation en moins par service en moyenne.',
      motives: ['money', 'comfort'],
    },
    {
      id: 'hyg-eco',
      family: 'Hygiène & entretien',
      feature: 'Produits d’entretien écolabellisés, doseurs fournis.',
      benefit: 'Des surfaces conformes à l’hygiène, sans surconsommation.',
      proof: 'Écolabel européen ; doseurs réglés pour vos surfaces.',
      motives: ['security', 'money'],
    },
    {
      id: 'art-table',
      family: 'Arts de la table',
      feature: 'Verrerie et vaisselle professionnelles, réassort à l’unité.',
      benefit: 'Une table soignée, et le remplacement de la casse sans racheter un lot.',
      proof: 'Verres garantis 2 000 passages en lave-vaisselle.',
      motives: ['pride', 'comfort'],
    },
  ],
  objections: [
    {
      id: 'price-metro',
      category: 'price',
      text: 'Vos prix sont plus élevés que chez Metro',
      answers: [
        { technique: 'question', text: 'Sur quels produits avez-vous comparé, et à quantités égales ?' },
        {
          technique: 'compensation',
          text: 'Oui, le prix unitaire est un peu plus élevé, mais la livraison, le temps gagné à ne pas vous déplacer et la remise de volume le compensent.',
        },
      ],
    },
    {
      id: 'price-year-end',
      category: 'price',
      text: 'Transgourmet me fait une remise de fin d’année',
      answers: [
        {
          technique: 'yes-but',
          text: 'Oui, une remise de fin d’année compte ; mais nos prix sont bas toute l’année, sans attendre décembre pour en profiter.',
        },
        { technique: 'question', text: 'Que représente-t-elle sur votre chiffre d’achats annuel ?' },
      ],
    },
    {
      id: 'competitor-promocash',
      category: 'competitor',
      text: 'Je travaille déjà avec Promocash, ça me suffit',
      answers: [
        {
          technique: 'reformulate',
          text: 'Vous êtes satisfait de votre fournisseur actuel, et vous ne voulez pas vous compliquer la tâche, c’est bien cela ?',
        },
        {
          technique: 'yes-but',
          text: 'Oui, et je ne vous demande pas de tout changer ; mais un second fournisseur vous assure contre les ruptures.',
        },
      ],
    },
    {
      id: 'minimum-order',
      category: 'price',
      text: 'Le minimum de commande est trop élevé',
      answers: [
        {
          technique: 'boomerang',
          text: 'C’est justement parce que vous commandez peu à la fois qu’une commande groupée tous les quinze jours vous fera gagner du temps et du franco.',
        },
      ],
    },
    {
      id: 'delivery-early',
      category: 'delivery',
      text: 'Vos créneaux de livraison sont trop tôt',
      answers: [
        {
          technique: 'question',
          text: 'Quel créneau vous conviendrait, et quelqu’un peut-il réceptionner avant le service ?',
        },
        {
          technique: 'compensation',
          text: 'Nous pouvons déposer en réserve avec une clé ou un code, et la livraison tôt évite d’encombrer le service.',
        },
      ],
    },
    {
      id: 'delivery-incomplete',
      category: 'delivery',
      text: 'La dernière livraison est arrivée incomplète',
      answers: [
        {
          technique: 'reformulate',
          text: 'Vous n’avez pas reçu tout ce que vous aviez commandé et cela vous a gêné pour le service : je comprends.',
        },
        {
          technique: 'anticipation',
          text: 'Je vérifie la réclamation avec vous maintenant et je vous confirme l’avoir ou le complément.',
        },
      ],
    },
    {
      id: 'timing-busy',
      category: 'timing',
      text: 'Pas le temps, repassez après le service',
      answers: [
        { technique: 'question', text: 'Bien sûr : à quelle heure précise puis-je repasser ?' },
        {
          technique: 'compensation',
          text: 'Cinq minutes suffisent pour l’essentiel, je vous laisse la proposition écrite.',
        },
      ],
    },
    {
      id: 'need-storage',
      category: 'need',
      text: 'Je n’ai pas de place en réserve',
      answers: [
        {
          technique: 'boomerang',
          text: 'Justement : avec des livraisons plus fréquentes et plus petites, vous stockez moins.',
        },
      ],
    },
    {
      id: 'need-keg-size',
      category: 'need',
      text: 'Le fût de 30 L est trop gros pour mon débit',
      answers: [
        {
          technique: 'yes-but',
          text: 'Oui, pour votre débit le 30 L est trop gros ; mais la même bière existe en fût de 20 L.',
        },
      ],
    },
    {
      id: 'decision-partner',
      category: 'decision',
      text: 'Je dois en parler à mon associé',
      answers: [
        { technique: 'question', text: 'Bien sûr. Qu’est-ce qui compte le plus pour votre associé ?' },
        {
          technique: 'anticipation',
          text: 'Proposer un rendez-vous à trois ou laisser une proposition chiffrée à lui montrer.',
        },
      ],
    },
    {
      id: 'need-no-need',
      category: 'need',
      text: 'Je n’ai besoin de rien en ce moment, mon stock est suffisant',
      answers: [
        {
          technique: 'question',
          text: 'Quand faites-vous votre prochain réassort, et qu’allez-vous changer pour la saison ?',
        },
      ],
    },
  ],
  priceReminders: [
    'Annoncer le prix après la valeur, avec assurance, sans s’excuser.',
    'La méthode du sandwich : avantage — prix — avantage.',
    'Parler en prix par portion ou par verre quand c’est possible.',
    'La remise se négocie en contrepartie (volume, engagement, référencement).',
  ],
  closings: [
    {
      id: 'direct',
      name: 'Conclusion directe',
      description: 'Demander clairement la commande : « On part sur cette proposition ? »',
    },
    {
      id: 'alternative',
      name: 'Alternative',
      description: 'Proposer deux options qui mènent toutes deux à la commande : « fût de 20 ou de 30 L ? »',
    },
    {
      id: 'summary',
      name: 'Récapitulatif des accords',
      description: 'Résumer les points validés un par un, puis proposer la commande.',
    },
    {
      id: 'trial',
      name: 'Essai',
      description: 'Proposer une première commande limitée ou un échantillon pour essayer.',
    },
    {
      id: 'next-appointment',
      name: 'Prochain rendez-vous',
      description:
        'Sans décision aujourd’hui : fixer la date de la prochaine étape (rendez-vous, proposition).',
    },
  ],
};
