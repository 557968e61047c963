import { GraphQLScalarType, Kind } from 'graphql';
import { AppError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id the application makes is a UUID; anything else names no row. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const invalid = (value: unknown) =>
  new AppError('BAD_USER_INPUT', `ID tidak valid: ${JSON.stringify(String(value)).slice(0, 60)}. ID berbentuk UUID, misalnya 0b5e7c1a-4f7d-4c2e-9a51-2f0d8e6b3c11.`, {
    fields: [{ field: 'id', message: 'ID berbentuk UUID.' }],
  });

function parseId(value: unknown): string {
  if (!isUuid(value)) throw invalid(value);
  return value.toLowerCase();
}

/**
 * GraphQL's `ID`, checked: every id argument and input field is a UUID, or the request is refused before anything
 * runs (BAD_USER_INPUT, in Indonesian). The schema still says `ID`; outputs are passed through as they are.
 */
export const ID = new GraphQLScalarType<string, string>({
  name: 'ID',
  description: 'A UUID, e.g. 0b5e7c1a-4f7d-4c2e-9a51-2f0d8e6b3c11.',
  serialize: (value) => String(value),
  parseValue: parseId,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseId(ast.value);
    throw invalid(ast.kind === Kind.INT ? ast.value : ast.kind);
  },
});
