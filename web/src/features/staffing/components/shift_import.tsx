import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '@/lib/api_client';
import { errorMessage } from '@/lib/error_message';
import { useImportShifts } from '../api/staffing';

// Shifts from a CSV file, picked or pasted: `date,start,end,agents` and
// optionally `channel`, `department_id`, `queue_id`, `label`, local to the
// page's time zone. The server takes all of it or none; a refusal names each
// bad line and column (`line 3: agents`), listed here line by line.

export interface LineError {
  line: number | null;
  column: string | null;
  message: string;
}

/** "line 3: agents" → line 3, column "agents"; a field that names no line (the header, the file) stays as it is. */
export function lineError(e: FieldError): LineError {
  const m = /^line\s+(\d+)(?:\s*:\s*(.+))?$/i.exec(e.field.trim());
  if (m) return { line: Number(m[1]), column: m[2] ?? null, message: e.message };
  return { line: null, column: e.field || null, message: e.message };
}

/** The refusal's errors, the file's own first, then by line. */
export function lineErrors(errors: FieldError[]): LineError[] {
  return errors.map(lineError).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function ShiftImportForm({ tz }: { tz: string }) {
  const { t } = useTranslation();
  const id = useId();
  const importShifts = useImportShifts();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const errors = isApiError(importShifts.error) ? lineErrors(importShifts.error.errors) : [];
  const describe = (e: LineError) => {
    if (e.line == null) return e.column ? t('staffing.import.fieldError', { field: e.column, message: e.message }) : e.message;
    return e.column ? t('staffing.import.lineColumnError', { line: e.line, column: e.column, message: e.message }) : t('staffing.import.lineError', { line: e.line, message: e.message });
  };
  return (
    <form
      className="card stack shift-import"
      data-testid="shift-import"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        importShifts.mutate({ csv, tz }, { onSuccess: () => setCsv('') });
      }}
    >
      <h3 className="panel-subtitle" id={`${id}-title`}>
        {t('staffing.import.title')}
      </h3>
      <p className="help">{t('staffing.import.help', { tz })}</p>
      <pre className="shift-import__example small">{'date,start,end,agents,label\n2026-12-07,09:00,17:00,4,Dagdienst'}</pre>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('staffing.import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            void file.text().then(setCsv);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{fileName ? t('staffing.import.textOf', { name: fileName }) : t('staffing.import.text')}</label>
        <textarea id={`${id}-text`} rows={6} spellCheck={false} value={csv} onChange={(e) => setCsv(e.target.value)} aria-invalid={errors.length > 0 || undefined} aria-describedby={errors.length > 0 ? `${id}-errors` : undefined} />
      </div>
      <div className="row-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={!csv.trim() || importShifts.isPending}>
          {t('staffing.import.submit')}
        </button>
        {importShifts.isSuccess && (
          <span role="status" className="small" data-testid="import-done">
            {t('staffing.import.done', { count: importShifts.data.imported })}
          </span>
        )}
      </div>
      {importShifts.isError && (
        <div className="form-error" role="alert" id={`${id}-errors`} data-testid="import-errors">
          <p>{errorMessage(t, importShifts.error)}</p>
          {errors.length > 0 && (
            <ul>
              {errors.map((e, i) => (
                <li key={i} data-testid="import-error" data-line={e.line ?? undefined}>
                  {describe(e)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
