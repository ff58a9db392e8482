/**
 * The narrative sections of the Eingliederungsbericht and their default texts. The defaults follow the
 * Jobcenter's own report for 2019 (shared/seed/eingliederungsbericht-2019.txt); every number in them is
 * a {{placeholder}} filled from the data, so the text of any year starts from that year's figures.
 * Format ("Markdown light"): paragraphs separated by a blank line; lines beginning with "- " are a list.
 */
export interface TextSection {
  key: string;
  title: string;
  default: string;
}

export const TEXT_SECTIONS: TextSection[] = [
  {
    key: 'vorwort',
    title: 'Vorwort',
    default: `Der Eingliederungsbericht {{jahr}} beschreibt, wie die Mitarbeitenden des Jobcenters die Menschen in der Region gefördert und so ihren Auftrag im Rahmen des Sozialgesetzbuches II (SGB II) und der politischen Erwartungen erfüllt haben. Die Resultate sind das Ergebnis einer guten Zusammenarbeit mit allen Akteuren in der Region.

Der Bericht zeigt, dass sich die Bedingungen und dadurch die Arbeitsanforderungen im fortlaufenden Wandel befinden und somit Arbeitsweisen und Lösungsansätze stets weiterentwickelt werden müssen.

Der Eingliederungsbericht ist Teil eines stetigen Kreislaufes. Zusammen mit dem Arbeitsmarktprogramm und dem kontinuierlichen Austausch ist er ein Baustein der Reflexion der Wirkungen und der Weiterentwicklung der Partnerschaften und Arbeitsweisen. Er stellt eine Momentaufnahme zum Jahresabschluss {{jahr}} dar.`,
  },
  {
    key: 'portraet',
    title: 'Porträt des Jobcenters',
    default: `Unser Jobcenter nimmt die Aufgaben der Grundsicherung für Arbeitsuchende nach dem SGB II als zugelassener kommunaler Träger wahr. Grundlage der Arbeit ist der wertschätzende, die Bedingungen der Region berücksichtigende und vernetzt handelnde Umgang mit den Menschen in der Region.`,
  },
  {
    key: 'leitlinien',
    title: 'Unsere Leitlinien',
    default: `- Wir unterstützen unsere Kundinnen und Kunden dabei, ihre Existenz zu sichern, nachhaltig Arbeit oder Ausbildung aufzunehmen und am sozialen Leben teilzunehmen.
- Wir berücksichtigen die spezifischen Bedingungen in der Region und die Anforderungen für die Menschen, die hier leben.
- Wir setzen auf eine kontinuierliche Beziehung zwischen unseren Mitarbeitenden und den Leistungsberechtigten und beachten die Verschiedenartigkeit der Bedürfnisse.
- Unsere Arbeit ist geprägt durch den sozialräumlichen Ansatz. Wir achten dabei auf die Potentiale unserer Kundinnen und Kunden.
- Wir sind eine lernende Organisation, die die Qualität und Wirksamkeit ihrer Arbeit kontinuierlich überprüft und weiterentwickelt.
- Wir stehen für vernetztes gemeinsames Handeln und fördern die Chancengleichheit aller Menschen.`,
  },
  {
    key: 'organisation',
    title: 'Organisation des Trägers',
    default: `Überwiegend regional ausgerichtete Teams unterstützen die Leistungsberechtigten und gewährleisten die Absicherung der Leistungsberechtigten und ihrer Familien. Die Kundinnen und Kunden werden durch Aufgabentandems betreut: Expertinnen und Experten aus dem Leistungsbereich und aus der Vermittlung bzw. dem Fallmanagement betreuen verzahnt dieselben Kundinnen und Kunden.

Spezielle Kompetenzteams betreuen Menschen mit Schwerbehinderung und Rehabilitanden sowie Leistungsbeziehende unter 25 Jahren (U25). Die folgende Tabelle zeigt die Standorte und Teams mit der Zahl der erwerbsfähigen Leistungsberechtigten im Dezember {{jahr}}.`,
  },
  {
    key: 'rahmenbedingungen',
    title: 'Rahmenbedingungen',
    default: `Die Rahmenbedingungen der Region – Bevölkerung, Wirtschaftsstruktur und Pendlerbeziehungen – prägen die Chancen der Menschen, die wir begleiten.`,
  },
  {
    key: 'politik',
    title: 'Politik',
    default: `Das Jobcenter schließt jährlich mit dem Land die Zielvereinbarung nach § 48b SGB II ab. Dabei werden sozialpolitische Erwartungen und Ziele ergänzt (z. B. die Integration der Alleinerziehenden, der Menschen mit Schwerbehinderung, die qualifizierende Ausbildung).

Die Förderung von Arbeitsverhältnissen nach §§ 16e und 16i SGB II (Teilhabechancengesetz) haben wir für viele Menschen genutzt.`,
  },
  {
    key: 'arbeitsmarkt',
    title: 'Arbeitsmarkt',
    default: `Die Wirtschaft in der Region fordert Fachkräfte. Die Beschäftigungschancen für „Ungelernte“ sind begrenzt. In der zweiten Jahreshälfte {{jahr}} hat sich die Dynamik verlangsamt.`,
  },
  {
    key: 'struktur',
    title: 'Struktur der Leistungsberechtigten',
    default: `„Die SGB II-Leistungsberechtigten“ gibt es so nicht. Die Menschen, die von den Mitarbeitenden begleitet und gefördert werden, sind sehr unterschiedlich. Unter den {{elb.dezember}} erwerbsfähigen Leistungsberechtigten (Stand: Dezember {{jahr}}) findet man Alleinerziehende, Jugendliche, Migrantinnen und Migranten, ältere Menschen und Personen mit den unterschiedlichsten Qualifikationen in speziellen gesundheitlichen und sozialen Situationen.`,
  },
  {
    key: 'struktur_geschlecht',
    title: 'Frauen und Männer',
    default: `Im Leistungsbezug sind mehr Frauen ({{elb.frauen}} eLb) als Männer ({{elb.maenner}} eLb) im SGB II-Leistungsbezug. Dieses Verhältnis von {{elb.frauen.anteil}} zu {{elb.maenner.anteil}} entspricht nicht der Relation der Bevölkerung. Das Risiko für Frauen, im SGB II-Bezug zu sein, ist größer als das für Männer.`,
  },
  {
    key: 'struktur_gruppen',
    title: 'Junge Menschen, Schwerbehinderung und Langzeitbezug',
    default: `{{elb.u25}} Personen der eLb sind unter 25 Jahre alt ({{elb.u25.maenner}} männlich / {{elb.u25.frauen}} weiblich).

Der Anteil der arbeitsuchenden eLb mit einer Schwerbehinderung an allen arbeitsuchenden erwerbsfähigen Leistungsberechtigten beträgt {{schwerbehindert.anteil}}.

Im Dezember {{jahr}} sind {{ueber4jahre.anteil}} der erwerbsfähigen Leistungsberechtigten seit mehr als 4 Jahren im SGB II-Bezug. {{langzeit.anteil}} aller eLb waren im Langzeitbezug.`,
  },
  {
    key: 'struktur_qualifikation',
    title: 'Qualifikation',
    default: `Herausfordernd ist die Differenz zwischen den beruflichen Abschlüssen, die von den Arbeitgebern gefordert werden, und den Voraussetzungen, welche die Kundinnen und Kunden mitbringen.

Erwerbsfähige Leistungsberechtigte mit Fluchthintergrund konnten zu {{flucht.berufsabschluss.anteil}} eine abgeschlossene Berufsausbildung nachweisen; {{flucht.schulabschluss.anteil}} haben einen Schulabschluss.`,
  },
  {
    key: 'strategie',
    title: 'Strategische Ausrichtung der Förderung',
    default: `Die strategische Ausrichtung unseres Handelns, unserer Eingliederungsmaßnahmen und der Projekte orientiert sich an den Potentialen, Wünschen und persönlichen Zielen der einzelnen Leistungsberechtigten. Dabei berücksichtigen wir die Prinzipien der Sozialraumorientierung und handeln im Sinne unserer Leitlinien.

Für {{jahr}} standen neben der Verringerung der Hilfebedürftigkeit und der Verbesserung der Integrationen in Erwerbstätigkeit folgende Ziele besonders im Fokus:

- Mit unserer Arbeitsweise helfen wir beim Abbau eines langfristigen Leistungsbezugs und möchten diesen vermeiden.
- Wir stärken besonders Erziehende und Alleinerziehende.
- Wir unterstützen qualifizierende Aus- und Weiterbildungen.
- Wir ermöglichen jungen Menschen Bildung und Teilhabe.
- Die Menschen erhalten Unterstützung durch die kommunalen Eingliederungsleistungen.
- Wir stützen Menschen mit Bedarfen an Rehabilitation durch qualifizierte Betreuung.`,
  },
  {
    key: 'handlungsansaetze',
    title: 'Unsere Handlungsansätze',
    default: `Die Aufgaben und Ziele des SGB II und die politischen Erwartungen können nur zusammen mit den betroffenen Bürgerinnen und Bürgern und durch die Arbeit der Mitarbeitenden erreicht werden. Es gilt, Rahmen- und Arbeitsbedingungen zu schaffen, die die Entwicklung tragfähiger sozialraumorientierter Konzepte zulassen.`,
  },
  {
    key: 'akteure',
    title: 'Akteurslandschaft',
    default: `Das Jobcenter ist Teil der kommunalen Landschaft. In der gemeinsamen Arbeit für die Menschen in der Region gelingt es, fördernde Kooperationen zu entwickeln und zu etablieren: in der Regionalentwicklung, beim Wohnen, für junge Menschen (U25), in der Familien- und Gleichstellungsförderung, der sozialen Teilhabe und der Gesundheit.`,
  },
  {
    key: 'budget',
    title: 'Einsatz des Eingliederungsbudgets',
    default: `In der Konzeption unserer Arbeit achten wir konsequent auf die aktive Zusammenarbeit unter der Beteiligung der Menschen und orientieren uns an ihren individuellen Stärken. Im Eingliederungsbudget setzten wir {{jahr}} insgesamt {{budget.ausgaben}} zur Förderung unserer Kundinnen und Kunden ein.`,
  },
  {
    key: 'organisationsentwicklung',
    title: 'Interne Organisationsentwicklung',
    default: `Die Mitarbeiterinnen und Mitarbeiter sind die wichtigste Ressource für die erfolgreiche Arbeit mit den Menschen. Der Dialog zur Qualität und Zielrichtung der Arbeit zwischen den Mitarbeitenden und ihren Führungskräften wird durch regelmäßig bereitgestellte Informationen über den teambezogenen Ergebnisreport (Auswertungsdialog) und Strukturdaten der betreuten Kundinnen und Kunden unterstützt.`,
  },
  {
    key: 'beschaeftigung',
    title: 'Beschäftigungsförderung nach §§ 16i und 16e SGB II mit Coaching',
    default: `Gerade Menschen im langfristigen Bezug brauchen die Chance auf unterstützte Beschäftigung, die ihre individuelle Situation berücksichtigt. Zum Stichtag 1. Dezember {{jahr}} wurden {{gefoerdert.gesamt}} Beschäftigungsverhältnisse nach §§ 16i und 16e SGB II gefördert ({{gefoerdert.16i}} nach § 16i, {{gefoerdert.16e}} nach § 16e). Im Laufe des Jahres {{jahr}} haben {{gefoerdert.zugaenge16i}} Menschen eine geförderte Beschäftigung nach § 16i SGB II aufgenommen.

Um eine Stabilisierung der Beschäftigung zu erreichen, findet ein beschäftigungsbegleitendes Coaching statt.`,
  },
  {
    key: 'massnahmen',
    title: 'Maßnahmen und Projekte',
    default: `An dieser Stelle werden Maßnahmen und Projekte vorgestellt, die bei der Erreichung der Ziele in {{jahr}} eine wesentliche Rolle einnahmen. Die Qualität der Umsetzung wurde laufend evaluiert und in regelmäßigen Gesprächen mit dem jeweiligen Träger erörtert.`,
  },
  {
    key: 'migration',
    title: 'Menschen mit Migrations- und Fluchthintergrund',
    default: `Mit einem Anteil von {{flucht.anteil}} an allen erwerbsfähigen Leistungsberechtigten hat in {{jahr}} ein großer Teil der Leistungsberechtigten Fluchterfahrung. Dem spezifischen Förderbedarf dieser Kundengruppe tragen wir durch individuelle ressourcenorientierte Beratung und bewerberorientierte Vermittlung Rechnung.`,
  },
  {
    key: 'koproduktion',
    title: 'Der Weg zur Ko-Produktion',
    default: `Das Jobcenter sieht im Ansatz der Ko-Produktion für Menschen im SGB II eine vielversprechende Chance. Die Beteiligung von Kundinnen und Kunden an der Erstellung des Arbeitsmarktprogramms ist einer der Ansätze; Koproduktionselemente sind in verschiedenen Maßnahmen etabliert.`,
  },
  {
    key: 'but',
    title: 'Bildung und Teilhabe (BuT)',
    default: `Um die Familien noch besser zu unterstützen und die Inanspruchnahme der Leistungen für Bildung und Teilhabe weiter zu steigern, informieren wir unsere Kundinnen und Kunden über die verschiedenen BuT-Leistungen. Die folgende Darstellung enthält die Anzahl der Kinder, die im Jahr {{jahr}} BuT-Leistungen für die verschiedenen Leistungsarten in Anspruch genommen haben.`,
  },
  {
    key: 'fazit',
    title: 'Fazit',
    default: `Vielen Leistungsberechtigten und ihren Familien ist es gelungen, eine Zukunft mit gesellschaftlicher und beruflicher Teilhabe zu finden, die sie unabhängig von Leistungen des SGB II macht.

Die Ausgaben für die Leistungen zum Lebensunterhalt sind im Vergleich zum Vorjahr um {{ausgaben.veraenderung.betrag}} {{ausgaben.veraenderung.richtung}}.

Die Zahl der männlichen eLb ist um {{elb.maenner.veraenderung.betrag}} {{elb.maenner.veraenderung.richtung}}, die der weiblichen eLb ist um {{elb.frauen.veraenderung.betrag}} {{elb.frauen.veraenderung.richtung}}. Für Frauen besteht weiterhin ein höheres Risiko, in den SGB II-Bezug zu rutschen und dort zu verbleiben.

Die Anzahl der Bedarfsgemeinschaften im Leistungsbezug ist {{jahr}} um {{bg.veraenderung.betrag}} {{bg.veraenderung.richtung}}.

Die Integrationsquote lag im Dezember {{jahr}} bei {{iq.jahr}}, nach {{iq.vorjahr}} im Vorjahr und {{iq.vorvorjahr}} zwei Jahre zuvor. Bei der Integrationsquote bestehen nach wie vor erhebliche Unterschiede zwischen Männern ({{iq.maenner}}) und Frauen ({{iq.frauen}}).

Zum Jahresende {{jahr}} waren {{langzeit.dezember}} eLb im Langzeitbezug, im Dezember {{vorjahr}} waren es {{langzeit.vorjahr}}. Die Zahl ist damit um {{langzeit.veraenderung.betrag}} ({{langzeit.differenz}} Personen) {{langzeit.veraenderung.richtung}}.

Die Fokussierung auf die Fähigkeiten der Menschen, ihre Beteiligung und die sozialräumliche Orientierung sind der Weg, die Talente der Menschen zu heben. Wir werden diesen Weg weiter gehen.`,
  },
];

export const TEXT_KEYS = TEXT_SECTIONS.map((s) => s.key);
