import { app, session } from 'electron';
import type { RendererLocation } from './renderer-location.js';

/**
 * The Electron security checklist, for every web contents the app ever creates: no navigation
 * away from the renderer, no new windows, no <webview>.
 */
export function confineWebContents(renderer: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => {
    // will-frame-navigate covers the main frame (what will-navigate sees) and every subframe.
    contents.on('will-frame-navigate', (event) => {
      if (!renderer.isRendererUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** No permission is ever granted, and no remote content is ever fetched. Call once the app is ready. */
export function lockDownSession(renderer: RendererLocation): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    callback({ cancel: !renderer.allowsNetworkRequest(details.url) });
  });
}
