export { PackVerificationView, type PackVerificationViewProps } from './PackVerificationView';
