/**
 * The login bar's words in fi, sv and en. Errors are written for a pupil: what happened and what to
 * do next, no codes or jargon.
 * @module
 */
import { byKey, defineCatalog } from '../shared/index.js';

export const messages = defineCatalog(
  byKey({
    signIn: ['Kirjaudu sisään', 'Logga in', 'Sign in'],
    signInAgain: ['Kirjaudu uudelleen', 'Logga in igen', 'Sign in again'],
    checking: ['Tarkistetaan kirjautumista…', 'Inloggningen kontrolleras…', 'Checking sign-in…'],
    signingIn: ['Kirjaudutaan…', 'Loggar in…', 'Signing in…'],
    signOut: ['Kirjaudu ulos', 'Logga ut', 'Sign out'],
    signOutHint: [
      'Kirjaudut ulos vain tästä palvelusta. Muut MPASSid-palvelut voivat jäädä auki: sulje selain, jos laite on yhteinen.',
      'Du loggas bara ut från den här tjänsten. Andra MPASSid-tjänster kan förbli inloggade: stäng webbläsaren om enheten är delad.',
      'This signs you out of this service only. Other MPASSid services may stay signed in: close the browser if you share this device.',
    ],
    signedOut: [
      'Kirjauduit ulos tästä palvelusta. Muut palvelut voivat olla vielä auki: sulje selain, jos laite on yhteinen.',
      'Du har loggat ut från den här tjänsten. Andra tjänster kan fortfarande vara inloggade: stäng webbläsaren om enheten är delad.',
      'You signed out of this service. Other services may still be signed in: close the browser if you share this device.',
    ],
    roleGroup: ['Rooli ja koulu', 'Roll och skola', 'Role and school'],
    languageGroup: ['Kieli', 'Språk', 'Language'],
    'error.rejected': [
      'Kirjautuminen ei onnistunut. Yritä uudelleen tai pyydä apua opettajalta.',
      'Inloggningen lyckades inte. Försök igen eller be din lärare om hjälp.',
      "We couldn't sign you in. Try again, or ask your teacher for help.",
    ],
    'error.expired': [
      'Olit poissa pitkään, joten sinut kirjattiin ulos. Kirjaudu uudelleen.',
      'Du var borta länge, så du loggades ut. Logga in igen.',
      'You were away for a long time, so you were signed out. Please sign in again.',
    ],
    'error.missing-role': [
      'Tunnukseesi ei ole vielä liitetty koulua. Pyydä opettajaa tai koulun kansliaa tarkistamaan tietosi.',
      'Ditt konto är inte kopplat till någon skola ännu. Be din lärare eller skolans kansli att kontrollera dina uppgifter.',
      "Your account isn't linked to a school yet. Ask your teacher or the school office to check your details.",
    ],
    'error.missing-learner-number': [
      'Tunnuksestasi puuttuu oppijanumero, joten et voi vielä kirjautua. Pyydä koulun kansliaa tarkistamaan tietosi.',
      'Ditt konto saknar studerandenummer, så du kan inte logga in ännu. Be skolans kansli att kontrollera dina uppgifter.',
      "Your account is missing its learner number, so you can't sign in yet. Ask the school office to check your details.",
    ],
    'error.network': [
      'Yhteys ei toiminut. Tarkista, että laite on verkossa, ja yritä uudelleen.',
      'Anslutningen fungerade inte. Kontrollera att enheten är uppkopplad och försök igen.',
      "We couldn't connect. Check that your device is online and try again.",
    ],
    'error.unknown': [
      'Kirjautumisessa meni jotain vikaan. Yritä uudelleen.',
      'Något gick fel vid inloggningen. Försök igen.',
      'Something went wrong while signing in. Please try again.',
    ],
    'role.student': ['Oppilas', 'Elev', 'Pupil'],
    'role.teacher': ['Opettaja', 'Lärare', 'Teacher'],
    'role.substituteTeacher': ['Sijaisopettaja', 'Vikarierande lärare', 'Substitute teacher'],
    'role.principal': ['Rehtori', 'Rektor', 'Principal'],
    'role.schoolSecretary': ['Koulusihteeri', 'Skolsekreterare', 'School secretary'],
    'role.staff': ['Henkilökunta', 'Personal', 'Staff'],
    'role.guardian': ['Huoltaja', 'Vårdnadshavare', 'Guardian'],
    'role.aide': ['Koulunkäynninohjaaja', 'Skolgångsbiträde', 'Teaching assistant'],
    'role.counselor': ['Opinto-ohjaaja', 'Studiehandledare', 'Guidance counsellor'],
    'role.districtAdministrator': [
      'Opetustoimen pääkäyttäjä',
      'Huvudanvändare för utbildningen',
      'Education administrator',
    ],
  }),
  'login-bar',
);
