/// <reference lib="webworker" />
// Reads event logs off the page's thread: a CSV is streamed through papaparse a megabyte at
// a time (the page shows the progress and can end this worker to cancel); XES is scanned
// in one pass; a log saved with its map is unpacked here too. The finished log's typed
// arrays are transferred, not copied.
import Papa from 'papaparse';
import { createCsvEventReader } from '../eventlog/createCsvEventReader';
import { previewEventCsv } from '../eventlog/readEventCsv';
import { readXes } from '../eventlog/readXes';
import { decodeEventLog } from '../persistence/eventLogRecord';
import {
  copyLogArrays,
  type LogJobAnswer,
  type LogJobRequest,
  logBuffers,
  MAX_LOG_BYTES,
} from './eventLogJob';

declare const self: DedicatedWorkerGlobalScope;

const PREVIEW_BYTES = 256 * 1024;

function answer(message: LogJobAnswer, transfer: Transferable[] = []) {
  self.postMessage(message, transfer);
}

function done(result: Extract<LogJobAnswer, { type: 'done' }>['result']) {
  const spare = copyLogArrays(result.log);
  answer({ type: 'done', result, spare }, [...logBuffers(result.log), ...logBuffers(spare)]);
}

async function open(file: File) {
  if (file.size > MAX_LOG_BYTES) {
    answer({
      type: 'failed',
      message: `${file.name} is larger than ${MAX_LOG_BYTES / 1024 / 1024} MB.`,
    });
    return;
  }
  const head = await file.slice(0, PREVIEW_BYTES).text();
  if (/\.xes$/i.test(file.name) || head.trimStart().startsWith('<')) {
    answer({ type: 'progress', share: 0.1 });
    const result = readXes(await file.text());
    if ('ok' in result) answer({ type: 'failed', message: result.message });
    else done(result);
    return;
  }
  // The last line of the preview may be cut off: leave it out.
  const cut = file.size > PREVIEW_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const preview = previewEventCsv(cut);
  if (!preview) {
    answer({ type: 'failed', message: `${file.name} has no header row: it is empty.` });
    return;
  }
  answer({ type: 'columns', preview });
}

function read(request: Extract<LogJobRequest, { type: 'read' }>) {
  const reader = createCsvEventReader(request.options);
  const size = Math.max(1, request.file.size);
  Papa.parse<string[], File>(request.file, {
    delimiter: request.options.delimiter,
    chunkSize: 1 << 20,
    chunk: (results) => {
      reader.rows(results.data);
      answer({ type: 'progress', share: Math.min(0.99, results.meta.cursor / size) });
    },
    complete: () => done(reader.finish()),
    error: (error) =>
      answer({ type: 'failed', message: `Could not read the file: ${error.message}` }),
  });
}

self.addEventListener('message', (event: MessageEvent<LogJobRequest>) => {
  const request = event.data;
  if (request.type === 'open') {
    open(request.file).catch((error: unknown) =>
      answer({ type: 'failed', message: `Could not read the file: ${String(error)}` }),
    );
  } else if (request.type === 'decode') {
    const result = decodeEventLog(request.data);
    if (!result.ok) answer({ type: 'decoded', result });
    else {
      const spare = copyLogArrays(result.imported.log);
      const buffers = [...logBuffers(result.imported.log), ...logBuffers(spare)];
      answer({ type: 'decoded', result, spare }, buffers);
    }
  } else read(request);
});
