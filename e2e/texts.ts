// The widget's texts. en, ru, de and ua are copied verbatim (specs assert these exact strings, so
// a changed catalogue fails here instead of passing unnoticed, and e2e/catalogues.spec.ts checks
// they still equal i18n/*.json); the other 16 languages are read from their catalogues.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The 20 Bitrix24 portal language ids. */
export const IDS = ['en', 'ru', 'de', 'ua', 'la', 'br', 'fr', 'it', 'pl', 'tr', 'kz', 'vn', 'id', 'ms', 'th', 'ar', 'sc', 'tc', 'ja', 'in'] as const;
export type Lang = (typeof IDS)[number];

/** A catalogue as the widget fetches it (`i18n/<id>.json`). */
export function catalogue(id: string): Record<string, string | Record<string, string>> {
  return JSON.parse(readFileSync(join(__dirname, '..', 'i18n', `${id}.json`), 'utf8'));
}

/** The catalogue keys behind each field of {@link Texts}. */
export const KEYS: Record<keyof Texts, string> = {
  title: 'title',
  pin: 'pin_label',
  whisper: 'whisper_label',
  pinHintPinned: 'pin_hint_pinned',
  pinHintUnpinned: 'pin_hint_unpinned',
  whisperHint: 'whisper_hint',
  pinned: 'dialog_pinned',
  unpinned: 'dialog_unpinned',
  whisperOn: 'whisper_turned_on',
  whisperOff: 'whisper_turned_off',
  bulkTitle: 'bulk_title',
  pinAll: 'pin_all_button',
  unpinAll: 'unpin_all_button',
  confirmPinAll: 'confirm_pin_all',
  confirmUnpinAll: 'confirm_unpin_all',
  confirm: 'confirm',
  cancel: 'cancel',
  tryAgain: 'try_again',
};

/** The texts of language `id`, from its catalogue. */
export function fromCatalogue(id: string): Texts {
  const c = catalogue(id);
  return Object.fromEntries(Object.entries(KEYS).map(([field, key]) => [field, c[key] as string])) as unknown as Texts;
}

export interface Texts {
  title: string;
  pin: string;
  whisper: string;
  pinHintPinned: string;
  pinHintUnpinned: string;
  whisperHint: string;
  pinned: string;
  unpinned: string;
  whisperOn: string;
  whisperOff: string;
  bulkTitle: string;
  pinAll: string;
  unpinAll: string;
  confirmPinAll: string;
  confirmUnpinAll: string;
  confirm: string;
  cancel: string;
  tryAgain: string;
}

const LITERAL: Record<'en' | 'ru' | 'de' | 'ua', Texts> = {
  en: {
    title: 'Dialog modes',
    pin: 'Pin dialog',
    whisper: 'Whisper mode',
    pinHintPinned: 'The dialog stays with you; its auto-close moves about a week ahead.',
    pinHintUnpinned: 'The dialog follows the queue rules: it can be redistributed and auto-closed.',
    whisperHint: 'While it is on, the client does not see your messages; colleagues in the chat still do.',
    pinned: 'The dialog is pinned to you.',
    unpinned: 'The dialog is unpinned.',
    whisperOn: 'Whisper mode is on.',
    whisperOff: 'Whisper mode is off.',
    bulkTitle: 'All my dialogs',
    pinAll: 'Pin all my dialogs',
    unpinAll: 'Unpin all my dialogs',
    confirmPinAll: 'Pin all your active dialogs to you?',
    confirmUnpinAll: 'Unpin all your pinned dialogs?',
    confirm: 'Confirm',
    cancel: 'Cancel',
    tryAgain: 'Try again',
  },
  ru: {
    title: 'Режимы диалога',
    pin: 'Закрепить диалог',
    whisper: 'Скрытый режим',
    pinHintPinned: 'Диалог остаётся за вами, автозакрытие переносится примерно на неделю.',
    pinHintUnpinned: 'Диалог подчиняется правилам очереди: его могут перераспределить и автоматически закрыть.',
    whisperHint: 'Пока режим включён, клиент не видит ваших сообщений; коллеги в чате видят.',
    pinned: 'Диалог закреплён за вами.',
    unpinned: 'Диалог откреплён.',
    whisperOn: 'Скрытый режим включён.',
    whisperOff: 'Скрытый режим выключен.',
    bulkTitle: 'Все мои диалоги',
    pinAll: 'Закрепить все мои диалоги',
    unpinAll: 'Открепить все мои диалоги',
    confirmPinAll: 'Закрепить за вами все ваши активные диалоги?',
    confirmUnpinAll: 'Открепить все ваши закреплённые диалоги?',
    confirm: 'Подтвердить',
    cancel: 'Отмена',
    tryAgain: 'Повторить',
  },
  de: {
    title: 'Dialogmodi',
    pin: 'Dialog anheften',
    whisper: 'Flüstermodus',
    pinHintPinned: 'Der Dialog bleibt bei Ihnen; sein automatisches Schließen verschiebt sich um etwa eine Woche.',
    pinHintUnpinned:
      'Der Dialog folgt den Regeln der Warteschlange: Er kann neu verteilt und automatisch geschlossen werden.',
    whisperHint: 'Solange er aktiv ist, sieht der Kunde Ihre Nachrichten nicht; Kollegen im Chat sehen sie weiterhin.',
    pinned: 'Der Dialog ist an Sie angeheftet.',
    unpinned: 'Der Dialog ist nicht mehr angeheftet.',
    whisperOn: 'Der Flüstermodus ist an.',
    whisperOff: 'Der Flüstermodus ist aus.',
    bulkTitle: 'Alle meine Dialoge',
    pinAll: 'Alle meine Dialoge anheften',
    unpinAll: 'Alle meine Dialoge lösen',
    confirmPinAll: 'Alle Ihre aktiven Dialoge an Sie anheften?',
    confirmUnpinAll: 'Alle Ihre angehefteten Dialoge lösen?',
    confirm: 'Bestätigen',
    cancel: 'Abbrechen',
    tryAgain: 'Erneut versuchen',
  },
  ua: {
    title: 'Режими діалогу',
    pin: 'Закріпити діалог',
    whisper: 'Прихований режим',
    pinHintPinned: 'Діалог залишається за вами, автозакриття переноситься приблизно на тиждень.',
    pinHintUnpinned: 'Діалог підпорядковується правилам черги: його можуть перерозподілити й автоматично закрити.',
    whisperHint: 'Поки режим увімкнено, клієнт не бачить ваших повідомлень; колеги в чаті бачать.',
    pinned: 'Діалог закріплено за вами.',
    unpinned: 'Діалог відкріплено.',
    whisperOn: 'Прихований режим увімкнено.',
    whisperOff: 'Прихований режим вимкнено.',
    bulkTitle: 'Усі мої діалоги',
    pinAll: 'Закріпити всі мої діалоги',
    unpinAll: 'Відкріпити всі мої діалоги',
    confirmPinAll: 'Закріпити за вами всі ваші активні діалоги?',
    confirmUnpinAll: 'Відкріпити всі ваші закріплені діалоги?',
    confirm: 'Підтвердити',
    cancel: 'Скасувати',
    tryAgain: 'Повторити',
  },
};

/** English failure and notice texts (src/i18n/en.rs `what`/`unconfirmed`/`why` and notices). */
export const EN = {
  notOperator: 'Pinning failed. Only the operator who handles this dialog can pin or unpin it.',
  pinNoAccess:
    'Pinning failed. You do not have permission for this dialog. Ask your administrator for access to this open line.',
  pinNotOpenLine: 'Pinning failed. This chat is not an open-line dialog; pin and whisper mode work only there.',
  pinNoAnswer:
    "Pinning was not confirmed. Bitrix24 did not answer in time. The change may or may not have been applied; the switch shows the dialog's current state.",
  whisperOnNoAnswer:
    "Turning whisper mode on was not confirmed. Bitrix24 did not answer in time. The change may or may not have been applied; the switch shows the dialog's current state.",
  portalTooOld:
    'This portal does not have the pin and whisper methods yet (imopenlines.session.mode.*). Ask your administrator to update Bitrix24.',
  otherOperator: 'This dialog is handled by another operator',
  noSession: 'This dialog has no active session',
  noHost: 'Bitrix24 is not around this page. Open the widget from an open-line chat in your portal.',
  initTimeout: 'Bitrix24 did not answer while the widget was starting. Reload the page.',
  missingOptions:
    'Bitrix24 did not tell the widget which chat is open. Reopen the chat and open the widget from it again.',
  privateChat: 'This is a private chat. Pin and whisper mode work only in open-line chats.',
  noDialogAccess: 'This chat is not an open-line dialog, or you do not have access to it.',
  appPage: 'Open this app from an open-line chat.',
};

/** Literal texts for en, ru, de, ua; the catalogue's for the others. */
export const TEXTS: Record<Lang, Texts> = Object.fromEntries(
  IDS.map((id) => [id, (LITERAL as Record<string, Texts>)[id] ?? fromCatalogue(id)]),
) as Record<Lang, Texts>;

/** The literal copies, for the check that they still equal the catalogues. */
export { LITERAL };
