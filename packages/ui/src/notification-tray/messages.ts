/**
 * Strings of the notification tray in fi, sv and en. Plural values `{ one, other }` are chosen
 * by `params.count` through Intl.PluralRules; a language whose forms are the same has one string.
 * @module
 */
import { byKey, defineCatalog } from '../shared/catalog.js';

export const trayCatalog = defineCatalog(
  'notification-tray',
  byKey({
    bell: ['Ilmoitukset', 'Aviseringar', 'Notifications'],
    unread: [
      { one: '{count} lukematon', other: '{count} lukematonta' },
      { one: '{count} oläst', other: '{count} olästa' },
      '{count} unread',
    ],
    noneUnread: ['Ei lukemattomia', 'Inga olästa', 'No unread'],
    unreadMark: ['Lukematon', 'Oläst', 'Unread'],
    markAllRead: ['Merkitse kaikki luetuiksi', 'Markera alla som lästa', 'Mark all as read'],
    markRead: ['Merkitse luetuksi', 'Markera som läst', 'Mark as read'],
    dismiss: ['Poista', 'Ta bort', 'Dismiss'],
    close: ['Sulje', 'Stäng', 'Close'],
    empty: ['Ei ilmoituksia.', 'Inga aviseringar.', 'No notifications.'],
    today: ['Tänään', 'I dag', 'Today'],
    yesterday: ['Eilen', 'I går', 'Yesterday'],
    info: ['Tiedote', 'Information', 'Information'],
    success: ['Onnistui', 'Klart', 'Success'],
    warning: ['Varoitus', 'Varning', 'Warning'],
    error: ['Virhe', 'Fel', 'Error'],
    personal: ['Henkilökohtainen ilmoitus', 'Personlig avisering', 'Personal notification'],
    newOne: [
      'Uusi ilmoitus: {title} ({source})',
      'Ny avisering: {title} ({source})',
      'New notification: {title} ({source})',
    ],
    newError: [
      'Uusi virheilmoitus: {title} ({source})',
      'Ny felavisering: {title} ({source})',
      'New error notification: {title} ({source})',
    ],
    newMany: [
      { one: '{count} uusi ilmoitus', other: '{count} uutta ilmoitusta' },
      { one: '{count} ny avisering', other: '{count} nya aviseringar' },
      { one: '{count} new notification', other: '{count} new notifications' },
    ],
    newManyErrors: [
      { one: 'joista {count} virhe', other: 'joista {count} virhettä' },
      'varav {count} fel',
      { one: 'including {count} error', other: 'including {count} errors' },
    ],
    showing: [
      {
        one: 'Näytetään uusin ilmoitus, yhteensä {total}.',
        other: 'Näytetään {count} uusinta ilmoitusta, yhteensä {total}.',
      },
      {
        one: 'Visar den senaste aviseringen av {total}.',
        other: 'Visar de {count} senaste aviseringarna av {total}.',
      },
      {
        one: 'Showing the newest notification of {total}.',
        other: 'Showing the newest {count} notifications of {total}.',
      },
    ],
    capped: [
      {
        one: '{name}: {count} vanhempi ilmoitus piilotettu.',
        other: '{name}: {count} vanhempaa ilmoitusta piilotettu.',
      },
      { one: '{name}: {count} äldre avisering dold.', other: '{name}: {count} äldre aviseringar dolda.' },
      {
        one: '{name}: {count} older notification hidden.',
        other: '{name}: {count} older notifications hidden.',
      },
    ],
    cappedOthers: [
      {
        one: 'Vanhempia ilmoituksia piilotettu myös yhdestä muusta lähteestä.',
        other: 'Vanhempia ilmoituksia piilotettu myös {count} muusta lähteestä.',
      },
      {
        one: 'Äldre aviseringar har också dolts från en annan källa.',
        other: 'Äldre aviseringar har också dolts från {count} andra källor.',
      },
      {
        one: 'Older notifications from one more source are hidden too.',
        other: 'Older notifications from {count} more sources are hidden too.',
      },
    ],
    failRead: [
      'Luetuksi merkitseminen epäonnistui, joten muutos peruttiin. Yritä uudelleen.',
      'Det gick inte att markera som läst, så ändringen ångrades. Försök igen.',
      'Could not mark as read, so the change was undone. Please try again.',
    ],
    failDismiss: [
      'Ilmoituksen poistaminen epäonnistui, joten se palautettiin. Yritä uudelleen.',
      'Det gick inte att ta bort aviseringen, så den återställdes. Försök igen.',
      'Could not dismiss the notification, so it was restored. Please try again.',
    ],
  }),
);
