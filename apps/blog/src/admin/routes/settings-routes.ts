// /admin/settings: general, content, comments, menu and theme, validated by storage per key.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isStorageError, type Settings } from '@pugo/storage';
import type { FastifyInstance } from 'fastify';
import { THEMES_DIR } from '../../theme/theme.js';
import { type AdminContext, page, record } from '../admin-context.js';
import { formOf } from '../form-values.js';

type Kind = 'text' | 'int' | 'bool' | 'menu' | 'theme';
const FIELDS: Record<string, readonly [keyof Settings, Kind, string][]> = {
  general: [
    ['title', 'text', 'Title'],
    ['subtitle', 'text', 'Subtitle'],
    ['description', 'text', 'Description'],
    ['baseUrl', 'text', 'Base URL'],
  ],
  content: [
    ['pageSize', 'int', 'Posts per page'],
    ['feedFullText', 'bool', 'Full text in feeds'],
    ['feedLength', 'int', 'Items in feeds'],
  ],
  comments: [
    ['commentsModerateAll', 'bool', 'Hold every comment for moderation'],
    ['commentsAutoApproveKnown', 'bool', 'Approve authors with an approved comment'],
    ['commentMinLength', 'int', 'Minimum length'],
    ['commentMaxLength', 'int', 'Maximum length'],
    ['commentsCloseAfterDays', 'int', 'Close comments after N days (0: never)'],
  ],
  menu: [['menu', 'menu', 'Menu (one “Label | /url” a line)']],
  theme: [['theme', 'theme', 'Theme']],
};

export function settingsRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/settings', async (request, reply) => show(ctx, request, reply, [], {}));

  app.post<{ Params: { section: string } }>('/settings/:section', async (request, reply) => {
    const fields = FIELDS[request.params.section];
    if (!fields) return reply.code(404).type('text/plain; charset=utf-8').send('No such section.');
    const form = formOf(request);
    const values: Record<string, unknown> = {};
    for (const [key, kind] of fields) {
      const raw = form.text(key);
      if (kind === 'bool') values[key] = raw === 'on';
      else if (kind === 'int')
        values[key] = /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
      else if (kind === 'menu') values[key] = parseMenu(raw);
      else values[key] = raw.trim();
    }
    try {
      await ctx.storage.settings.setMany(values as Partial<Settings>);
    } catch (error) {
      if (isStorageError(error, 'PUGO_ERR_INVALID_SETTING')) {
        return show(ctx, request, reply, [(error as Error).message], values, 422);
      }
      throw error;
    }
    ctx.site.state.invalidate();
    await record(ctx, request, 'settings.updated', 'settings', null, request.params.section);
    return reply.redirect(`/admin/settings?notice=${encodeURIComponent('Settings saved')}`, 303);
  });
}

async function show(
  ctx: AdminContext,
  request: Parameters<typeof page>[1],
  reply: Parameters<typeof page>[2],
  problems: string[],
  entered: Record<string, unknown>,
  status = 200,
) {
  const settings = { ...(await ctx.storage.settings.getAll()), ...entered } as Settings;
  return page(
    ctx,
    request,
    reply,
    'settings',
    {
      title: 'Settings',
      section: 'settings',
      sections: FIELDS,
      settings,
      menuText: (settings.menu ?? []).map((m) => `${m.label} | ${m.url}`).join('\n'),
      themes: installedThemes(),
      problems,
    },
    status,
  );
}

function parseMenu(text: string): { label: string; url: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      return bar < 0
        ? { label: line, url: '' }
        : { label: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
    });
}

function installedThemes(): string[] {
  return readdirSync(THEMES_DIR)
    .filter((name) => name !== 'admin' && statSync(join(THEMES_DIR, name)).isDirectory())
    .sort();
}
