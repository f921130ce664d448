/**
 * The login bar's words in fi, sv and en. Errors are written for a pupil: what happened and what to
 * do next, no codes or jargon.
 * @module
 */
import { defineCatalog } from '../shared/index.js';

export const messages = defineCatalog(
  {
    fi: {
      signIn: 'Kirjaudu sisään',
      signInAgain: 'Kirjaudu uudelleen',
      checking: 'Tarkistetaan kirjautumista…',
      signingIn: 'Kirjaudutaan…',
      signOut: 'Kirjaudu ulos',
      signOutHint:
        'Kirjaudut ulos vain tästä palvelusta. Muut MPASSid-palvelut voivat jäädä auki: sulje selain, jos laite on yhteinen.',
      signedOut:
        'Kirjauduit ulos tästä palvelusta. Muut palvelut voivat olla vielä auki: sulje selain, jos laite on yhteinen.',
      roleGroup: 'Rooli ja koulu',
      languageGroup: 'Kieli',
      roleAt: '{role}, {school}',
      'error.rejected': 'Kirjautuminen ei onnistunut. Yritä uudelleen tai pyydä apua opettajalta.',
      'error.expired': 'Olit poissa pitkään, joten sinut kirjattiin ulos. Kirjaudu uudelleen.',
      'error.missing-role':
        'Tunnukseesi ei ole vielä liitetty koulua. Pyydä opettajaa tai koulun kansliaa tarkistamaan tietosi.',
      'error.missing-learner-number':
        'Tunnuksestasi puuttuu oppijanumero, joten et voi vielä kirjautua. Pyydä koulun kansliaa tarkistamaan tietosi.',
      'error.network': 'Yhteys ei toiminut. Tarkista, että laite on verkossa, ja yritä uudelleen.',
      'error.unknown': 'Kirjautumisessa meni jotain vikaan. Yritä uudelleen.',
      'role.student': 'Oppilas',
      'role.teacher': 'Opettaja',
      'role.substituteTeacher': 'Sijaisopettaja',
      'role.principal': 'Rehtori',
      'role.schoolSecretary': 'Koulusihteeri',
      'role.staff': 'Henkilökunta',
      'role.guardian': 'Huoltaja',
      'role.aide': 'Koulunkäynninohjaaja',
      'role.counselor': 'Opinto-ohjaaja',
      'role.districtAdministrator': 'Opetustoimen pääkäyttäjä',
    },
    sv: {
      signIn: 'Logga in',
      signInAgain: 'Logga in igen',
      checking: 'Inloggningen kontrolleras…',
      signingIn: 'Loggar in…',
      signOut: 'Logga ut',
      signOutHint:
        'Du loggas bara ut från den här tjänsten. Andra MPASSid-tjänster kan förbli inloggade: stäng webbläsaren om enheten är delad.',
      signedOut:
        'Du har loggat ut från den här tjänsten. Andra tjänster kan fortfarande vara inloggade: stäng webbläsaren om enheten är delad.',
      roleGroup: 'Roll och skola',
      languageGroup: 'Språk',
      roleAt: '{role}, {school}',
      'error.rejected': 'Inloggningen lyckades inte. Försök igen eller be din lärare om hjälp.',
      'error.expired': 'Du var borta länge, så du loggades ut. Logga in igen.',
      'error.missing-role':
        'Ditt konto är inte kopplat till någon skola ännu. Be din lärare eller skolans kansli att kontrollera dina uppgifter.',
      'error.missing-learner-number':
        'Ditt konto saknar studerandenummer, så du kan inte logga in ännu. Be skolans kansli att kontrollera dina uppgifter.',
      'error.network': 'Anslutningen fungerade inte. Kontrollera att enheten är uppkopplad och försök igen.',
      'error.unknown': 'Något gick fel vid inloggningen. Försök igen.',
      'role.student': 'Elev',
      'role.teacher': 'Lärare',
      'role.substituteTeacher': 'Vikarierande lärare',
      'role.principal': 'Rektor',
      'role.schoolSecretary': 'Skolsekreterare',
      'role.staff': 'Personal',
      'role.guardian': 'Vårdnadshavare',
      'role.aide': 'Skolgångsbiträde',
      'role.counselor': 'Studiehandledare',
      'role.districtAdministrator': 'Huvudanvändare för utbildningen',
    },
    en: {
      signIn: 'Sign in',
      signInAgain: 'Sign in again',
      checking: 'Checking sign-in…',
      signingIn: 'Signing in…',
      signOut: 'Sign out',
      signOutHint:
        'This signs you out of this service only. Other MPASSid services may stay signed in: close the browser if you share this device.',
      signedOut:
        'You signed out of this service. Other services may still be signed in: close the browser if you share this device.',
      roleGroup: 'Role and school',
      languageGroup: 'Language',
      roleAt: '{role}, {school}',
      'error.rejected': "We couldn't sign you in. Try again, or ask your teacher for help.",
      'error.expired': 'You were away for a long time, so you were signed out. Please sign in again.',
      'error.missing-role':
        "Your account isn't linked to a school yet. Ask your teacher or the school office to check your details.",
      'error.missing-learner-number':
        "Your account is missing its learner number, so you can't sign in yet. Ask the school office to check your details.",
      'error.network': "We couldn't connect. Check that your device is online and try again.",
      'error.unknown': 'Something went wrong while signing in. Please try again.',
      'role.student': 'Pupil',
      'role.teacher': 'Teacher',
      'role.substituteTeacher': 'Substitute teacher',
      'role.principal': 'Principal',
      'role.schoolSecretary': 'School secretary',
      'role.staff': 'Staff',
      'role.guardian': 'Guardian',
      'role.aide': 'Teaching assistant',
      'role.counselor': 'Guidance counsellor',
      'role.districtAdministrator': 'Education administrator',
    },
  },
  'login-bar',
);
