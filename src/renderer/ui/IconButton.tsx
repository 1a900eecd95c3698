import type { ReactNode } from 'react';
import { Button, Tooltip, TooltipTrigger } from 'react-aria-components';

/**
 * A compact button whose visible content may be shorter than its name: the full name is the
 * accessible name (it starts with the visible text, or the visible content is only an icon)
 * and shows as a tooltip on hover and on keyboard focus.
 */
export function IconButton({
  label,
  children,
  onPress,
  isDisabled,
  className = 'btn btn--small',
}: {
  label: string;
  children: ReactNode;
  onPress?: () => void;
  isDisabled?: boolean;
  className?: string;
}) {
  return (
    <TooltipTrigger delay={400} closeDelay={0}>
      <Button className={className} aria-label={label} onPress={onPress} isDisabled={isDisabled}>
        {children}
      </Button>
      <Tooltip className="tooltip" placement="top" offset={6}>
        {label}
      </Tooltip>
    </TooltipTrigger>
  );
}
