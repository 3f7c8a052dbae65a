// A reader thread of the first index: reads and prefilters the chunks of files the main thread sends,
// and sends back the prepared text of the files that may hold a check, for parsing there.

import { parentPort, workerData } from 'node:worker_threads';
import { readAndFilter, type ReaderRequest, type ReaderResponse, type ScanSettings } from './readFilter';

const settings = workerData as ScanSettings;

parentPort?.on('message', (request: ReaderRequest) => {
  const response: ReaderResponse = { id: request.id, outcomes: request.files.map((file) => readAndFilter(file, settings)) };
  parentPort?.postMessage(response);
});
