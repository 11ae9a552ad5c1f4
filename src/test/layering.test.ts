import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const biome = join(root, 'node_modules', '.bin', 'biome');
// A scratch project with the repo's lint settings, so probes never land in src/.
const dir = mkdtempSync(join(tmpdir(), 'leverflow-lint-'));
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
delete config.$schema;
config.vcs = { enabled: false };
writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lints files (path -> source) laid out as in src/; returns the exit code and the output. */
function lint(files: Record<string, string>): { status: number | null; output: string } {
  const paths = Object.entries(files).map(([path, source]) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
    return file;
  });
  const run = spawnSync(biome, ['lint', `--config-path=${dir}`, ...paths], { encoding: 'utf8' });
  for (const file of paths) rmSync(file);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const importing = (from: string) => `import { x } from '${from}';\n\nexport const y = x;\n`;

// Each test runs Biome over a temporary tree: seconds on a loaded 2-core machine.
describe('the lint keeps the layers one way', { timeout: 30_000 }, () => {
  it('accepts the analyzer importing the model', () => {
    expect(lint({ 'src/analyzer/probe.ts': importing('../model') }).status).toBe(0);
  });

  it('refuses an analyzer -> leverage import', () => {
    const { status, output } = lint({ 'src/analyzer/probe.ts': importing('../leverage') });
    expect(status).not.toBe(0);
    expect(output).toContain('lint/style/noRestrictedImports');
    expect(output).toContain('analyzer knows only the flow and the model');
  });

  it('refuses analyzer -> review, leverage -> review, review -> store and io -> analyzer imports', () => {
    for (const [path, from] of [
      ['src/analyzer/probe.ts', '../review/findingKey'],
      ['src/leverage/probe.ts', '../review'],
      ['src/review/probe.ts', '../store/EditorStoreContext'],
      ['src/io/probe.ts', '../analyzer'],
      ['src/persistence/probe.ts', '../store/createEditorStore'],
    ] as const) {
      const { status, output } = lint({ [path]: importing(from) });
      expect(status, `${path} importing ${from}`).not.toBe(0);
      expect(output).toContain('lint/style/noRestrictedImports');
    }
  });

  it('refuses an import cycle', () => {
    const { status, output } = lint({
      'src/model/cycleA.ts': `import { b } from './cycleB';\n\nexport const a = () => b;\n`,
      'src/model/cycleB.ts': `import { a } from './cycleA';\n\nexport const b = () => a;\n`,
    });
    expect(status).not.toBe(0);
    expect(output).toContain('lint/suspicious/noImportCycles');
  });
});
