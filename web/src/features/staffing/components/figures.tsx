import { downloadCsv, toCsv, type CsvValue } from '@/lib/csv';

// Small pieces the staffing views share: a choice of a few buttons, a row of
// figures, and a button that downloads a table as CSV.

export { Segmented } from '@/components/segmented';

export interface Figure {
  key: string;
  label: string;
  value: string;
  note?: string;
}

/** Figures as tiles; each tile's test id is `<prefix>-<key>`. */
export function StatTiles({ figures, label, prefix }: { figures: Figure[]; label: string; prefix: string }) {
  return (
    <dl className="stat-tiles" aria-label={label} data-testid={`${prefix}-figures`}>
      {figures.map((f) => (
        <div key={f.key} className="stat-tile card" data-testid={`${prefix}-${f.key}`}>
          <dt>{f.label}</dt>
          <dd className="stat-tile__value">{f.value}</dd>
          {f.note && <dd className="stat-tile__note muted small">{f.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** Downloads `header` and `rows` as `filename` (CSV, UTF-8 with a byte order mark). */
export function CsvButton({ label, filename, header, rows }: { label: string; filename: string; header: string[]; rows: () => CsvValue[][] }) {
  return (
    <button type="button" className="btn btn--small" onClick={() => downloadCsv(filename, toCsv(header, rows()))}>
      {label}
    </button>
  );
}

/** A figure rounded for a spreadsheet: `digits` decimals, null stays empty. */
export function round(value: number | null | undefined, digits = 1): number | null {
  if (value == null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A share (0..1) as a percentage for a spreadsheet, one decimal: 0.1834 → 18.3. */
export const percentCell = (share: number | null | undefined) => round(share == null ? null : share * 100, 1);
