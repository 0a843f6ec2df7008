/**
 * Names of the databases one test run creates. Everything is derived from the template's name so a
 * worker only needs `inject('gainslyTemplateDb')`, and the global teardown can find every clone
 * (even those of a worker that crashed before its `afterAll`).
 */
import { randomBytes } from 'node:crypto';

const TEMPLATE_PREFIX = 'gainsly_tpl_';

/** `gainsly_tpl_<pid>_<time>`: unique per run, so runs on a shared server never collide. */
export function newTemplateName(): string {
  return `${TEMPLATE_PREFIX}${process.pid}_${Date.now().toString(36)}`;
}

/** Every clone of `template` starts with this. */
export function clonePrefix(template: string): string {
  const runId = template.startsWith(TEMPLATE_PREFIX) ? template.slice(TEMPLATE_PREFIX.length) : template;
  return `gainsly_t_${runId}_`;
}

/** `gainsly_t_<run>_<worker pid>_<random>` (well under PostgreSQL's 63-byte limit). */
export function newCloneName(template: string): string {
  return `${clonePrefix(template)}${process.pid}_${randomBytes(4).toString('hex')}`;
}
