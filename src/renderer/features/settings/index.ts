export { SettingsScreen } from './SettingsScreen.js';
