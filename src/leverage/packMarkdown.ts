import type { Sla } from '../model';
import { formatHours } from './format';
import type { HandOffPack } from './handOffPack';

/** Text a Markdown reader would take as markup, escaped. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function minutes(m: number | undefined): string {
  return m === undefined ? 'not set' : `${Math.round(m * 10) / 10} min`;
}

/**
 * The lines describing an agreement, as "label: value" pairs (unset fields left out).
 * @example agreementLines({ turnaroundHours: 24 }) // [['Turnaround', '24 h']]
 */
export function agreementLines(sla: Sla | undefined): [string, string][] {
  if (!sla) return [];
  const out: [string, string][] = [];
  if (sla.turnaroundHours !== undefined) out.push(['Turnaround', formatHours(sla.turnaroundHours)]);
  if (sla.metric) out.push(['Quality metric', sla.metric]);
  if (sla.minimumLevel) out.push(['Minimum acceptable level', sla.minimumLevel]);
  if (sla.onTimeBonusPercent !== undefined)
    out.push(['On-time bonus', `${sla.onTimeBonusPercent}% for work on time without help`]);
  if (sla.escalateTo) out.push(['Escalate to', sla.escalateTo]);
  if (sla.reviewCadence) out.push(['Results reviewed', sla.reviewCadence]);
  return out;
}

/**
 * One or more hand-off packs as Markdown, one section per pack.
 * @example packMarkdown([handOffPack(map, { personId: 'maria' }, '2026-11-30')])
 */
export function packMarkdown(packs: readonly HandOffPack[]): string {
  return `${packs.map(onePack).join('\n\n---\n\n')}\n`;
}

function onePack(pack: HandOffPack): string {
  const lines: string[] = [];
  lines.push(`# Hand-off pack: ${md(pack.title)}`);
  lines.push('');
  lines.push(`From ${md(pack.ownerName)}, ${pack.date}.  `);
  lines.push(`Map: ${md(pack.mapName)}, version ${pack.mapVersion}.`);
  lines.push('');
  lines.push('## Your agreement');
  lines.push('');
  const agreed = agreementLines(pack.agreement);
  if (agreed.length === 0) lines.push('No agreement set for the whole role; see each step.');
  for (const [k, v] of agreed) lines.push(`- **${k}:** ${md(v)}`);
  lines.push('');
  lines.push(`## Your steps, in flow order (${pack.casesPerWeek} cases a week)`);
  pack.steps.forEach((s, i) => {
    lines.push('');
    lines.push(`### ${i + 1}. ${md(s.label)}${s.kind === 'decision' ? ' (decision)' : ''}`);
    lines.push('');
    lines.push(`- **Comes in from:** ${s.comesFrom.map(md).join(', ') || '—'}`);
    lines.push(`- **Goes out to:** ${s.goesTo.map(md).join(', ') || '—'}`);
    lines.push(`- **Expected time:** ${minutes(s.durationMinutes)}`);
    lines.push(`- **How often:** ${Math.round(s.timesPerWeek * 10) / 10} times a week`);
    for (const b of s.branches) lines.push(`- **If ${md(b.label)}:** go to ${md(b.to)}`);
    const own = agreementLines(s.agreement);
    if (own.length > 0)
      lines.push(`- **Agreement:** ${own.map(([k, v]) => `${k} ${md(v)}`).join('; ')}`);
    lines.push('');
    lines.push(s.instructions ? `> ${md(s.instructions)}` : '_No instructions written yet._');
  });
  return lines.join('\n');
}
