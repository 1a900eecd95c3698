import type { mapFr } from './map.fr.js';

/** English messages of the offline map: the same keys as map.fr.ts. */
export const mapEn: Record<keyof typeof mapFr, string> = {
  'map.title': 'Map',
  'map.instructions':
    'Drag to move the map and use the mouse wheel to zoom. With the keyboard: arrows to move, + and − to zoom, 0 to return to the day’s area. The list of points below the map gives the same information.',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.reset': 'Back to the day’s area',
  'map.resetFrance': 'Show all of France',
  'map.loading': 'Loading the base map…',
  'map.loadError':
    'The base map could not be loaded; the points are still shown. Restart the app if this persists.',
  'map.empty': 'No points for this day: the map shows all of France.',
  'map.marker.stop': 'Stop {number}: {label}',
  'map.marker.added': 'Stop {number} (added visit): {label}',
  'map.legend.title': 'Map legend',
  'map.legend.appointment': 'Appointment at a fixed time (the number is the order of visits)',
  'map.legend.added': 'Added visit, no fixed time',
  'map.legend.suggestion': 'Dashed circle: nearby customer suggested, not on the route yet',
  'map.legend.start': 'Start and return point',
  'map.legend.route': 'Path in the order of visits (as the crow flies)',
  'map.legend.colour': 'Colour: the customer’s segment (grey: prospect)',
  'map.marker.suggestion': 'Suggestion: {label}',
  'map.marker.start': 'Start: {label}',
  'map.list.summary':
    '{count, plural, =0 {No points on the map} one {# point on the map} other {# points on the map}}',
  'map.list.stop': 'Stop {number}',
  'map.list.suggestion': 'Suggestion',
  'map.list.start': 'Start',
  'map.list.near': 'near {town}',
  'map.list.prospect': 'Prospect',
  'map.scale': '{km} km',
  'map.attribution': '© Natural Earth, GeoNames',
};
