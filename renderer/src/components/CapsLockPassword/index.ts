export { CapsLockPassword, type CapsLockPasswordProps } from './CapsLockPassword';
