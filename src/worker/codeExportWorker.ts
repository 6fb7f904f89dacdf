// The module worker that generates exported code for a request of megabytes off the page's main thread
// (src/core/codegen/exportedCode.ts does the work).
import { exportedCode, type CodeExportChoices, type ExportedCode } from '../core/codegen/exportedCode';
import type { ChatRequest } from '../core/request';

export interface CodeExportJob {
  jobId: number;
  request: ChatRequest;
  choices: CodeExportChoices;
}

export interface CodeExportDone {
  jobId: number;
  result: ExportedCode;
}

interface WorkerScope {
  postMessage(message: CodeExportDone): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CodeExportJob>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { jobId, request, choices } = event.data;
  scope.postMessage({ jobId, result: exportedCode(request, choices) });
});
