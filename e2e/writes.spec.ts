// Pin, unpin, whisper on, whisper off: the switch ends in the portal's state, and the portal
// received exactly one write with exactly the documented params.
import { test, expect } from './fixtures';
import { PIN, SILENT } from './pages/portal';

const cases = [
  { name: 'pin', dialog: 'chat11', id: 11, control: 'pin', method: PIN, activate: 'Y', after: true, status: 'pinned', code: 'IMOL_CHAT_ASSIGN_ON' },
  { name: 'unpin', dialog: 'chat12', id: 12, control: 'pin', method: PIN, activate: 'N', after: false, status: 'unpinned', code: 'IMOL_CHAT_ASSIGN_OFF' },
  { name: 'whisper on', dialog: 'chat11', id: 11, control: 'whisper', method: SILENT, activate: 'Y', after: true, status: 'whisperOn', code: 'IMOL_CHAT_STEALTH_ON' },
  { name: 'whisper off', dialog: 'chat13', id: 13, control: 'whisper', method: SILENT, activate: 'N', after: false, status: 'whisperOff', code: 'IMOL_CHAT_STEALTH_OFF' },
] as const;

for (const c of cases) {
  test(`${c.name}: one ${c.method} with ACTIVATE=${c.activate}, the switch ends in the portal's state`, async ({ portal }) => {
    await portal.open(c.dialog);
    const control = c.control === 'pin' ? portal.pinSwitch : portal.whisperSwitch;
    const other = c.control === 'pin' ? portal.whisperSwitch : portal.pinSwitch;
    const otherBefore = (await other.getAttribute('aria-checked')) === 'true';
    await portal.expectSwitch(control, !c.after);
    await portal.clearCalls();

    await control.click();

    await expect(portal.status).toHaveText(portal.t[c.status]);
    await portal.expectSwitch(control, c.after);
    await portal.expectSwitch(other, otherBefore);
    await expect(portal.alert).toHaveText('');

    // Exactly one write, exactly these params, and it was applied.
    const writes = await portal.writes();
    expect(writes.map((w) => [w.method, w.params, w.status])).toEqual([
      [c.method, { auth: 'REDACTED', CHAT_ID: String(c.id), ACTIVATE: c.activate }, 200],
    ]);
    expect(writes[0].response.result).toBe(true);
    // The switch shows what a fresh read after the write said, not an optimistic guess.
    const reads = await portal.calls('batch');
    expect(reads.some((r) => r.seq > writes[0].seq)).toBe(true);

    const chat = await portal.chat(c.id);
    expect(c.control === 'pin' ? chat.pinned : chat.whisper).toBe(c.after);
    expect(chat.messages.at(-1)?.code).toBe(c.code);
  });
}

test('pin then unpin in one session: two writes, Y then N, ends unpinned', async ({ portal }) => {
  await portal.open('chat11');
  await portal.clearCalls();
  await portal.pinSwitch.click();
  await expect(portal.status).toHaveText(portal.t.pinned);
  await portal.pinSwitch.click();
  await expect(portal.status).toHaveText(portal.t.unpinned);
  await portal.expectSwitch(portal.pinSwitch, false);
  const writes = await portal.writes();
  expect(writes.map((w) => w.params.ACTIVATE)).toEqual(['Y', 'N']);
  expect((await portal.chat(11)).pinned).toBe(false);
});
