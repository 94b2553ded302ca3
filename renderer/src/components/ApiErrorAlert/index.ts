export { ApiErrorAlert, type ApiErrorAlertProps } from './ApiErrorAlert';
