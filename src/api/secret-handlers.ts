import type { Handlers } from './handlers.js';
import { forgetRemembered, openRemembered, rememberedKey } from './remembered-unlock.js';

/** The "remember on this computer" operations' implementations, spread into the handler table. */
export const secretHandlers: Pick<Handlers, 'secrets.status' | 'secrets.forget' | 'workspace.openRemembered'> = {
  'secrets.status': ({ path }, { session }) => {
    const secrets = session.secrets;
    return { available: secrets !== null, remembered: secrets !== null && path !== undefined && path.trim() !== '' && secrets.has(rememberedKey(path.trim())) };
  },
  'secrets.forget': ({ path }, { session }) => forgetRemembered(session, path),
  'workspace.openRemembered': (input, { session }) => openRemembered(session, input),
};
