/** Messages of the offline map (spread into fr.ts). */
export const mapFr = {
  'map.title': 'Carte',
  'map.instructions':
    'Faites glisser pour déplacer la carte et utilisez la molette pour zoomer. Au clavier : flèches pour déplacer, + et − pour zoomer, 0 pour revenir à la zone du jour. La liste des points sous la carte donne les mêmes informations.',
  'map.zoomIn': 'Zoomer',
  'map.zoomOut': 'Dézoomer',
  'map.reset': 'Revenir à la zone du jour',
  'map.resetFrance': 'Voir toute la France',
  'map.loading': 'Chargement du fond de carte…',
  'map.loadError':
    'Le fond de carte n’a pas pu être chargé ; les points restent affichés. Relancez l’application si cela persiste.',
  'map.empty': 'Aucun point pour ce jour : la carte montre toute la France.',
  'map.marker.stop': 'Arrêt {number} : {label}',
  'map.marker.added': 'Arrêt {number} (visite ajoutée) : {label}',
  'map.legend.title': 'Légende de la carte',
  'map.legend.appointment': 'Rendez-vous à heure fixe (le numéro donne l’ordre de passage)',
  'map.legend.added': 'Visite ajoutée, sans heure fixe',
  'map.legend.suggestion': 'Cercle en pointillés : client proche suggéré, pas encore dans la tournée',
  'map.legend.start': 'Point de départ et de retour',
  'map.legend.route': 'Trajet dans l’ordre des visites (à vol d’oiseau)',
  'map.legend.colour': 'Couleur : segment du client (gris : prospect)',
  'map.marker.suggestion': 'Suggestion : {label}',
  'map.marker.start': 'Départ : {label}',
  'map.list.summary':
    '{count, plural, =0 {Aucun point sur la carte} one {# point sur la carte} other {# points sur la carte}}',
  'map.list.stop': 'Arrêt {number}',
  'map.list.suggestion': 'Suggestion',
  'map.list.start': 'Départ',
  'map.list.near': 'près de {town}',
  'map.list.prospect': 'Prospect',
  'map.scale': '{km} km',
  'map.attribution': '© Natural Earth, GeoNames',
};
