// axe-core finds no violations inside the widget's frame in its default, error and confirm views.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, allowHttpStatus } from './fixtures';
import type { PortalPage } from './pages/portal';
import { EN } from './texts';

/** axe over the widget's frame only (the sandbox's own portal page is not under test). */
async function violations(portal: PortalPage) {
  const results = await new AxeBuilder({ page: portal.page }).include('#app-frame').analyze();
  // Prove the frame was really analysed, not skipped: its switches were seen.
  const seen = [...results.passes, ...results.violations, ...results.incomplete].flatMap((r) =>
    r.nodes.flatMap((n) => n.target.flat()),
  );
  expect(seen.some((t) => String(t).includes('olm-pin'))).toBe(true);
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test('axe: the default view has no violations', async ({ portal }) => {
  await portal.open('chat12');
  expect(await violations(portal)).toEqual([]);
});

test('axe: the error view (refusal with Try again) has no violations', async ({ portal, noise }) => {
  allowHttpStatus(noise, 400, 'the empty-error refusal is an HTTP 400');
  await portal.open('chat11');
  await portal.patchChat(11, { operator: 2 });
  await portal.pinSwitch.click();
  await expect(portal.alert).toContainText(EN.notOperator);
  await expect(portal.tryAgainButton).toBeVisible();
  expect(await violations(portal)).toEqual([]);
});

test('axe: the confirm view has no violations', async ({ portal }) => {
  await portal.open('chat11');
  await portal.unpinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeVisible();
  expect(await violations(portal)).toEqual([]);
});

test('axe: the blocked view (another operator\'s dialog) has no violations', async ({ portal }) => {
  await portal.open('chat14');
  await expect(portal.pinSwitch).toHaveAttribute('aria-disabled', 'true');
  expect(await violations(portal)).toEqual([]);
});

test('axe: the dark scheme has no violations (contrast)', async ({ page, portal }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await portal.open('chat12');
  expect(await violations(portal)).toEqual([]);
});

test('axe: the operator\'s list of dialogs on the app page has no violations', async ({ portal }) => {
  await portal.page.goto('/?view=app&user=1');
  await expect(portal.frame.locator('tr.olm-row').first()).toBeVisible();
  expect(await violations(portal)).toEqual([]);
});
