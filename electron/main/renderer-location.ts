import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the window's page comes from, and the test every URL the window meets is held to. */
export interface RendererLocation {
  /** What the window loads. */
  url: string;
  /** True for the renderer's own page: the only navigation target and the only IPC sender. */
  isRendererUrl(url: string): boolean;
  /** True for the one network origin the window may reach (the dev server, in development). */
  allowsNetworkRequest(url: string): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The built renderer from file; electron-vite's dev server when `electron-vite dev` set
 * ELECTRON_RENDERER_URL and the app is not packaged.
 */
export function locateRenderer(isPackaged: boolean, devServerUrl: string | undefined = process.env.ELECTRON_RENDERER_URL): RendererLocation {
  const dev = !isPackaged && devServerUrl ? parse(devServerUrl) : null;
  if (dev) {
    return {
      url: dev.href,
      isRendererUrl: (url) => parse(url)?.origin === dev.origin,
      // HMR talks over a WebSocket on the same host.
      allowsNetworkRequest: (url) => parse(url)?.host === dev.host,
    };
  }
  const page = pathToFileURL(join(import.meta.dirname, '../renderer/index.html'));
  return {
    url: page.href,
    isRendererUrl: (url) => {
      const given = parse(url);
      return given?.protocol === 'file:' && given.pathname === page.pathname;
    },
    allowsNetworkRequest: () => false,
  };
}
