import { useMantineTheme } from '@mantine/core';

export interface AttestMarkProps {
  /** Width and height in pixels. */
  size?: number;
}

/** The product mark: a shield with a check, drawn inline so the app needs no image files. */
export function AttestMark({ size = 32 }: AttestMarkProps) {
  const theme = useMantineTheme();
  const fill = theme.colors[theme.primaryColor]?.[7] ?? '#3b5bdb';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2.5 4.5 6.8v8.4c0 7.1 4.9 12.6 11.5 14.3 6.6-1.7 11.5-7.2 11.5-14.3V6.8Z" fill={fill} />
      <path d="m10.6 16.2 3.7 3.7 7.1-7.6" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
