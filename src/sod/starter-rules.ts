import { resourcePath } from '../files/resource-path.js';

/** The starter library: classic toxic pairs written against the demo company's systems (docs/sod.md). */
export const STARTER_RULES_PATH = resourcePath('sod/starter-rules.csv');
