import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { canShowItemInFolder, showItemInFolder } from '../../api/host';

export interface ShowInFolderButtonProps extends Pick<ButtonProps, 'size' | 'variant'> {
  path: string;
  /** The button's words ("Open its folder"). */
  label?: string;
}

/**
 * Shows a file just written in the system's file manager. Only the desktop app can: in the
 * browser (attest serve) the button is not there at all.
 */
export function ShowInFolderButton({ path, label = 'Open its folder', size = 'xs', variant = 'default' }: ShowInFolderButtonProps) {
  const [missing, setMissing] = useState(false);
  if (!canShowItemInFolder()) return null;
  return (
    <Button size={size} variant={variant} color={missing ? 'red' : undefined} title={missing ? `${path} is no longer there.` : path} onClick={() => void showItemInFolder(path).then((shown) => setMissing(!shown))}>
      {missing ? 'File not found' : label}
    </Button>
  );
}
