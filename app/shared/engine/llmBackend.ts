// The seam's types live in the core (src/engine/backend.ts): the app's engines and the CLI's use them alike.
export type { Generate, GenerateRequest, GenerateResult, LlmBackend, Usage } from '../../../src/engine/backend.ts';
