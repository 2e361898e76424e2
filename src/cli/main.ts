import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, validateProfile, type FormatProfile } from '../format/profile.ts';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { FORMATS } from '../interchange/formats.ts';
import { UsageError, type CliIo } from './io.ts';
import type { Context } from './context.ts';
import { promptCommand } from './promptCommand.ts';
import { parseCommand } from './parseCommand.ts';
import { evalCommand } from './evalCommand.ts';
import { convertCommand } from './convertCommand.ts';
import { annotateCommand } from './annotateCommand.ts';
import { READ_OPTIONS } from './readInputs.ts';
import { modelCommand } from './modelCommand.ts';

export const HELP = `giellm — GIELLM input/output tools

  giellm prompt --task T --text S                print the model input
  giellm prompt [--task T] FILE                  one input per record (JSONL: each record's own task)
  giellm parse [FILE]                            one Extraction JSON per record (stdin without FILE)
  giellm eval --gold GOLD --pred PRED [--json]   TL / WL / ALL (paper and strict) / P / R / F1
         [--match multiset|set] [--normalize nfkc|none]
         [--allow-text-mismatch]                 score pairs whose texts differ (reported)
         [--report md|csv|json]                  the full report: 95% bootstrap intervals, the
         [--all-documents] [--scpos-protocol]    paper's Table 1, the records that differ (all of
                                                 them with --all-documents), SCPOS as the paper
                                                 scored it (3 seeded 1,000-sample subsets)
  giellm convert [--from F] [--to F] FILE…      any format the app reads → any it writes
         [--task T]                              (default --to records; --from: detected per file)
         [--columns text=C,output=C,id=C,task=C] the task where the content names none (plain text…);
         [--text-mode lines|whole]               a CSV's columns (else guessed, and said);
         [--encoding E] [--no-bom]               the encoding (else found: UTF-8/16, Shift_JIS, EUC-JP);
         [--category C] [--table T] [-o FILE]    no BOM on CSV; stockmark's label; the CSV table;
                                                 brat and label-studio (zips) need -o; what a format
                                                 cannot keep is said on stderr
                                                 Formats: ${FORMATS.map((f) => f.id).join(', ')}
  giellm annotate --endpoint URL [--endpoint URL…] IN [-o OUT.jsonl]
         [--model NAME] [--mode giellm|prompted] run an OpenAI-compatible server (llama-server, vLLM,
         [--concurrency N] [--grammar on|off]     Ollama) over any readable file: one record a document,
         [--max-tokens N] [--api-key KEY]         appended as it goes; the same -o again resumes
         [--from F] [--task T] [--to records|extraction]
                                                  (exit 1 when some failed, listed; key: GIELLM_API_KEY)
  giellm model check DIR [--mode giellm|prompted]
                                                 check a local MLC model folder before serving it
  giellm model list [--json]                     the model catalog: engine (WebLLM on the GPU, wllama
                                                 on the CPU, a server), size, speed, licence

Common options:
  --profile FILE|ID     a format profile (JSON), or a built-in one: ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}
                        (model-card: text, label set, IW on separate lines, as the paper and the
                        model card; tcree-csv: text + IW with nothing between, as the authors' CSV)
  --separator newline|none
                        separator between text, label set and IW in inputs

Records are JSONL: {"id"?: "…", "text": "…", "task": "re", "output": "<スポーツ>関係抽出:…:"}
Tasks: ${TASK_IDS.join(', ')}. Bad input exits with code 2 and names the file and line.`;

const COMMON: ParseArgsConfig['options'] = {
  profile: { type: 'string' },
  separator: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  prompt: { task: { type: 'string' }, text: { type: 'string' } },
  parse: {},
  eval: {
    gold: { type: 'string' },
    pred: { type: 'string' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    match: { type: 'string' },
    normalize: { type: 'string' },
    'allow-text-mismatch': { type: 'boolean' },
    'all-documents': { type: 'boolean' },
    'scpos-protocol': { type: 'boolean' },
  },
  convert: { ...READ_OPTIONS, to: { type: 'string' }, table: { type: 'string' }, 'no-bom': { type: 'boolean' }, output: { type: 'string', short: 'o' } },
  annotate: {
    ...READ_OPTIONS,
    endpoint: { type: 'string', multiple: true },
    model: { type: 'string' },
    mode: { type: 'string' },
    concurrency: { type: 'string' },
    grammar: { type: 'string' },
    'max-tokens': { type: 'string' },
    'context-window': { type: 'string' },
    'api-key': { type: 'string' },
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  model: { mode: { type: 'string' }, json: { type: 'boolean' } },
};

const COMMANDS: Record<string, (ctx: Context) => Promise<number>> = {
  prompt: promptCommand,
  parse: parseCommand,
  eval: evalCommand,
  convert: convertCommand,
  annotate: annotateCommand,
  model: modelCommand,
};

async function loadProfile(io: CliIo, values: Context['values']): Promise<FormatProfile> {
  let profile = DEFAULT_PROFILE;
  const builtin = BUILTIN_PROFILES.find((p) => p.id === values.profile);
  if (builtin) profile = builtin;
  else if (typeof values.profile === 'string') {
    let json: unknown;
    const path = values.profile;
    try {
      json = JSON.parse(await io.readFile(path));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
    }
    const result = validateProfile(json);
    if (!result.ok) throw new UsageError(result.errors.map((m) => `${path}: ${m}`).join('\n'));
    profile = result.profile;
  }
  if (values.separator !== undefined) {
    if (values.separator !== 'newline' && values.separator !== 'none') throw new UsageError('--separator must be newline or none');
    profile = { ...profile, partSeparator: values.separator };
  }
  return profile;
}

/** Runs one CLI invocation; returns the exit code (0 ok, 2 bad input or usage). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.err(`giellm: unknown command ${JSON.stringify(command)}\n\n${HELP}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...COMMON, ...OPTIONS[command] }, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const profile = await loadProfile(io, values as Context['values']);
    return await handler({ io, profile, values: values as Context['values'], positionals });
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`giellm ${command}: ${(e as Error).message}`);
      return 2;
    }
    io.err(`giellm ${command}: internal error: ${(e as Error).message}`);
    return 1;
  }
}
