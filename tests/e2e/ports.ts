// Fixed ports for the end-to-end run (playwright.config.ts, tests/e2e/global-setup.ts and the specs agree on them).

/** The built app, served by `vite preview` with the same-origin proxy pointed at the mock. */
export const previewPort = Number(process.env.E2E_PREVIEW_PORT ?? 4179);
/** The mock Z.ai server, with CORS, usable directly as a Custom base URL and through its control API. */
export const mockPort = Number(process.env.E2E_MOCK_PORT ?? 4180);

export const previewUrl = `http://127.0.0.1:${previewPort}`;
export const mockUrl = `http://127.0.0.1:${mockPort}`;
/** The mock's base URL, to type into the app's "Base URL" field with the Custom endpoint. */
export const mockBaseUrl = `${mockUrl}/api/paas/v4`;
