// A reader thread of the first index: reads and prefilters the chunks of files the main thread sends,
// and moves the bytes of the files that may hold a check back to it, for parsing there.

import { parentPort, workerData } from 'node:worker_threads';
import { readAndFilter, type ReaderRequest, type ReaderResponse, type ScanSettings } from './readFilter';

const settings = workerData as ScanSettings;

parentPort?.on('message', (request: ReaderRequest) => {
  const response: ReaderResponse = { id: request.id, outcomes: request.files.map((file) => readAndFilter(file, settings)) };
  const moved = response.outcomes.flatMap((outcome) => (outcome.kind === 'read' ? [outcome.bytes.buffer as ArrayBuffer] : []));
  parentPort?.postMessage(response, moved);
});
