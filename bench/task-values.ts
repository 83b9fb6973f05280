/** The fixed Task values of `npm run bench:validate` (valid, and invalid with one to four errors each). */

export const profile = { width: 1280, name: '720p', height: 720, bitrate: 4_000_000, fps: 30 };

/** Valid Task values, from a bare task to a fully filled transcode task. */
export const VALID_TASKS: unknown[] = [
  { id: '09F8B46C-61A0-4254-9875-F71F4C605BC7', type: 'upload', created_at: 1587667174725, status: { phase: 'completed', updated_at: 1587667174725 } },
  {
    id: '09F8B46C-61A0-4254-9875-F71F4C605BC7',
    type: 'transcode-file',
    created_at: 1587667174725,
    scheduled_at: 1587667174725,
    input_asset_id: '09F8B46C-61A0-4254-9875-F71F4C605BC7',
    output_asset_id: '09F8B46C-61A0-4254-9875-F71F4C605BC7',
    params: {
      transcode_file: {
        input: { url: 'https://cdn.example.com/in.mp4' },
        storage: { url: 's3+https://key:secret@storage.example.com/bucket' },
        outputs: { hls: { path: '/samplevideo/hls' }, mp4: { path: '/samplevideo/mp4' } },
        profiles: [
          profile,
          { ...profile, name: '1080p', width: 1920, height: 1080, bitrate: 6_000_000, fps_den: 1, profile: 'H264High', encoder: 'h264', gop: '2' },
        ],
        target_segment_size_secs: 6,
        creator_id: 'creator-1',
      },
    },
    status: { phase: 'running', updated_at: 1587667174725, progress: 0.5, retries: 1 },
    output: { transcode: { asset: { videoSpec: { format: 'mp4' } } } },
  },
  {
    id: 'a1',
    type: 'export',
    params: {
      export: { ipfs: { pinata: { apiKey: 'k' } } },
      export_data: { content: { name: 'clip' }, ipfs: { nft_metadata_template: 'player', nft_metadata: { a: 1 } }, type: 'nft', id: 'x' },
    },
    output: { export: { ipfs: { video_file_cid: 'Qm1', nft_metadata_cid: 'Qm2', video_file_url: 'ipfs://Qm1' } }, export_data: { ipfs: { cid: 'Qm3' } } },
    status: { phase: 'completed', updated_at: 1587667174725, progress: 1 },
  },
  {
    id: 'c1',
    type: 'clip',
    clip: {
      url: 'https://x/clip.m3u8',
      clip_strategy: { start_time: 1, end_time: 20, playback_id: 'p' },
      catalyst_pipeline_strategy: 'catalyst_ffmpeg',
      session_id: 's',
      input_id: 'i',
    },
    params: { upload: { url: 'https://x', encryption: {}, recorded_session_id: 'r' }, import: { url: 'https://y' }, transcode: { profile } },
    output: { upload: { a: 1 }, import: { b: [1, 2] } },
    status: { phase: 'waiting', updated_at: 1, error_message: 'none' },
  },
];

/** Invalid Task values, each with one to four errors, most of them nested. */
export const INVALID_TASKS: unknown[] = [
  { id: 1, type: 'UPLOAD', status: { phase: 'completed', updated_at: 1587667174725 } },
  {
    ...(VALID_TASKS[1] as object),
    params: { transcode_file: { profiles: [profile, { ...profile, width: 1.5, encoder: 'av1' }], outputs: { hls: { path: 3 } } } },
  },
  { ...(VALID_TASKS[2] as object), status: { updated_at: '1' }, output: { export: { ipfs: {} } } },
  { ...(VALID_TASKS[3] as object), clip: { clip_strategy: { start_time: 'a' }, catalyst_pipeline_strategy: 'x' }, created_at: Number.NaN },
];
