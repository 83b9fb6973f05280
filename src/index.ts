/**
 * docs2ts's programmatic API: the stages the CLI is a thin layer over.
 *
 * ```ts
 * import { buildIR, generate, writeOutput } from 'docs2ts';
 * const { ir, files } = await generate({ input: 'docs/models', roots: ['Task'] });
 * if (files) writeOutput('src/generated', files);
 * ```
 *
 * @module
 */

import { emit, type EmitOptions } from './emit/index.js';
import { buildModel } from './model/build.js';
import { hasErrors } from './model/diagnostics.js';
import type { IR } from './model/ir.js';
import { getNotation } from './notation/index.js';
import { folderDocSource } from './parse/files.js';

export { parseDoc } from './parse/doc.js';
export { folderDocSource, memoryDocSource } from './parse/files.js';
export type { DocModel, DocField, DocValue, DocCell } from './parse/types.js';
export { buildModel, type DocSource, type BuildOptions } from './model/build.js';
export type { IR, Model, ObjectModel, EnumModel, UnionModel, Field, EnumValue, TypeRef, PrimitiveType, LiteralValue } from './model/ir.js';
export { IR_VERSION } from './model/ir.js';
export type { Diagnostic, Severity } from './model/diagnostics.js';
export { hasErrors } from './model/diagnostics.js';
export { notations, getNotation } from './notation/index.js';
export { emit, type EmitOptions } from './emit/index.js';
export { writeOutput, readManifest, WriteError, MANIFEST_FILE } from './write.js';

/** Options of {@link buildIR} and {@link generate}. */
export interface GenerateOptions extends EmitOptions {
  /** The docs folder. */
  input: string;
  /** Root model names or doc paths relative to `input`; empty or absent: every model. */
  roots?: readonly string[];
  /** Notation id; default `ruby`. */
  notation?: string;
}

/**
 * Parse the docs under `input` and build the IR.
 *
 * @throws {Error} when `input` is not a folder or the notation is unknown
 * @returns the IR; problems in the docs are in `ir.diagnostics`, not thrown
 */
export function buildIR(options: GenerateOptions): IR {
  return buildModel(folderDocSource(options.input), { notation: getNotation(options.notation ?? 'ruby'), roots: options.roots ?? [] });
}

/**
 * Build the IR and generate the output files in memory (nothing is written).
 *
 * @returns the IR and, unless it has error diagnostics, the files (name → text)
 */
export async function generate(options: GenerateOptions): Promise<{ ir: IR; files: Map<string, string> | null }> {
  const ir = buildIR(options);
  if (hasErrors(ir.diagnostics)) return { ir, files: null };
  return { ir, files: await emit(ir, options) };
}
