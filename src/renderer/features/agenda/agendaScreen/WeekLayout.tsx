/** The week's presentation, grid (default) or list, remembered on this laptop. */
import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { Msg } from '../../../i18n/Msg.js';

export type WeekLayout = 'grid' | 'list';
const KEY = 'tournee.agenda.weekLayout';

function stored(): WeekLayout {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'list' ? 'list' : 'grid';
  } catch {
    return 'grid';
  }
}

export function useWeekLayout(): [WeekLayout, (layout: WeekLayout) => void] {
  const [layout, setLayout] = useState<WeekLayout>(stored);
  return [
    layout,
    (next) => {
      setLayout(next);
      try {
        globalThis.localStorage?.setItem(KEY, next);
      } catch {
        // Private mode or full storage: the choice lasts this visit only.
      }
    },
  ];
}

export function WeekLayoutSwitch({
  layout,
  onChange,
}: {
  layout: WeekLayout;
  onChange: (layout: WeekLayout) => void;
}) {
  const intl = useIntl();
  return (
    <ToggleButtonGroup
      className="agenda__layout"
      aria-label={intl.formatMessage({ id: 'agenda.layout' })}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[layout]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (next === 'grid' || next === 'list') onChange(next);
      }}
    >
      {(['grid', 'list'] as const).map((l) => (
        <ToggleButton key={l} id={l} className="btn btn--small">
          <Msg id={`agenda.layout.${l}`} />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
