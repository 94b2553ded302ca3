import { fileURLToPath } from 'node:url';

/** The starter library: classic toxic pairs written against the demo company's systems (docs/sod.md). */
export const STARTER_RULES_PATH = fileURLToPath(new URL('../../resources/sod/starter-rules.csv', import.meta.url));
