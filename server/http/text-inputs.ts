import { visit, type DocumentNode } from 'graphql';
import { badInput, type FieldError } from '../errors.js';

/** The longest text an input may carry, by field or argument name; every other text field: DEFAULT_MAX. */
const MAX_LENGTH: Record<string, number> = {
  description: 5_000,
  notes: 2_000,
  items: 2_000,
  reason: 1_000,
  // Whole files pasted as text (imports): bounded by BODY_LIMIT_BYTES instead.
  csv: Number.POSITIVE_INFINITY,
  xlsxBase64: Number.POSITIVE_INFINITY,
};
const DEFAULT_MAX = 500;
/** Fields whose own rule says more (the password policy refuses control characters and long passwords without hashing). */
const OWN_RULES = new Set(['password']);

function check(name: string, text: string, problems: FieldError[]): void {
  if (OWN_RULES.has(name)) return;
  const max = MAX_LENGTH[name] ?? DEFAULT_MAX;
  if (text.includes('\u0000')) problems.push({ field: name, message: `Isian "${name}" memuat karakter NUL yang tidak diizinkan.` });
  else if (text.length > max) problems.push({ field: name, message: `Isian "${name}" paling banyak ${max.toLocaleString('id-ID')} karakter (diterima ${text.length.toLocaleString('id-ID')}).` });
}

function walkValue(name: string, value: unknown, problems: FieldError[]): void {
  if (typeof value === 'string') check(name, value, problems);
  else if (Array.isArray(value)) value.forEach((v) => walkValue(name, v, problems));
  else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walkValue(key, v, problems);
}

/** What a parsed document says once and for all: its literal texts' problems, and the field each variable feeds. */
interface DocumentTexts {
  literalProblems: FieldError[];
  /** A variable is checked under the name of the argument or field it is passed to (`$d` given as `description`). */
  variableUse: Map<string, string>;
}

// Apollo keeps one parsed DocumentNode per distinct query text, so a repeated query is walked once, not per request.
const byDocument = new WeakMap<DocumentNode, DocumentTexts>();

function textsOf(document: DocumentNode): DocumentTexts {
  let texts = byDocument.get(document);
  if (texts) return texts;
  texts = { literalProblems: [], variableUse: new Map() };
  const { literalProblems, variableUse } = texts;
  const names: string[] = [];
  visit(document, {
    VariableDefinition: () => false, // the declarations name no argument
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue: (node) => check(names.at(-1) ?? 'query', node.value, literalProblems),
    Variable: (node) => void (names.length && variableUse.set(node.name.value, names.at(-1)!)),
  });
  byDocument.set(document, texts);
  return texts;
}

/**
 * Every text a request brings, in variables or written in the document, is checked before anything runs: no NUL
 * byte (PostgreSQL refuses it in text, and it hides the rest of a string from whoever reads it) and a length limit
 * per field, so a 1 MB delivery address never reaches a table. Refused as BAD_USER_INPUT naming each field.
 */
export function checkTextInputs(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  const { literalProblems, variableUse } = textsOf(document);
  const problems = [...literalProblems];
  for (const [name, value] of Object.entries(variables ?? {})) walkValue(variableUse.get(name) ?? name, value, problems);
  if (problems.length) {
    const refused = badInput(problems);
    Object.assign(refused.extensions, { http: { status: 400 } }); // refused before execution, like the other limits
    throw refused;
  }
}
