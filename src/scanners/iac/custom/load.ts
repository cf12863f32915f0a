import type { IacRule } from '../rules/types.js';
export function loadCustomRules(_dirs: string[], _root: string): IacRule[] {
  return [];
}
