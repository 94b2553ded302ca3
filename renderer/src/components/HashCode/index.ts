export { HashCode, type HashCodeProps } from './HashCode';
