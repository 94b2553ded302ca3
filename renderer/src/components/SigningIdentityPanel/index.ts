export { SigningIdentityPanel } from './SigningIdentityPanel';
