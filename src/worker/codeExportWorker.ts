// The module worker that generates exported code for a request of megabytes off the page's main thread
// (src/core/codegen/exportedCode.ts does the work).
import { exportedCode, type CodeExportChoices } from '../core/codegen/exportedCode';
import type { ChatRequest } from '../core/request';
import { serveJobs } from './workerJobs';

export interface CodeExportInput {
  request: ChatRequest;
  choices: CodeExportChoices;
}

serveJobs(({ request, choices }: CodeExportInput) => exportedCode(request, choices));
