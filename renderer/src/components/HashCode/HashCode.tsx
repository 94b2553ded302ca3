import { Code } from '@mantine/core';

export interface HashCodeProps {
  /** A SHA-256 or fingerprint in hex. */
  value: string;
  label?: string;
}

/** A hash in monospace that wraps anywhere (64 hex digits do not fit a narrow column). */
export function HashCode({ value, label }: HashCodeProps) {
  return (
    <Code aria-label={label} style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
      {value}
    </Code>
  );
}
