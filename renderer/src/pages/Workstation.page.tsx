import { useCallback, useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { call } from '../api/client';
import { WorkstationShell, type NavItem } from '../components/WorkstationShell';
import { useAutoLock } from '../hooks/useAutoLock';
import { useHashRoute } from '../hooks/useHashRoute';
import { AuditPage } from './Audit.page';
import { CampaignsPage } from './Campaigns.page';
import { DashboardPage } from './Dashboard.page';
import { EvidencePage } from './Evidence.page';
import { FindingsPage } from './Findings.page';
import { IdentitiesPage } from './Identities.page';
import { IdentityPage } from './Identity.page';
import { ImportPage } from './Import.page';
import { SettingsPage } from './Settings.page';
import { SystemsPage } from './Systems.page';

export type WorkspaceInfo = OperationOutput<'workspace.info'>;
type Settings = OperationOutput<'settings.get'>;

export interface WorkstationPageProps {
  info: WorkspaceInfo;
  /** Locks the workspace; `reason` says why when it was not the user's click. */
  onLock: (reason?: string) => void;
}

const NAV: NavItem[] = [
  { id: 'dashboard', label: 'Dashboard', description: 'Systems, findings, SoD at a glance' },
  { id: 'systems', label: 'Systems & snapshots', description: 'Provenance and diffs' },
  { id: 'identities', label: 'Identities & accounts', description: 'Search people and access' },
  { id: 'findings', label: 'Findings & SoD', description: 'Risks and violations' },
  { id: 'campaigns', label: 'Campaigns', description: 'Access reviews and decisions' },
  { id: 'import', label: 'Import', description: 'Bring in an export' },
  { id: 'evidence', label: 'Evidence', description: 'Signed packs, verification' },
  { id: 'audit', label: 'Audit trail', description: 'Every change, hash-chained' },
  { id: 'settings', label: 'Settings', description: 'Operator, signing, thresholds' },
];

/** The unlocked workspace: the shell, the screen the URL names, and the auto-lock. */
export function WorkstationPage({ info, onLock }: WorkstationPageProps) {
  const [route, navigate] = useHashRoute();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void call('settings.get', {}).then((result) => result.ok && setSettings(result.value));
  }, []);
  const autoLock = useCallback(() => onLock(`Locked after ${settings?.autoLockMinutes ?? 0} minutes without activity. Unlock to go on.`), [onLock, settings]);
  useAutoLock(settings?.autoLockMinutes ?? 0, autoLock);

  const [screen = 'dashboard', detail, ...rest] = route;
  const active = NAV.some((n) => n.id === screen) ? screen : 'dashboard';
  // Another screen starts at its top, not at the scroll position of the one before.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [active]);
  return (
    <WorkstationShell org={info.org} path={info.path} items={NAV} active={active} onNavigate={(id) => navigate(id)} onLock={() => onLock()}>
      {active === 'dashboard' && <DashboardPage onNavigate={navigate} />}
      {active === 'systems' && <SystemsPage system={detail ?? null} onNavigate={navigate} />}
      {active === 'identities' && (detail ? <IdentityPage employeeId={detail} onNavigate={navigate} /> : <IdentitiesPage onNavigate={navigate} />)}
      {active === 'findings' && <FindingsPage route={detail ? [detail, ...rest] : []} onNavigate={navigate} />}
      {active === 'campaigns' && <CampaignsPage route={detail ? [detail, ...rest] : []} onNavigate={navigate} />}
      {active === 'import' && <ImportPage onNavigate={navigate} />}
      {active === 'evidence' && <EvidencePage workspacePath={info.path} />}
      {active === 'audit' && <AuditPage />}
      {active === 'settings' && <SettingsPage info={info} settings={settings} onSaved={setSettings} />}
    </WorkstationShell>
  );
}
