import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';

export type CapsLockPasswordProps = PasswordInputProps;

/** A passphrase field that says when Caps Lock is on (the commonest reason for a wrong passphrase). */
export function CapsLockPassword({ description, ...props }: CapsLockPasswordProps) {
  const [capsLock, setCapsLock] = useState(false);
  const watch = (event: KeyboardEvent<HTMLInputElement>): void => setCapsLock(event.getModifierState('CapsLock'));
  return (
    <PasswordInput
      {...props}
      onKeyDown={watch}
      onKeyUp={watch}
      description={capsLock ? <span style={{ color: 'var(--mantine-color-orange-text)' }} role="status">Caps Lock is on.</span> : description}
    />
  );
}
