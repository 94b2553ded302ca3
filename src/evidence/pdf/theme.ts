import { resourcePath } from '../../files/resource-path.js';

/** The pack's fonts (Source Sans 3, SIL OFL 1.1, resources/fonts), embedded as subsets. */
export const FONT_FILES = {
  regular: resourcePath('fonts/SourceSans3-Regular.ttf'),
  semibold: resourcePath('fonts/SourceSans3-Semibold.ttf'),
  bold: resourcePath('fonts/SourceSans3-Bold.ttf'),
  italic: resourcePath('fonts/SourceSans3-It.ttf'),
} as const;
export type FontName = keyof typeof FONT_FILES;

export const COLOR = {
  ink: '#1d2633',
  muted: '#5b6778',
  navy: '#1f3a5f',
  rule: '#c9d3df',
  headerFill: '#e6ecf3',
  zebra: '#f6f8fb',
  keep: '#2e7d32',
  revoke: '#c62828',
  pending: '#b26a00',
  ok: '#2e7d32',
  bad: '#c62828',
} as const;

/** A4 in points; margins leave room for the running header and the footer. */
export const PAGE = {
  portrait: { width: 595.28, height: 841.89 },
  landscape: { width: 841.89, height: 595.28 },
  marginX: 48,
  top: 66,
  bottom: 58,
} as const;
export type Orientation = 'portrait' | 'landscape';
