export { RouteScreen } from './routeScreen/RouteScreen.js';
export { useDayPlan } from './useDayPlan.js';
export type { DayPlanReady, DayPlanState, DayPlanStop, RouteStart, UnplacedStop } from './dayPlanModel.js';
export { useSuggestions } from './routeScreen/useSuggestions.js';
export { formatDuration, formatKm } from './routeScreen/format.js';
