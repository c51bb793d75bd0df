// Reads a CSV or GeoJSON import file as a stream of rows: the bytes in small chunks, decoded in the
// file's character set (guessed by a first pass over the file, as for a whole-file import), CSV records
// from csv-parse's streaming parser, GeoJSON features from FeatureSplitter — so a file of any size is
// held one chunk and one row at a time. A file that cannot be read as a whole throws ImportAborted.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { checkCrs } from '../core/register/import/coords.js';
import {
  type CsvRecord,
  type CsvRowReader,
  csvErrorMessage,
  csvParseOptions,
  csvRowReader,
  detectDelimiter,
} from '../core/register/import/csv.js';
import { EncodingSniffer, type TextEncodingName } from '../core/register/import/decode.js';
import { FeatureSplitter, SplitError } from '../core/register/import/feature-splitter.js';
import { featureToRow, legacyCrs } from '../core/register/import/geojson.js';
import type { RowItem } from '../core/register/import/types.js';
import { ImportAborted } from './site-import.js';

/** Bytes read at a time: what a streamed import holds of the file, besides one unfinished row. */
export const STREAM_CHUNK_BYTES = 64 * 1024;

export type StreamFormat = 'csv' | 'geojson';

export interface StreamStats {
  /** Most rows held at once between the parser and the importer (one chunk's worth at most). */
  maxRowsHeld: number;
  /** Most characters of the file held at once by the GeoJSON splitter (a chunk plus one feature). */
  maxBufferedChars: number;
}

/** The file's character set: the one given (UTF-8 checked), or guessed over the whole file in chunks. */
export async function fileEncoding(
  file: string,
  given: TextEncodingName | undefined,
): Promise<TextEncodingName> {
  if (given !== undefined && given !== 'utf-8') return given;
  const sniffer = new EncodingSniffer();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES }))
    sniffer.feed(chunk as Buffer);
  if (given === 'utf-8' && !sniffer.validUtf8)
    throw new ImportAborted(
      'INVALID_UTF8',
      'The file is not valid UTF-8 although encoding=utf-8 was given; save it as UTF-8, or give its encoding (windows-1250, windows-1251).',
    );
  return sniffer.guess();
}

async function* textChunks(file: string, encoding: TextEncodingName): AsyncGenerator<string> {
  // TextDecoder drops a leading UTF-8 BOM itself and joins characters cut between chunks.
  const decoder = new TextDecoder(encoding);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The rows of a CSV or GeoJSON file, one at a time; `stats` is filled in as they are read. */
export async function* streamRows(
  file: string,
  format: StreamFormat,
  options: { crs?: string | undefined; encoding?: TextEncodingName | undefined },
  stats: StreamStats = { maxRowsHeld: 0, maxBufferedChars: 0 },
): AsyncGenerator<RowItem> {
  const encoding = await fileEncoding(file, options.encoding);
  const chunks = textChunks(file, encoding);
  if (format === 'csv') yield* csvRows(chunks, options.crs, stats);
  else yield* geoJsonRows(chunks, options.crs, stats);
}

async function* csvRows(
  chunks: AsyncGenerator<string>,
  crsOption: string | undefined,
  stats: StreamStats,
): AsyncGenerator<RowItem> {
  const crs = checkCrs(crsOption);
  if (!crs.ok) throw new ImportAborted('UNKNOWN_CRS', crs.message, 400, { crs: crsOption });
  // The delimiter is read off the header line: gather chunks until it is complete.
  // (next() by hand: breaking out of a for-await would close the generator.)
  let head = '';
  while (!/\n/.test(head)) {
    const next = await chunks.next();
    if (next.done) break;
    head += next.value;
  }
  const delimiter = detectDelimiter(head);
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    yield* chunks;
  }
  const parser = parse(csvParseOptions(delimiter));
  const feeding = pipeline(Readable.from(all()), parser).catch(() => undefined);
  let reader: CsvRowReader | null = null;
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) {
      if (!reader) {
        const r = csvRowReader(Object.keys(record.record), delimiter, crsOption, crs.crs);
        if (!r.ok) throw new ImportAborted('BAD_FILE', r.message);
        reader = r;
      }
      // csv-parse hands records over one at a time: one row is held here.
      stats.maxRowsHeld = Math.max(stats.maxRowsHeld, 1 + parser.readableLength);
      yield reader.read(record);
    }
  } catch (err) {
    if (err instanceof ImportAborted) throw err;
    throw new ImportAborted('BAD_FILE', csvErrorMessage(err));
  } finally {
    parser.destroy();
    await feeding;
  }
}

async function* geoJsonRows(
  chunks: AsyncGenerator<string>,
  crsOption: string | undefined,
  stats: StreamStats,
): AsyncGenerator<RowItem> {
  const splitter = new FeatureSplitter();
  const given = crsOption === undefined ? null : checkCrs(crsOption);
  if (given && !given.ok) throw new ImportAborted('UNKNOWN_CRS', given.message, 400, { crs: crsOption });
  let crs: string | null = given?.ok ? given.crs : null;
  let line = 0;
  try {
    for await (const text of chunks) {
      const features = splitter.feed(text);
      stats.maxBufferedChars = splitter.maxBufferedChars;
      stats.maxRowsHeld = Math.max(stats.maxRowsHeld, features.length);
      if (features.length === 0) continue;
      // The first feature fixes the CRS: the parameter, else a legacy `crs` member written before the
      // features (GDAL writes it there), else WGS84.
      crs ??= crsOf(crsName(splitter.crsText));
      for (const f of features) {
        line += 1;
        yield featureToRow(parseJson(f), line, crs);
      }
    }
    const end = splitter.end();
    const type = end.typeText === null ? null : parseJson(end.typeText);
    if (!end.collection) {
      // One Feature (not a collection): its whole text, parsed like the features of a collection.
      const doc = parseJson(end.rootText ?? 'null');
      if (type !== 'Feature')
        throw new ImportAborted('BAD_FILE', 'Expected a GeoJSON FeatureCollection or Feature.');
      yield featureToRow(doc, 1, crs ?? crsOf(legacyCrs(doc) ?? null));
      return;
    }
    if (type !== 'FeatureCollection')
      throw new ImportAborted('BAD_FILE', 'Expected a GeoJSON FeatureCollection or Feature.');
    // A `crs` member after the features came too late to convert them: say how to give it.
    if (given === null && end.crsText !== null && line > 0 && crs !== crsOf(crsName(end.crsText)))
      throw new ImportAborted(
        'BAD_FILE',
        'The file names its CRS after its features; give it as the crs parameter (e.g. crs=EPSG:3844).',
      );
    if (line === 0 && end.crsText !== null) crsOf(crsName(end.crsText));
  } catch (err) {
    if (err instanceof SplitError) throw new ImportAborted('BAD_FILE', err.message);
    throw err;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportAborted('BAD_FILE', `GeoJSON is not valid JSON: ${(err as Error).message}`);
  }
}

/** The name in a legacy `crs` member's JSON text, if any. */
function crsName(text: string | null): string | null {
  if (text === null) return null;
  return legacyCrs({ crs: parseJson(text) }) ?? null;
}

function crsOf(name: string | null): string {
  const checked = checkCrs(name ?? undefined);
  if (!checked.ok) throw new ImportAborted('UNKNOWN_CRS', checked.message, 400, { crs: name });
  return checked.crs;
}
