// The module worker that writes the JSON of a request body of megabytes for the request preview, off the page's
// main thread.
import type { ChatRequestBody } from '../core/request';
import { serveJobs } from './workerJobs';

serveJobs((body: ChatRequestBody) => JSON.stringify(body, null, 2));
