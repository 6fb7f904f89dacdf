// The module worker that highlights code blocks: highlight.js compiles a language's grammar on first use and then
// runs its matchers over every character, tens of milliseconds for a long block, off the page's main thread here.
import { highlightToHtml, type HighlightRequest } from '../core/highlighter';
import { serveJobs } from './workerJobs';

serveJobs((request: HighlightRequest) => highlightToHtml(request.code, request.language));
