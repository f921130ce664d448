// Name pools for the generated city. Common names of Finnish- and Swedish-speaking Finns, pupils'
// names from recent birth years and adults' from older ones. Å, Ä and Ö appear on purpose: they
// sort after Z in Finnish and Swedish collation, and the class picker must get that right.

export interface NamePool {
  girls: readonly string[];
  boys: readonly string[];
  women: readonly string[];
  men: readonly string[];
  family: readonly string[];
}

// prettier-ignore
export const FINNISH: NamePool = {
  girls: [
    'Aino', 'Eevi', 'Ella', 'Emma', 'Helmi', 'Iida', 'Isla', 'Kerttu', 'Lilja', 'Linnea', 'Lumi',
    'Olivia', 'Pihla', 'Saana', 'Siiri', 'Sofia', 'Venla', 'Viola', 'Aada', 'Enni', 'Hilla', 'Inka',
    'Kaisla', 'Minea', 'Nelli', 'Oona', 'Peppi', 'Senja', 'Vilma', 'Elli', 'Alisa', 'Ilona',
  ],
  boys: [
    'Eino', 'Elias', 'Oliver', 'Leo', 'Väinö', 'Onni', 'Eeli', 'Toivo', 'Leevi', 'Niilo', 'Vilho',
    'Aatos', 'Lenni', 'Joel', 'Akseli', 'Otto', 'Veeti', 'Eetu', 'Aaro', 'Hugo', 'Juho', 'Kasper',
    'Lauri', 'Mikael', 'Oskari', 'Rasmus', 'Topias', 'Urho', 'Valtteri', 'Iivari', 'Armas', 'Daniel',
  ],
  women: [
    'Anna', 'Johanna', 'Kaisa', 'Laura', 'Maria', 'Minna', 'Pauliina', 'Riikka', 'Sanna', 'Satu',
    'Tiina', 'Katja', 'Heidi', 'Hanna', 'Elina', 'Jaana', 'Päivi', 'Sari', 'Outi', 'Marjo', 'Jenni',
    'Anu', 'Mervi', 'Suvi',
  ],
  men: [
    'Antti', 'Jari', 'Juha', 'Janne', 'Jukka', 'Kari', 'Markku', 'Matti', 'Mikko', 'Pekka', 'Petri',
    'Sami', 'Timo', 'Tuomas', 'Ville', 'Heikki', 'Harri', 'Jussi', 'Teemu', 'Kimmo', 'Ari', 'Olli',
    'Esa', 'Jyrki',
  ],
  family: [
    'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen',
    'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi',
    'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen',
    'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen', 'Hiltunen', 'Väisänen',
    'Kärkkäinen', 'Pöllänen', 'Äikäs', 'Öhberg', 'Ylönen', 'Åkerlund', 'Peltonen', 'Leinonen',
  ],
};

// prettier-ignore
export const SWEDISH: NamePool = {
  girls: [
    'Ellen', 'Alva', 'Ebba', 'Elsa', 'Saga', 'Stella', 'Linnea', 'Wilma', 'Alma', 'Ida', 'Freja',
    'Sigrid', 'Astrid', 'Selma', 'Ester', 'Greta', 'Signe', 'Tyra', 'Vera', 'Agnes', 'Märta', 'Maja',
  ],
  boys: [
    'Oliver', 'Elias', 'Leo', 'William', 'Theo', 'Anton', 'Axel', 'Hugo', 'Nils', 'Emil', 'Oskar',
    'Viktor', 'Ludvig', 'Vilhelm', 'Isak', 'Alfred', 'Edvin', 'Gustav', 'Max', 'Sixten', 'Åke', 'Melker',
  ],
  women: [
    'Annika', 'Camilla', 'Carina', 'Helena', 'Jessica', 'Karin', 'Linda', 'Malin', 'Maria',
    'Susanne', 'Ulrika', 'Pia', 'Eva', 'Lena', 'Sofia', 'Åsa',
  ],
  men: [
    'Anders', 'Björn', 'Christian', 'Daniel', 'Fredrik', 'Henrik', 'Johan', 'Jonas', 'Kristian',
    'Mats', 'Mikael', 'Niklas', 'Patrik', 'Stefan', 'Tomas', 'Göran',
  ],
  family: [
    'Lindholm', 'Nyström', 'Lindqvist', 'Holmström', 'Sjöberg', 'Lindström', 'Johansson', 'Karlsson',
    'Nyberg', 'Lindberg', 'Eriksson', 'Gustafsson', 'Björklund', 'Forsman', 'Grönroos', 'Wikström',
    'Åberg', 'Öhman', 'Ekholm', 'Sundström', 'Söderholm', 'Strandberg', 'Westerlund', 'Holmberg',
    'Backman', 'Åkerman',
  ],
};

/** Neighbourhoods of the fictional city, for school names in the large city. */
// prettier-ignore
export const PLACES_FI = [
  'Koskenrannan', 'Myllymäen', 'Kirkonkylän', 'Harjulan', 'Rantalan', 'Metsolan', 'Kivikon',
  'Pajulan', 'Niittykummun', 'Mäntylän', 'Peltolan', 'Haapaniemen', 'Lepolan', 'Saarelan',
  'Tammiston', 'Vuorelan', 'Kallion', 'Honkasalon', 'Ahvenlammen', 'Kuusirinteen', 'Lähteen',
  'Jokivarren', 'Aholan', 'Vaahteramäen', 'Pihlajiston', 'Sammalkallion', 'Hirvikosken', 'Ylärinteen',
  'Tervaharjun', 'Koivukylän', 'Päivärinteen', 'Salmelan',
];
export const SCHOOL_KINDS_FI = ['koulu', 'alakoulu', 'yhtenäiskoulu', 'koulukeskus'];
// prettier-ignore
export const PLACES_SV = ['Forsby', 'Strandby', 'Kvarnbacken', 'Björkby', 'Granvik', 'Sjöudden', 'Ekudden', 'Tallbacka', 'Åbacka', 'Lövö'];
export const SCHOOL_KINDS_SV = ['skola', 'svenska skola', 'lågstadieskola', 'enhetsskola'];
