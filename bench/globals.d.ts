// The in-page instrumentation's global (bench/instrument.mjs), for the page functions in bench/*.mjs.
interface Window {
  __bench?: import('./instrument.mjs').BenchState;
}
