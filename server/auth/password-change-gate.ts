import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context.js';
import { passwordChangeRequired } from '../errors.js';

/**
 * What an account may ask while it still signs in with a password BPBJ chose: who it is, the header's unread count,
 * and the change itself. Everything else waits, so a temporary password read out over the phone (or found on a
 * note) is good for one thing only. The web app sends such an account to its Akun page for the same reason.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'unreadNotificationCount', '__typename', '__schema', '__type']);

/** The root fields an operation asks for, through fragments too; null when a fragment it names does not exist. */
function rootFields(document: DocumentNode, operation: OperationDefinitionNode): string[] | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (selections: SelectionSetNode): boolean => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!walk(selection.selectionSet)) return false;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) return false;
        if (seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        if (!walk(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  return walk(operation.selectionSet) ? names : null;
}

/** Refuses, before anything runs, an operation such an account may not make yet: PASSWORD_CHANGE_REQUIRED, HTTP 403. */
export function passwordChangeGatePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!contextValue.passwordChangeRequired || !operation) return;
          const fields = rootFields(document, operation);
          if (!fields || fields.some((name) => !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name))) throw passwordChangeRequired();
        },
      };
    },
  };
}
