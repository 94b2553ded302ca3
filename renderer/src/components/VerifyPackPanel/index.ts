export { VerifyPackPanel } from './VerifyPackPanel';
