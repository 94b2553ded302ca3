export { AboutModal, type AboutModalProps } from './AboutModal';
