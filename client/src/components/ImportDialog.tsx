// Import dialog: choose a file and its CRS, check it (dry run) to see bad rows, then commit.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Api, ApiError } from '../lib/api.js';
import { CRS_CHOICES } from '../lib/enums.js';
import type { ImportReport } from '../lib/types.js';

interface Props {
  api: Api;
  onClose(imported: boolean): void;
}

function formatOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ext === 'csv' ? 'csv' : ext === 'kml' ? 'kml' : 'geojson';
}

export function ImportDialog({ api, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('geojson');
  const [crs, setCrs] = useState('EPSG:4326');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState(false);

  useEffect(() => {
    // showModal gives focus trapping and Esc-to-close for free.
    dialog.current?.showModal();
  }, []);

  const run = async (dryRun: boolean) => {
    if (!file) {
      setError(t('import.chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.importSites(file, file.name, { format, crs, dryRun });
      setReport(r);
      if (!dryRun) setImported(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="import-title" onClose={() => onClose(imported)}>
      <h2 id="import-title">{t('import.title')}</h2>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".geojson,.json,.csv,.kml"
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
          <label htmlFor="import-format">{t('import.format')}</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="geojson">GeoJSON</option>
            <option value="csv">CSV</option>
            <option value="kml">KML</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-crs">{t('import.crs')}</label>
          <select id="import-crs" value={crs} onChange={(e) => setCrs(e.target.value)}>
            {CRS_CHOICES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {busy && <p role="status">{t('import.checking')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div className="import-report" data-testid="import-report" role="status">
          <p>
            {report.dryRun
              ? t('import.report', { accepted: report.accepted, rejected: report.rejected })
              : t('import.committed', { accepted: report.accepted, rejected: report.rejected })}
          </p>
          {report.duplicates.length > 0 && (
            <p>{t('import.duplicates', { count: report.duplicates.length })}</p>
          )}
          {report.errors.length > 0 && (
            <table className="breakdown">
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
        {report?.dryRun && report.accepted > 0 && (
          <button type="button" className="primary" onClick={() => void run(false)} disabled={busy}>
            {t('import.commit', { count: report.accepted })}
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('import.close')}
        </button>
      </div>
    </dialog>
  );
}
