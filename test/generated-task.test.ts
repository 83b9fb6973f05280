/** The committed generated/ output, run as users run it: verdicts and error paths on Task values. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importGenerated, ROOT } from './helpers.js';

type Api = Record<string, (value: unknown) => unknown>;
let api: Api;
beforeAll(async () => {
  api = await importGenerated(path.join(ROOT, 'generated'));
});

const profile = { width: 1280, name: '720p', height: 720, bitrate: 4_000_000, fps: 30 };
const validTasks: unknown[] = [
  {},
  { id: '09F8B46C', type: 'transcode-file', created_at: 1587667174725.5, status: { phase: 'running', updated_at: 1587667174725, progress: 0.5 } },
  {
    params: {
      transcode_file: {
        input: { url: 'https://x/y.mp4' },
        profiles: [profile, { ...profile, fps_den: 1, profile: 'H264High', encoder: 'h264' }],
        creator_id: { any: ['thing'] },
      },
      export: null,
      export_data: { content: { anything: true } },
    },
    output: { upload: { a: 1, b: null }, export: { ipfs: { video_file_cid: 'Qm' } } },
    clip: { url: 'u', clip_strategy: { start_time: 1, end_time: 2 } },
  },
  // Optional properties may be present as `undefined`, as TypeScript's `?` allows.
  { id: undefined },
];

const invalidTasks: { value: unknown; paths: string[] }[] = [
  { value: null, paths: [''] },
  { value: [], paths: [''] },
  { value: 'task', paths: [''] },
  { value: { id: 1 }, paths: ['/id'] },
  // T.nilable on an optional field only means "may be absent": null is not a value.
  { value: { id: null }, paths: ['/id'] },
  { value: { type: 'UPLOAD' }, paths: ['/type'] },
  { value: { created_at: '1' }, paths: ['/created_at'] },
  { value: { created_at: Number.NaN, scheduled_at: Infinity }, paths: ['/created_at', '/scheduled_at'] },
  { value: { status: {} }, paths: ['/status/phase', '/status/updated_at'] },
  { value: { status: { phase: 'done', updated_at: 1 } }, paths: ['/status/phase'] },
  {
    value: { params: { transcode_file: { profiles: [profile, { ...profile, width: 1.5 }, 'x'] } } },
    paths: ['/params/transcode_file/profiles/1/width', '/params/transcode_file/profiles/2'],
  },
  { value: { params: { transcode_file: { profiles: {} } } }, paths: ['/params/transcode_file/profiles'] },
  { value: { output: { upload: [] } }, paths: ['/output/upload'] },
  { value: { params: { export_data: { content: [] } } }, paths: ['/params/export_data/content'] },
  { value: { params: { export_data: {} } }, paths: ['/params/export_data/content'] },
  {
    value: { params: { transcode_file: { profiles: [{ ...profile, encoder: 'av1', profile: 'h264high' }] } } },
    paths: ['/params/transcode_file/profiles/0/profile', '/params/transcode_file/profiles/0/encoder'],
  },
];

describe('generated Task validators', () => {
  it.each(validTasks.map((v) => [JSON.stringify(v) ?? 'undefined', v]))('accepts %s', (_, value) => {
    expect(api.isTask!(value)).toBe(true);
    expect(api.validateTask!(value)).toEqual({ success: true, value });
    expect(() => api.assertTask!(value)).not.toThrow();
  });

  it.each(invalidTasks.map((c) => [JSON.stringify(c.value), c]))('rejects %s at the right paths', (_, { value, paths }) => {
    expect(api.isTask!(value)).toBe(false);
    const result = api.validateTask!(value) as { success: false; errors: { path: string; message: string; expected: string; received: string }[] };
    expect(result.success).toBe(false);
    expect(result.errors.map((e) => e.path)).toEqual(paths);
    for (const e of result.errors) {
      expect(typeof e.message).toBe('string');
      expect(e.expected).not.toBe('');
      expect(e.received).not.toBe('');
    }
    expect(() => api.assertTask!(value)).toThrow(api.ValidationFailedError);
  });

  it('reports a missing required property at its own pointer, with received "missing"', () => {
    const result = api.validateTask!({ status: { updated_at: 1 } }) as { errors: unknown[] };
    expect(result.errors).toEqual([{ path: '/status/phase', message: expect.stringContaining('missing'), expected: 'TaskPhase', received: 'missing' }]);
  });

  it('assertTask throws an Error subclass carrying every error', () => {
    try {
      api.assertTask!({ id: 1, type: 2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('ValidationFailedError');
      expect((error as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['/id', '/type']);
    }
  });

  it('exports the enums with their documented values', () => {
    expect(api.TaskType).toMatchObject({ UPLOAD: 'upload', EXPORT_DATA: 'export-data', TRANSCODE_FILE: 'transcode-file' });
    expect(api.isTaskPhase!('cancelled')).toBe(true);
    expect(api.isTaskPhase!('CANCELLED')).toBe(false);
  });
});
