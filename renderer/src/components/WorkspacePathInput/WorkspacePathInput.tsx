import { TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';

export interface WorkspacePathInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Says what the path is for (create a new file, or open an existing one). */
  description: string;
  /** Each new value moves the keyboard focus here (the File menu's New / Open). */
  focusSignal: number;
}

/** The workspace file path, the first field of the create and open forms. */
export function WorkspacePathInput({ value, onChange, description, focusSignal }: WorkspacePathInputProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSignal > 0) field.current?.focus();
  }, [focusSignal]);
  return (
    <TextInput
      ref={field}
      label="Workspace file"
      description={description}
      placeholder="/path/to/acme-fy25.attest"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      required
      autoComplete="off"
      spellCheck={false}
    />
  );
}
