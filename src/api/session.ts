import { userInfo } from 'node:os';
import { AttestError } from '../errors.js';
import { StagedFiles } from '../files/staged-files.js';
import type { Workspace } from '../store/workspace.js';
import type { SecretStore } from './secret-store.js';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * What a host keeps between calls: at most one unlocked workspace and who is operating it.
 * The CLI makes one per command; the serve and Electron hosts keep one for the window's life.
 */
export class ApiSession {
  private current: Workspace | null = null;
  private operatorName: string | null = null;
  private readonly secretStore: SecretStore | null;
  /** Files a page dropped (files.stage), removed when the workspace locks or the session closes. */
  readonly staged = new StagedFiles();

  /** `secrets`: the host's keychain-backed store for "remember on this computer" (desktop app only). */
  constructor(options: { secrets?: SecretStore | null } = {}) {
    this.secretStore = options.secrets ?? null;
  }

  /** The store for remembered passphrases, when the host has one that can encrypt now; else null. */
  get secrets(): SecretStore | null {
    return this.secretStore?.isAvailable() ? this.secretStore : null;
  }

  get operator(): string {
    return this.operatorName ?? (this.current?.getMeta('operator') || osUser());
  }

  get workspace(): Workspace {
    if (!this.current?.isOpen) {
      throw new AttestError('NO_WORKSPACE_OPEN', 'No workspace is unlocked. Open or create a workspace first.');
    }
    return this.current;
  }

  get hasWorkspace(): boolean {
    return this.current?.isOpen ?? false;
  }

  /** Takes ownership of an opened workspace, closing any previous one. */
  attach(workspace: Workspace, operator?: string): void {
    this.close();
    this.current = workspace;
    if (operator !== undefined) this.operatorName = operator;
  }

  close(): boolean {
    const wasOpen = this.hasWorkspace;
    this.current?.close();
    this.current = null;
    this.staged.clear();
    return wasOpen;
  }
}
