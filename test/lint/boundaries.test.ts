import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Lints a fixture's text as if it lived at `asPath`, and returns the boundary rule's findings. */
async function boundaryFindings(fixture: string, asPath: string): Promise<string[]> {
  // The project's own config, with type-aware rules off: the fixture is not a file of the project.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false, project: false } } }],
  });
  const text = readFileSync(new URL(`../fixtures/lint/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: `${root}${asPath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layering lint (hosts → api → core)', () => {
  it('reports src/ importing electron, react, mantine or the renderer', async () => {
    const findings = await boundaryFindings('core-imports-electron.ts.txt', 'src/store/leak.ts');
    expect(findings).toHaveLength(4);
    expect(findings.join('\n')).toMatch(/never imports electron/);
    expect(findings.join('\n')).toMatch(/UI libraries belong in renderer/);
    expect(findings.join('\n')).toMatch(/never imports a host/);
  });

  it('reports renderer/ importing core runtime code, Node modules or electron', async () => {
    const findings = await boundaryFindings('renderer-imports-core.tsx.txt', 'renderer/src/leak.tsx');
    expect(findings).toHaveLength(3);
    expect(findings.join('\n')).toMatch(/only types from src/);
    expect(findings.join('\n')).toMatch(/no Node modules/);
  });

  it('allows renderer/ to import the contract as types', async () => {
    expect(await boundaryFindings('renderer-imports-contract-types.tsx.txt', 'renderer/src/ok.tsx')).toEqual([]);
  });
});
