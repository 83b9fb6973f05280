/** The IR's JSON Schema compiled once (ajv, strict), for the tests that validate IRs against it. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { irSchema } from '../src/index.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(irSchema());

/** The first ten places where an IR breaks the schema (none when it conforms), as it is written as JSON. */
export function schemaErrors(ir: unknown): string[] {
  return validate(JSON.parse(JSON.stringify(ir)))
    ? []
    : (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
