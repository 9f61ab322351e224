// This file runs in Node at build time; the renderer's no-Node rule is for the app's code.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The same policy the web host sends as a header; Electron loads the page from file:// where no
// header exists, so the built page carries it as a meta tag. Build only: the dev server injects
// inline scripts that this policy would block.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; connect-src 'self' ws: wss:";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'dscrm-csp-meta',
    apply: 'build',
    // Right after <meta charset>, before any script the policy governs.
    transformIndexHtml: (html) => html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/** Libraries in chunks of their own; tests/renderer-chunks.test.ts checks the login page loads none but React. */
export const VENDOR_CHUNKS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'ag-grid', test: /[\\/]node_modules[\\/]ag-grid-(community|react)[\\/]/ },
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: 'sip', test: /[\\/]node_modules[\\/]sip\.js[\\/]/ },
];

export default defineConfig({
  root,
  // Relative asset URLs: Electron loads dist/renderer/index.html with file://.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The page is read from the local disk (file:// in Electron, 127.0.0.1 for the web host), not
    // over a network; ag-grid alone is ~1 MB.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Screens are lazy (renderer/shell/screens.tsx); the big libraries get chunks of their
        // own so that the login page and the shell load none of them, a screen loads only the
        // ones it uses, and an app update that does not change them keeps them cached.
        codeSplitting: { groups: VENDOR_CHUNKS.map(({ name, test }) => ({ name, test, priority: 10 })) },
      },
    },
  },
  server: { port: 5173, strictPort: false },
});
