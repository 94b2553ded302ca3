import { Alert } from '@mantine/core';
import type { ApiError } from '../../../../src/api/result';

export interface ApiErrorAlertProps {
  /** The failed call's error; nothing is rendered while it is null. */
  error: ApiError | null;
  /** What did not happen, e.g. "The workspace was not unlocked". */
  title: string;
}

/** The API's own sentence for what went wrong, with its code for support. */
export function ApiErrorAlert({ error, title }: ApiErrorAlertProps) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-error-code={error.code}>
      {error.message}
    </Alert>
  );
}
