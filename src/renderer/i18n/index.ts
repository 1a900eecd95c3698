export { I18nProvider } from './I18nProvider.js';
export {
  browserLocale,
  catalogues,
  defaultLocale,
  defaultTimeZone,
  isLocale,
  lastUsedLocale,
  rememberLocale,
} from './catalogues.js';
export type { MessageKey } from './catalogues.js';
export { useT } from './useT.js';
export { Msg, Text } from './Msg.js';
export { formatClock, formatDay, formatMoney, formatPercentBp, useFormat, useMoney } from './format.js';
export type { Format } from './format.js';
export { ErrorText, refusalMessage, useErrorText } from './errorText.js';
export type { Refusal } from './errorText.js';
export {
  defaultEnglishFormat,
  englishFormats,
  formatLocaleOf,
  isEnglishFormat,
  rememberEnglishFormat,
  useEnglishFormat,
} from './formatLocale.js';
export type { EnglishFormat } from './formatLocale.js';
