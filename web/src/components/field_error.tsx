import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api_client';
import { errorMessage } from '@/lib/error_message';

// How a failed request is shown: the message for a field sits under that field
// (linked with aria-describedby), everything else in a FormError beside the
// action that failed.

/** Props for an input whose value the server may reject: id, aria-invalid, aria-describedby. */
export function fieldProps(id: string, error: unknown, field: string) {
  const message = isApiError(error) ? error.fieldMessage(field) : undefined;
  return {
    id,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? `${id}-error` : undefined,
  } as const;
}

export function FieldError({ id, error, field }: { id: string; error: unknown; field: string }) {
  const message = isApiError(error) ? error.fieldMessage(field) : undefined;
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`} data-testid="field-error" data-field={field}>
      {message}
    </p>
  );
}

/**
 * The error of a whole request. Field errors listed in `fields` are shown by
 * their FieldError and left out here; any others are listed.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const shown = (f: string) => fields.some((x) => f === x || f.startsWith(`${x}[`) || f.startsWith(`${x}.`));
  const others = isApiError(error) ? error.errors.filter((e) => !shown(e.field)) : [];
  return (
    <div className="form-error" role="alert" data-testid="form-error">
      <p>{errorMessage(t, error)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
