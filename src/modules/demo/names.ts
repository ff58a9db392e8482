import type { Rng } from './random.ts';

/**
 * Curated name lists for synthetic persons: common given names by birth decade (German) and by
 * language of origin, common family names. Combined at random, they name no real person on purpose;
 * a match with a real name is chance, as with any list of common names.
 */
export type Origin = 'de' | 'ru' | 'tr' | 'pl' | 'ro' | 'bg' | 'it' | 'el' | 'sq' | 'ar' | 'fa' | 'ti' | 'so' | 'en';

const split = (s: string) => s.trim().split(/\s+/);

const DE_GIVEN: Record<string, { m: string[]; w: string[] }> = {
  '1940': {
    m: split('Hans Günter Karl Heinz Dieter Manfred Horst Werner Gerhard Helmut Klaus Rolf Walter Wolfgang Herbert Kurt Ernst'),
    w: split(
      'Ursula Renate Helga Ingrid Gisela Karin Monika Brigitte Christa Elke Erika Gertrud Inge Marianne Hannelore Waltraud',
    ),
  },
  '1950': {
    m: split(
      'Peter Klaus Jürgen Wolfgang Michael Bernd Uwe Rainer Dieter Manfred Günter Gerhard Reinhard Norbert Hans-Jürgen Harald Frank',
    ),
    w: split(
      'Monika Petra Karin Sabine Angelika Gabriele Renate Ursula Brigitte Elke Barbara Christa Marion Doris Heike Sigrid Birgit',
    ),
  },
  '1960': {
    m: split(
      'Thomas Michael Andreas Frank Stefan Ralf Jörg Uwe Martin Markus Matthias Bernd Holger Jens Carsten Olaf Dirk Torsten',
    ),
    w: split(
      'Sabine Petra Andrea Claudia Susanne Birgit Gabriele Martina Stefanie Heike Kerstin Anja Silke Tanja Angela Bettina Ute',
    ),
  },
  '1970': {
    m: split(
      'Daniel Christian Stefan Sven Markus Oliver Marco Tobias Alexander Sebastian Jan Patrick Thorsten Mario Dennis René',
    ),
    w: split('Nicole Sandra Katrin Melanie Daniela Nadine Stefanie Tanja Claudia Julia Simone Jessica Anja Diana Manuela Yvonne'),
  },
  '1980': {
    m: split(
      'Kevin Dennis Marcel Christian Daniel Tobias Philipp Sebastian Michael Patrick Florian Steffen Benjamin Dominik Pascal Sascha',
    ),
    w: split(
      'Jennifer Jessica Sarah Julia Stefanie Christina Katharina Melanie Vanessa Nadine Sabrina Janina Kristina Nina Anna Lisa',
    ),
  },
  '1990': {
    m: split(
      'Lukas Niklas Jan Tim Jonas Marvin Kevin Dennis Justin Nico Leon Florian Fabian Maximilian Luca Marcel Robin Pascal',
    ),
    w: split(
      'Laura Lisa Julia Anna Lena Sarah Jana Michelle Vanessa Jacqueline Chantal Celina Melina Jasmin Leonie Sophie Alina Nina',
    ),
  },
  '2000': {
    m: split('Leon Luca Lukas Finn Jonas Tim Niklas Ben Elias Noah Maximilian Paul Luis Felix Justin Jannik Nico Julian'),
    w: split('Lea Lena Laura Anna Leonie Hannah Lara Sophie Emily Mia Marie Lisa Alina Sarah Julia Michelle Celina Jana'),
  },
  '2010': {
    m: split('Ben Paul Jonas Elias Leon Finn Noah Luis Lukas Felix Emil Henry Theo Anton Milan Liam Matteo Luca'),
    w: split('Emma Mia Hannah Emilia Sofia Lina Marie Lea Ella Clara Leni Mila Lia Ida Frieda Lena Maja Luisa'),
  },
};

const DE_FAMILY =
  split(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein
Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann
Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert
Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter
Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich
Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Jakob Hess Henrich Dörr Kunz
Weigel Seibert Kring Göbel Reuter Hofmeister Lenz Bender Moos Diehl Jost Rühl Volk Hain Pfaff Gerlach Nickel Benner Dönges
Hartung Theis Schwalb Seip Burk Reeh Wetz Velte Klos Stahl Bach Hinz Stroh Heck Weil Michel Bastian Henkel Ruppert Schepp`);

const GIVEN: Record<Exclude<Origin, 'de'>, { m: string[]; w: string[] }> = {
  ru: {
    m: split(
      'Alexander Sergej Viktor Andrej Waldemar Eduard Johann Dmitrij Juri Vitali Artur Maxim Roman Igor Wladimir Nikolai Eugen',
    ),
    w: split(
      'Olga Natalia Irina Elena Tatjana Swetlana Ljudmila Anna Valentina Larissa Galina Oxana Julia Nadeschda Ekaterina Marina',
    ),
  },
  tr: {
    m: split(
      'Mehmet Mustafa Ahmet Ali Hüseyin Hasan Ibrahim Murat Emre Yusuf Ömer Kemal Osman Cem Serkan Burak Deniz Can Enes Emir',
    ),
    w: split(
      'Ayşe Fatma Emine Hatice Zeynep Elif Meryem Sultan Özlem Aylin Derya Esra Merve Büşra Selin Sibel Gül Hülya Ecrin Elif',
    ),
  },
  pl: {
    m: split('Piotr Krzysztof Tomasz Paweł Marcin Michał Grzegorz Łukasz Jakub Adam Marek Dariusz Kamil Mateusz Wojciech'),
    w: split(
      'Anna Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Monika Beata Dorota Aleksandra Karolina Natalia Justyna',
    ),
  },
  ro: {
    m: split('Ion Gheorghe Vasile Constantin Marian Florin Adrian Mihai Andrei Alexandru Daniel Cristian Ionuț Bogdan Nicolae'),
    w: split(
      'Maria Elena Ioana Ana Mihaela Andreea Cristina Gabriela Florentina Daniela Alexandra Roxana Simona Georgiana Larisa',
    ),
  },
  bg: {
    m: split('Georgi Ivan Dimitar Nikolai Petar Hristo Stoyan Todor Angel Yordan Kiril Martin Stefan Vasil Plamen'),
    w: split('Maria Ivanka Elena Yordanka Penka Desislava Silvia Galina Radka Tsvetanka Petya Vesela Milena Kristina Gergana'),
  },
  it: {
    m: split('Giuseppe Antonio Giovanni Salvatore Francesco Vincenzo Marco Luca Alessandro Andrea Angelo Davide Roberto Matteo'),
    w: split('Maria Anna Giuseppina Rosa Angela Giovanna Francesca Sara Giulia Chiara Laura Valentina Martina Alessia Elena'),
  },
  el: {
    m: split('Georgios Dimitrios Konstantinos Ioannis Nikolaos Christos Panagiotis Vasileios Athanasios Evangelos Michail'),
    w: split('Maria Eleni Aikaterini Vasiliki Sofia Angeliki Georgia Dimitra Konstantina Paraskevi Christina Anastasia'),
  },
  sq: {
    m: split('Arben Besnik Driton Fatmir Ilir Kujtim Labinot Mentor Naim Valon Gezim Agron Bujar Blerim Ardit Edon Liridon'),
    w: split('Albana Arbnora Blerta Donika Drita Fatime Mimoza Teuta Valbona Vjosa Besa Shpresa Lindita Merita Arta Elira'),
  },
  ar: {
    m: split(
      'Mohammad Ahmad Mahmoud Khaled Omar Ali Hassan Hussein Abdullah Mustafa Yousef Ibrahim Bilal Karam Samer Rami Fadi Tarek Amir Kinan Anas',
    ),
    w: split(
      'Fatima Aisha Amina Maryam Noor Rana Hiba Lina Rasha Sara Yasmin Reem Nour Huda Layla Zainab Dalia Salma Rahaf Aya Hala',
    ),
  },
  fa: {
    m: split(
      'Mohammad Ahmad Ali Reza Hamid Mahdi Hossein Javad Farid Omid Sajad Mustafa Ahmadullah Jawad Sayed Nasir Wahid Zaki',
    ),
    w: split('Fatemeh Zahra Maryam Parisa Shirin Nazanin Roya Farzaneh Sakina Marzia Fereshta Mina Nilofar Shabnam Zohra Soraya'),
  },
  ti: {
    m: split('Tesfaye Yonas Daniel Samuel Mehari Habtom Tekle Filmon Berhane Kidane Mussie Robel Dawit Ermias Henok Selam'),
    w: split('Selam Helen Tsega Lidya Saba Rahel Mebrat Winta Feven Hiwet Senait Yohana Eden Ruta Bethlehem Almaz'),
  },
  so: {
    m: split('Abdi Ahmed Mohamed Abdirahman Hassan Yusuf Omar Abdullahi Ismail Farah Mukhtar Said Bashir Aden Hussein'),
    w: split('Amina Fadumo Hodan Khadija Sahra Ubah Faduma Ayaan Hawa Asha Nimco Sagal Ifrah Muna Deeqa'),
  },
  en: {
    m: split('Emmanuel Chinedu Samuel David Michael John Godwin Peter Joseph Daniel Blessing Kelvin Collins Victor Sunday'),
    w: split('Grace Blessing Mary Joy Esther Faith Mercy Patience Comfort Gift Precious Ruth Janet Favour Peace'),
  },
};

const FAMILY: Record<Exclude<Origin, 'de'>, string[]> = {
  ru: split(
    'Schmidt Becker Wiebe Dick Friesen Neufeld Janzen Klassen Penner Wall Braun Martens Fast Warkentin Ivanov Petrov Kuznetsov Popov Sokolov Lebedev Morozov Volkov',
  ),
  tr: split(
    'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz',
  ),
  pl: split(
    'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk',
  ),
  ro: split('Popescu Ionescu Popa Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Moldovan Florea Constantin'),
  bg: split('Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Iliev Vasilev Atanasov Angelov Yordanov Kolev'),
  it: split('Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca Mancini Costa'),
  el: split('Papadopoulos Papadakis Georgiou Nikolaidis Dimitriou Konstantinidis Pappas Vlachos Oikonomou Makris Karagiannis'),
  sq: split('Krasniqi Gashi Berisha Morina Shala Hoxha Bytyqi Kryeziu Hasani Rexhepi Ahmeti Zeqiri Osmani Musliu Elezi'),
  ar: split(
    'Al-Ahmad Haddad Khalil Hamdan Suleiman Najjar Hassan Ibrahim Youssef Mansour Darwish Saleh Abdallah Othman Khatib Rahman Qasim Sabbagh Halabi Hamoud Al-Ali Jaber',
  ),
  fa: split(
    'Ahmadi Mohammadi Hosseini Rahimi Karimi Rezaei Sultani Hashimi Noori Azizi Habibi Sadat Jafari Naseri Amiri Haidari',
  ),
  ti: split(
    'Tesfamariam Gebremedhin Haile Berhe Kidane Tekle Woldu Ghebreyesus Mehari Abraha Yohannes Tsegay Ghirmay Andemariam',
  ),
  so: split('Mohamed Ahmed Hassan Ali Abdi Farah Warsame Yusuf Omar Ismail Aden Jama Hersi Osman Nur'),
  en: split('Okafor Adeyemi Okeke Eze Mensah Boateng Okonkwo Nwosu Ibrahim Adebayo Asante Owusu Johnson Williams'),
};

/** Nationality (ISO 3166-1 alpha-2) → language of the name. */
export const NAME_ORIGIN: Record<string, Origin> = {
  DE: 'de',
  RU: 'ru',
  KZ: 'ru',
  UA: 'ru',
  TR: 'tr',
  PL: 'pl',
  RO: 'ro',
  BG: 'bg',
  IT: 'it',
  GR: 'el',
  XK: 'sq',
  AL: 'sq',
  MK: 'sq',
  SY: 'ar',
  IQ: 'ar',
  AF: 'fa',
  IR: 'fa',
  PK: 'fa',
  ER: 'ti',
  ET: 'ti',
  SO: 'so',
  NG: 'en',
  GH: 'en',
};

function decade(year: number): string {
  const d = Math.floor(year / 10) * 10;
  return String(Math.min(2010, Math.max(1940, d)));
}

export function givenName(rng: Rng, origin: Origin, sex: 'm' | 'w', birthYear: number): string {
  if (origin === 'de') return rng.pick((DE_GIVEN[decade(birthYear)] as { m: string[]; w: string[] })[sex]);
  // children born here to families of other origins often get a German or international name
  if (birthYear >= 2005 && rng.chance(0.25)) return rng.pick((DE_GIVEN[decade(birthYear)] as { m: string[]; w: string[] })[sex]);
  return rng.pick(GIVEN[origin][sex]);
}

export function familyName(rng: Rng, origin: Origin): string {
  if (origin === 'de') return rng.pick(DE_FAMILY);
  return rng.pick(FAMILY[origin]);
}

/** Street names common in the towns of the district (Hauptstraße and friends): no real address is built. */
export const STREETS =
  split(`Hauptstraße Bahnhofstraße Schulstraße Gartenstraße Lahnstraße Dillstraße Bergstraße Kirchstraße Ringstraße
Lindenstraße Wiesenweg Mühlweg Talstraße Am_Hang Goethestraße Schillerstraße Friedhofstraße Brunnenstraße Feldstraße Waldstraße
Eichendorffstraße Am_Sportplatz Rosenweg Birkenweg Ahornweg Jahnstraße Bachgasse Untergasse Obergasse Hintergasse Neustadt
Wetzlarer_Straße Herborner_Straße Siegener_Straße Gießener_Straße Frankfurter_Straße Marburger_Straße Limburger_Straße
Im_Wiesengrund Auf_der_Heide Am_Weinberg Sonnenstraße Burgstraße Hohlweg Steinweg Westendstraße Kantstraße Uferstraße
Hessenring Friedrich-Ebert-Straße Karl-Kellner-Ring Am_Rosengärtchen Hermannsteiner_Straße Berliner_Ring Breslauer_Straße`).map(
    (s) => s.replace(/_/g, ' '),
  );

/** Parts of synthetic employer names (surname + trade + form), e.g. "Schäfer Metallbau GmbH". */
export const EMPLOYER_TRADES = [
  ['Metallbau', 'GmbH'],
  ['Maschinenbau', 'GmbH & Co. KG'],
  ['Personalservice', 'GmbH'],
  ['Zeitarbeit Mittelhessen', 'GmbH'],
  ['Pflegedienst', ''],
  ['Seniorenresidenz', 'gGmbH'],
  ['Logistik', 'GmbH'],
  ['Spedition', 'e. K.'],
  ['Gebäudereinigung', 'GmbH'],
  ['Bäckerei', ''],
  ['Fleischerei', ''],
  ['Autohaus', 'GmbH'],
  ['Elektrotechnik', 'GmbH'],
  ['Sanitär und Heizung', 'GmbH'],
  ['Gastronomie', 'GmbH'],
  ['Hotel', 'KG'],
  ['Kunststofftechnik', 'GmbH'],
  ['Feinmechanik', 'GmbH'],
  ['Lagerservice', 'GmbH'],
  ['Einzelhandel', 'OHG'],
  ['Sicherheitsdienst', 'GmbH'],
  ['Garten- und Landschaftsbau', ''],
  ['Kita-Verbund', 'e. V.'],
  ['Handwerksbetrieb', ''],
] as const;

export const PUBLIC_EMPLOYERS = [
  'Beschäftigungsgesellschaft Lahn-Dill (Demo) gGmbH',
  'Sozialkaufhaus Mittelhessen (Demo) e. V.',
  'Gemeinnützige Werkstätten Dill (Demo) gGmbH',
  'Stadtteilprojekt Lahnufer (Demo) e. V.',
  'Tafel und Möbelbörse Lahn-Dill (Demo) e. V.',
];
