export { ReportPanel } from './report/ReportPanel.js';
