export function App() {
  return <main><h1>GLM Playground</h1></main>;
}
