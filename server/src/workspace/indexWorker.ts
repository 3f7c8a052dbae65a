// A worker thread of the first index: scans the chunks of files the main thread sends, one at a time.

import { parentPort, workerData } from 'node:worker_threads';
import { scanPath, type ScanSettings, type WorkerRequest, type WorkerResponse } from './scanFiles';

const settings = workerData as ScanSettings;

parentPort?.on('message', (request: WorkerRequest) => {
  const response: WorkerResponse = { id: request.id, outcomes: request.files.map((file) => scanPath(file, settings)) };
  parentPort?.postMessage(response);
});
