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
