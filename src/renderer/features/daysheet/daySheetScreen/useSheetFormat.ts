/** The day sheet's clock times, kilometres and minutes. */
import { useIntl } from 'react-intl';

export function useSheetFormat() {
  const intl = useIntl();
  return {
    time: (ms: number) => intl.formatTime(ms, { timeStyle: 'short' }),
    km: (n: number) => intl.formatNumber(n, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }),
    minutes: (n: number) => intl.formatNumber(Math.round(n), { style: 'unit', unit: 'minute' }),
  };
}

export type SheetFormat = ReturnType<typeof useSheetFormat>;
