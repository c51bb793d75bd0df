// File import dialog shared by sites and receptor layers: choose a file, its format and CRS (and any
// extra fields the caller adds), check it (dry run) to see the bad rows, then commit. After a commit it
// says what the server stored (its `ids`), never what the dry run promised.
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';
import { CRS_CHOICES } from '../lib/crs-choices.js';
import { useModal } from '../lib/use-modal.js';
import { ErrorNote } from './PanelHead.js';

export interface ImportReportLike {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: { line: number | null; field?: string | null; message: string }[];
  duplicates?: unknown[];
  /** Ids the server stored: empty on a dry run and on a refused (all-or-nothing) import. */
  ids: readonly string[];
}

export interface ImportFormat {
  value: string;
  label: string;
  /** File name endings that select this format. */
  ext: readonly string[];
}

interface Props<R extends ImportReportLike> {
  /** Prefix of the element ids (`${idPrefix}-file`, `-format`, `-crs`, `-title`). */
  idPrefix: string;
  title: string;
  fileLabel: string;
  formats: readonly ImportFormat[];
  /** Runs the import (a dry run, or the commit; `skipInvalid` stores the valid rows of a file with bad ones). */
  run(file: File, opts: { format: string; crs: string; dryRun: boolean; skipInvalid: boolean }): Promise<R>;
  /** The commit button's label for a dry-run report with no rejected rows. */
  commitLabel(report: R): string;
  /** The summary of a committed import that stored `report.ids.length` rows. */
  committedText(report: R): string;
  /** A CSV template to download (columns the import reads, one example row). */
  templateHref?: string;
  /** Extra fields between the format row and the report (e.g. a default kind). */
  children?: ReactNode;
  /** Changes when an extra field changes: a dry run made before no longer stands. */
  resetKey?: string;
  onClose(imported: boolean): void;
}

export function ImportFileDialog<R extends ImportReportLike>(p: Props<R>) {
  const { t } = useTranslation();
  const dialog = useModal();
  const first = p.formats[0]?.value ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState(first);
  const [crs, setCrs] = useState('EPSG:4326');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger, not a value read.
  useEffect(() => setReport(null), [p.resetKey]);

  const formatOf = (name: string): string => {
    const lower = name.toLowerCase();
    return p.formats.find((f) => f.ext.some((x) => lower.endsWith(x)))?.value ?? first;
  };

  const run = async (dryRun: boolean, skipInvalid = false) => {
    if (!file) {
      setError(t('import.chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await p.run(file, { format, crs, dryRun, skipInvalid });
      setReport(r);
      if (!dryRun && r.ids.length > 0) setImported(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const id = (suffix: string) => `${p.idPrefix}-${suffix}`;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={id('title')}
      onClose={() => p.onClose(imported)}
      data-testid={`${p.idPrefix}-dialog`}
    >
      <h2 id={id('title')}>{p.title}</h2>
      <div className="field">
        <label htmlFor={id('file')}>{p.fileLabel}</label>
        <input
          id={id('file')}
          type="file"
          accept={p.formats.flatMap((f) => f.ext).join(',')}
          onChange={(e) => {
            const fl = e.target.files?.[0] ?? null;
            setFile(fl);
            setReport(null);
            if (fl) setFormat(formatOf(fl.name));
          }}
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={id('format')}>{t('import.format')}</label>
          <select id={id('format')} value={format} onChange={(e) => setFormat(e.target.value)}>
            {p.formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('crs')}>{t('import.crs')}</label>
          <select id={id('crs')} value={crs} onChange={(e) => setCrs(e.target.value)}>
            {CRS_CHOICES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {p.children}
      {busy && <p role="status">{t('import.checking')}</p>}
      <ErrorNote message={error} />
      {report && (
        <div className="import-report" data-testid="import-report" role="status">
          <p data-testid="import-outcome" className={outcomeClass(report)}>
            {report.dryRun
              ? t('import.report', { accepted: report.accepted, rejected: report.rejected })
              : report.ids.length > 0
                ? p.committedText(report)
                : t('import.nothingImported')}
          </p>
          {(report.duplicates?.length ?? 0) > 0 && (
            <p>{t('import.duplicates', { count: report.duplicates?.length ?? 0 })}</p>
          )}
          {report.errors.length > 0 && (
            // Focusable: the table scrolls sideways on narrow screens (axe scrollable-region-focusable).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be reachable by keyboard
            <table className="breakdown" tabIndex={0}>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.field')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.slice(0, 200).map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: several errors may share a line and field
                  <tr key={i}>
                    <td>{e.line ?? '—'}</td>
                    <td>{e.field ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={() => void run(true)} disabled={busy}>
          {t('import.dryRun')}
        </button>
        {report?.dryRun && report.accepted > 0 && report.rejected === 0 && (
          <button type="button" className="primary" onClick={() => void run(false)} disabled={busy}>
            {p.commitLabel(report)}
          </button>
        )}
        {report?.dryRun && report.accepted > 0 && report.rejected > 0 && (
          // The server stores the valid rows and skips the ones the dry run listed (skipInvalid).
          <button type="button" className="primary" onClick={() => void run(false, true)} disabled={busy}>
            {t('import.commitValid', { count: report.accepted, rejected: report.rejected })}
          </button>
        )}
        {p.templateHref && (
          <a className="button-link" href={p.templateHref} download>
            {t('import.template')}
          </a>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('import.close')}
        </button>
      </div>
    </dialog>
  );
}

/** A committed import that stored nothing is a failure, whatever the dry run said. */
function outcomeClass(r: ImportReportLike): string | undefined {
  if (r.dryRun) return undefined;
  return r.ids.length > 0 ? 'import-ok' : 'import-failed';
}
