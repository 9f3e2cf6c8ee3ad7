#!/usr/bin/env python3
"""Builds tests/data/generalisation.jsonl from hand-written reactions.

Markup: [[span text|kind]] marks a gold span; everything else is plain text. All
people, numbers and addresses are invented. The sentence frames are our own and
deliberately differ from the dev generator's templates (held-out check).
"""
import json
import os
import re

MARK = re.compile(r"\[\[(.+?)\|([a-z_]+)\]\]", re.S)

NL = [
    # --- people introduced by kinship / roles / speech verbs -------------------------
    "Mijn schoonzus [[Annelies ter Veen|person]] heeft dit ook al drie keer aangevraagd. Niks gehoord.",
    "Zeg tegen je collega [[Bram|person]] dat hij eerst zijn eigen formulieren moet lezen 😤",
    "Onze buurjongen [[Thijs van Rossum|person]] zit sinds maart bij de Luchtmobiele Brigade. Trots op hem!",
    "Volgens [[Latifa Ouchan|person]] van de personeelsdienst duurt het nog zes weken. Zes weken!!",
    "Opa [[Gerben Hoekstra|person]] was in '62 al marinier. Die zou zich omdraaien in zijn graf.",
    "Heeft iemand contact met [[Sevda Karataş|person]]? Ze zat bij mij in het peloton in 2019.",
    "Mijn neef [[Dion Sabajo|person]] wacht al een half jaar op zijn keuring. Wat is hier aan de hand?",
    "[[Wubbo de Vries|person]] zei gisteren op het appèl dat het rooster weer omgegooid wordt.",
    "Vraag het maar aan [[Iris|person]], die werkt daar al twintig jaar.",
    "Mijn tante [[Joke van der Schaaf-Bos|person]] heeft dit artikel ook gedeeld. Zelfde verhaal.",
    "groetjes van [[Yasmina|person]] en [[Redouane el Ghazali|person]] uit de kazerne 💪",
    "Dank aan [[Sjoukje Dykstra|person]], [[Rinze Visser|person]] en [[Tjeerd Algra|person]] voor de hulp bij de intake.",
    "Onze dochter [[Meryem|person]] is net begonnen aan de opleiding. Spannend!",
    "Heb net gebeld met een zekere [[Kevin Brinkman|person]]. Hij wist ook van niks.",
    "Bij deze een compliment voor kapitein [[Ravindra Ramlal|person]]: eindelijk iemand die luistert.",
    "Ik sprak vanochtend sergeant [[Mehmet Güler|person]], die bevestigde het verhaal.",
    "De heer [[Pijnenburg|person]] van de helpdesk was erg behulpzaam, dat mag ook gezegd worden.",
    "mevrouw [[De Wolf-Mertens|person]] heeft mijn bezwaar gewoon kwijtgemaakt. Ongelofelijk.",
    "[[Hüseyin Doğrus|person]] aanvraag is afgewezen zonder uitleg. Schandalig.",
    "Is dit niet de eenheid van [[Marloes'|person]] broer?",
    "Wie kent [[Niels Oosterhuis|person]] nog van de KMS? Hij is vorige week met pensioen gegaan.",
    "ik en mn vriendin [[chantal wijnberg|person]] willen allebei solliciteren, kan dat samen?",
    "mijn vader [[henk de graaff|person]] heeft 30 jaar gediend en krijgt nu dit. bah",
    "[[Anouk Verschuren|person]] schreef het al: de aanmeldlink werkt niet.",
    "Namens de familie: [[Wilhelmina Tuinstra|person]] is vorige week overleden. Ze was trots op haar tijd bij de MARVA.",
    "Luitenant-kolonel b.d. [[Frits Oudshoorn|person]] heeft hier ooit een mooi boek over geschreven.",
    "Onze kleinzoon [[Ilias Benaissa|person]] gaat volgend jaar naar Ermelo voor de opleiding.",
    "Mijn broer [[Çağatay|person]] werkt als monteur bij de landmacht. Hij lacht zich rot om deze post.",
    "Tip: bel [[Priscilla Kartowidjojo|person]] van het veteraneninstituut, die helpt je echt verder.",
    "Complimenten aan dokter [[Ruud Verstappen|person]] in het militair hospitaal!",
    "[[Femke|person]] en [[Jorrit|person]] gaan trouwen op de basis, hoe mooi is dat",
    "Mijn collega's [[Esmée Kuijpers|person]] en [[Stefan Lodewijks|person]] hebben hier al over geklaagd bij de OR.",
    "Hoezo staat de foto van [[Bayu Pattiasina|person]] er zonder toestemming op?",
    "Ik heb [[Jelle's|person]] verhaal gelezen en moest echt huilen 😢",
    "Gisteren [[Khadija Amghar|person]] gesproken op de open dag, die was super enthousiast.",
    "Wat [[Tim Verbruggen|person]] hier zegt klopt echt niet.",
    "Hallo, ik ben [[Rutger Meesters|person]] en ik wil graag weten of mijn diploma telt.",
    "Mijn naam is [[Nurcan Aktaş|person]]. Waarom krijg ik geen antwoord op mijn mail?",
    "Ik heet [[Daan|person]], ben 17 en wil later bij de marine 🫡",
    "Met vriendelijke groet,\n[[Hendrikje van Wageningen|person]]",
    "Groet, [[Ahmed Tahtah|person]]",
    "Gr. [[Sietske|person]]",
    "— [[Marinus van den Akker|person]], oud-dienstplichtige",
    "mvg [[Stijn Leferink|person]]",
    "Liefs, [[oma Truus|person]]",
    "Dit is echt een schande.\n\n[[Pieternella Groeneveld|person]]\nOud-medewerker DMO",
    "Geachte heer/mevrouw, graag ontvang ik een reactie. Hoogachtend, [[J.W. Bovenkerk|person]]",
    "Vraag voor mijn zwager [[Yiğit Altıntaş|person]]: mag je met een dubbele nationaliteit bij de KMar?",
    "Mijn stiefmoeder [[Gerda Hofstede|person]] werkt bij Defensie en zegt dat dit niet klopt.",
    "DIT IS WAT [[KLAAS BIJLSMA|person]] AL JAREN ZEGT!!!",
    "Onze instructeur [[Roel|person]] is de beste, punt.",
    "[[@defensie|handle]] ik wil graag in contact komen met [[Dewi Latumahina|person]], zij diende bij 13 Lichte Brigade.",
    "Samen met [[Joost Brandsma|person]] en [[Ayoub Chaara|person]] deze actie opgezet. Doneren kan via de link.",
    "Kunnen [[Lisa|person]] en ik samen op uitzending?",
    "Heel veel sterkte aan de familie van [[Koen Wesselink|person]].",
    "De moeder van [[Eline Strijbos|person]] heeft me dit doorgestuurd.",
    "In memoriam [[Arie Kranendonk|person]] (1931-2024). Rust zacht, veteraan.",
    "RIP [[Dirk-Jan Wolters|person]] 🎖️ je wordt gemist maat",
    "Groeten van [[ome Kees|person]] uit de Achterhoek 😂",
    "Wat een held is [[Nadir Boulahrouz|person]]. Ga zo door!",
    "Ik sta achter [[Bart Zwanenburg|person]], die heeft gewoon gelijk.",
    "Hé [[Loes|person]], is dit niet jouw oude eenheid?",
    "geachte [[mevrouw Van Lingen|person]], waarom reageert u niet op mijn brief?",
    "Ik had contact met [[adjudant Smulders|person]] maar die is nu met verlof.",
    # --- locations ------------------------------------------------------------------
    "Ik woon in [[Hardenberg|location]] en de dichtstbijzijnde kazerne is een uur rijden.",
    "Geboren en getogen in [[Steenwijk|location]], dus ik ken die oefenterreinen op mijn duimpje.",
    "Wij zitten momenteel in [[Doetinchem|location]] bij mijn schoonouders, bereikbaar na 18u.",
    "Mijn zoon is gestationeerd in [[Seedorf|location]] en we horen bijna niks van hem.",
    "Sinds 2015 wonen we in [[Hoogeveen|location]]. De jets vliegen hier over ons dak!!",
    "Ik kom uit [[Sneek|location]], daar hebben we nooit een wervingsdag gehad.",
    "Verhuisd naar [[Kerkrade|location]] en nu moet ik alles opnieuw aanvragen. Typisch.",
    "Zit nu in [[Gao|location]] op missie, groetjes aan iedereen thuis 🇳🇱",
    "Mijn moeder is geboren in [[Paramaribo|location]] en heeft nooit zo'n brief gehad.",
    "Hier in [[Wageningen|location]] merken we niks van die nieuwe regels.",
    "Typisch Den Haag weer, vergaderen en niks doen.",
    "De oefening in de Veluwe was indrukwekkend om te zien.",
    "Amsterdam heeft gewoon te weinig parkeerplaatsen voor dit soort evenementen.",
    "Wie gaat er zaterdag naar de vlootdagen in Den Helder?",
    "Ik ben opgegroeid in [[Winterswijk|location]] en toen waren de tanks er elke week.",
    "wij wonen in [[emmeloord|location]] en hebben echt last van het geluid",
    "Woonachtig te [[Nieuwegein|location]], sinds kort reservist.",
    "Ik ben nu in [[Kaunas|location]] voor de NAVO-missie, het is hier -15 ❄️",
    "Mijn opa woonde vroeger in [[Ede|location]] vlakbij de kazerne.",
    # --- addresses, postcodes --------------------------------------------------------
    "Stuur de papieren maar naar [[Lindengracht 42|address]], [[1015 KH|address]] [[Amsterdam|location]].",
    "Mijn adres is [[Veldhovenring 17b|address]] in [[Veldhoven|location]]. Nog steeds geen post ontvangen.",
    "Ik woon op de [[Prins Bernhardlaan 3-II|address]], [[2611 AB|address]] [[Delft|location]], kom gerust langs.",
    "Het pakket ligt nog bij [[Hofstraat 128|address]] omdat de bezorger het verkeerde huisnummer had.",
    "Retour afzender: [[Burg. Colijnstraat 9|address]], [[4386 BG|address]] [[Vlissingen|location]]",
    "De brief kwam aan op [[Schiedamseweg 211A|address]] maar ik woon daar al 2 jaar niet meer.",
    "Ons nieuwe adres: [[Tjalk 58|address]], [[8232 MD|address]] [[Lelystad|location]] 🏡",
    # --- phone / email / url / handle --------------------------------------------------
    "Bel me gerust op [[06 41 27 39 85|phone]], ik help je wel met de aanvraag.",
    "Whatsapp: [[+31 6 2039 1847|phone]] (alleen na 17:00 aub)",
    "Mijn vaste nummer is [[0521-583921|phone]], mobiel heb ik niet.",
    "Kan niet inloggen, mail me op [[marjolein.kuiper77@hotmail.com|email]] als je meer weet",
    "stuur maar een dm of mail naar [[y.elmoussaoui@gmail.com|email]]",
    "Info via [[sgt.verhagen@mindef.nl|email]] (werk) of bel [[0031 6 18 29 37 46|phone]]",
    "Het formulier staat hier: [[https://drive.google.com/file/d/1xYzQ8pLmNo7/view|url]] maar de link werkt niet",
    "Zie mijn blog [[www.veteranenverhalen-ria.nl/mijn-tijd|url]] voor het hele verhaal.",
    "[[@jvdkamp88|handle]] kijk dit dan 😂😂",
    "Dank je [[@serkan_ozt|handle]], heb je bericht ontvangen.",
    "[[@MinDefensie|handle]] hoe lang gaat dit nog duren? [[@pietervdveen|handle]] wacht ook al maanden.",
    "cc [[@fenna_wijnands@mastodon.nl|handle]] jij weet hier meer van toch?",
    "Service 14 020 bellen heeft geen zin, die verwijzen je door naar 1400.",
    "Bel 112 bij nood, niet de kazerne 🙄",
    # --- numbers: bsn / iban / cc / plate / ip ---------------------------------------
    "Mijn BSN is [[179869413|bsn]], kunnen jullie het dossier even nakijken?",
    "Burgerservicenummer: [[215 109 545|bsn]]. Ik wacht al sinds de zomer.",
    "Mijn klantnummer 361878951 wordt niet herkend door het systeem.",
    "Terugbetalen kan op [[NL19BUNQ1868543121|iban]] t.n.v. de vereniging.",
    "Gift voor de veteranen? Rekening [[NL65 RBRB 9007 9440 21|iban]] o.v.v. 'Veteranendag'.",
    "Mijn pas [[4217 1516 9392 1944|credit_card]] is twee keer belast voor hetzelfde kaartje!",
    "Er is geld afgeschreven van creditcard [[5167-4150-4802-9118|credit_card]], terwijl ik niks besteld heb.",
    "Er stond weer een busje met kenteken [[VX-482-K|license_plate]] dwars over de oprit.",
    "Die Fennek met nummerbord [[KD-03-NB|license_plate]] rijdt elke dag door ons dorp 🚙",
    "Mijn auto ([[8-TZP-24|license_plate]]) is op de parkeerplaats van de kazerne aangereden.",
    "Ik krijg een foutmelding vanaf [[83.162.47.19|ip]], kan iemand helpen?",
    "Server [[192.168.178.23:8080|ip]] reageert niet, intranet ligt er weer uit.",
    # --- dates and birth dates -------------------------------------------------------
    "Mijn keuring staat op [[14 maart 2025|date]] maar ik heb nog geen bevestiging gekregen.",
    "Op [[3-10-2024|date]] heb ik gebeld en toen zeiden ze binnen twee weken. Niks.",
    "Uitzending van [[12/02|date]] tot [[30/06|date]], daarna eindelijk naar huis.",
    "De ceremonie is op vrijdag [[27 juni|date]], kom allemaal!",
    "Ik ben geboren op [[9 augustus 1986|birth_date]], valt ik nog binnen de leeftijdsgrens?",
    "Mijn dochter [[Noor|person]] (geb. [[22-04-2007|birth_date]]) wil zich aanmelden.",
    "Geboortedatum: [[30.11.1979|birth_date]]. Staat gewoon in het systeem, dus waarom vragen jullie het opnieuw?",
    "In juni 2023 begonnen, nu nog steeds geen contract.",
    "Elke maandag om 09.00 uur appèl, ook in de vakantie.",
    # --- special categories, personal tie ---------------------------------------------
    "Sinds mijn uitzending heb ik [[PTSS|health]] en niemand bij de BMS neemt de telefoon op.",
    "Ik heb [[diabetes|health]] type 1, mag ik dan nog wel bij de landmacht?",
    "Mijn dochter heeft autisme en wil toch graag naar de KMA. Kan dat?",
    "Na de [[chemo|health]] ben ik afgekeurd, terwijl ik weer fit ben.",
    "Ik ben [[doof|health]] aan één oor, is dat een probleem bij de keuring?",
    "Mijn man heeft depressie sinds Uruzgan en krijgt geen hulp.",
    "[[Sanne Bijl|person]] heeft [[MS|health]] en is nog steeds de sterkste vrouw die ik ken.",
    "Als [[moslima|religion]] draag ik een hoofddoek, mag dat in uniform?",
    "Ik ben [[katholiek|religion]] opgevoed, maar dit vind ik echt te ver gaan.",
    "Mijn collega [[Ruben Meijerink|person]] is [[Jehova's getuige|religion]] en weigert daarom de eed.",
    "Ik ben [[lesbisch|sexual_orientation]] en voelde me bij de marine altijd welkom ❤️",
    "Als [[homoseksuele|sexual_orientation]] militair ben ik blij met deze campagne. #Pride",
    "Ik stem al jaren [[SP|politics]], maar hier ben ik het mee eens.",
    "Als [[PVV|politics]]-stemmer zeg ik: eerst onze eigen mensen.",
    "Ben lid van de [[GroenLinks-PvdA|politics]] en schaam me voor dit standpunt.",
    "Ik ben lid van [[FNV|trade_union]] en wij staan volgende week op het Malieveld.",
    "Mijn vader zat bij de ACOM en heeft hier jaren voor gestreden.",
    "Ik ben van [[Surinaamse|ethnicity]] afkomst en word er vaak op aangesproken.",
    "Als [[Molukse|ethnicity]] vrouw vind ik dit herdenkingsmoment heel belangrijk.",
    "Mijn opa was Indisch en vocht in de KNIL.",
    "Ik heb een [[veroordeling|criminal]] uit 2016, kan ik nog een VOG krijgen?",
    "Mijn broer heeft vastgezeten voor diefstal en wil nu zijn leven beteren.",
    "[[Jeroen Baaijens|person]] heeft een [[enkelband|criminal]] gehad, die moet je niet aannemen.",
    # --- special categories without personal tie (negatives) ---------------------------
    # (unnamed relatives count as no tie: only the writer or a named person is labelled)
    "PTSS bij veteranen wordt nog steeds onderschat in dit land.",
    "De islam heeft niks met dit conflict te maken, stop met die onzin.",
    "Goed dat jullie aandacht besteden aan homo's in het leger. #Pride",
    "De PVV wil het defensiebudget verhogen, de SP wil het juist verlagen.",
    "De vakbonden hebben de cao afgewezen, terecht.",
    "Diabetes is geen reden meer om afgekeurd te worden, las ik.",
    "Criminelen horen niet in uniform, klaar.",
    "Surinaamse soldaten vochten ook mee in WO2, vergeet dat niet.",
    "Kerken en moskeeën zouden ook moeten helpen met de opvang.",
    # --- registers: caps, sloppy, emoji, hashtags, no PII ----------------------------------
    "WAAROM DUURT ALLES ZO LANG??? ECHT BELACHELIJK #Defensie 🤬",
    "lol wie verzint dit 😂😂😂",
    "Trots op onze mannen en vrouwen in uniform 🇳🇱🫡 #veteranendag",
    "Goed bezig Defensie, eindelijk duidelijkheid.",
    "Kan iemand mij uitleggen waarom de F-35 zo duur is?",
    "Mooie foto's! Waar is dit genomen?",
    "Weer een reorganisatie. Ik tel ze al niet meer. Zucht.",
    "Ik ben benieuwd wat de Kamer hier morgen van vindt.",
    "Hoop dat de jongens en meiden veilig thuiskomen 🙏",
    "Bij de Marechaussee zijn ze al weken onderbezet, zegt de Telegraaf.",
    "Onze Koning was er ook bij, mooi gebaar.",
    "Op Prinsjesdag zie je pas hoeveel geld er naartoe gaat.",
    "Fijne kerst allemaal en veilig thuis! 🎄",
    "Hoeveel kost zo'n Boxer eigenlijk?",
    # --- mixed records -----------------------------------------------------------------
    "Goedemiddag, ik ben [[Gülay Öztürk|person]], woonachtig in [[Zwijndrecht|location]]. Mijn BSN is [[513482696|bsn]] en ik wacht op uitbetaling.",
    "Mijn zoon [[Finn de Boer|person]] is op [[2 juli|date]] vertrokken naar [[Litouwen|location]]. Bellen kan via [[06-37281946|phone]].",
    "Beste Defensie,\n\nMijn man [[Wouter Siebelink|person]] is veteraan en heeft [[PTSS|health]]. We wonen in [[Meppel|location]].\n\nGroet,\n[[Ilse Siebelink|person]]",
    "Hey [[@bertje_haaksbergen|handle]]! ben je nog steeds in [[Assen|location]]? bel me ff [[0612839475|phone]]",
    "Dit is [[Soufiane Ait Taleb|person]], geboren [[14-01-1995|birth_date]] in [[Tanger|location]], al 10 jaar in dienst.",
    "VOOR WIE [[HAKAN YILMAZ|person]] ZOEKT: HIJ ZIT NU IN [[DEN HELDER|location]] OP DE MARINEBASIS.",
    "[[@Landmacht|handle]] kunnen jullie [[mw. Renate Poppe|person]] vragen me terug te bellen? [[06-19283746|phone]]",
    "[[Tessa|person]] & [[Mo|person]] zijn er ook bij op [[15 mei|date]] 🎉",
]

EN = [
    "My cousin [[Liam O'Connor|person]] served with the Dutch in Mali, proud of him!",
    "Spoke to [[Rebecca Thornton|person]] at the embassy and she had no idea either.",
    "Thanks to Sgt. [[Marcus Whitfield|person]] for the help with my paperwork 👍",
    "I live in [[Enschede|location]] and the jets are LOUD every morning.",
    "Born in [[Leeds|location]], now a reservist here. Ask me anything.",
    "Email me at [[callum.price@outlook.com|email]] if you need a translator.",
    "Call [[+44 7700 900412|phone]] if you have info about the missing dog near the base.",
    "I have [[PTSD|health]] from my deployment and the Dutch system is a maze.",
    "As a [[gay|sexual_orientation]] veteran I really appreciate this post. #Pride",
    "I'm [[Muslim|religion]] and fasting during Ramadan was never an issue in my unit.",
    "Great post, keep it up!",
    "Why is the website down again?? 🙄",
    "PTSD among veterans is a serious issue that deserves more funding.",
    "My husband [[Daniel Kowalski|person]] was stationed in [[Ramstein|location]] for six years.",
    "His birthday is [[March 3, 1990|birth_date]] and the form still says 1909 lol",
    "The deadline was [[12 October 2024|date]] and nobody told us.",
    "Regards,\n[[Olivia Bennett|person]]",
    "Shoutout to [[@jake_m_h|handle]] for sharing this 🙌",
    "I'm [[Nigerian|ethnicity]] by birth and was told I can't apply. Is that true?",
    "My neighbour [[Harriet Dunmore|person]] says the convoy blocked our street again.",
    "I'm a member of [[Unite|trade_union]] back home, is there a union here too?",
    "I have a [[criminal record|criminal]] from when I was 19, can I still join?",
    "Cheers, [[Tom|person]]",
    "Does anyone know [[Aisha Rahman|person]]? She was with the medics in 2018.",
    "WHO APPROVED THIS?? [[MIKE HARRINGTON|person]] SHOULD RESIGN",
    "i voted [[labour|politics]] my whole life and even i think this is nonsense",
    "Transfer to [[NL72ASNB8980905498|iban]] for the charity run please.",
    "My card [[349743470853735|credit_card]] got charged twice.",
    "Visiting my sister [[Grace|person]] in [[Utrecht|location]] next week, any events?",
    "We moved to [[Apeldoorn|location]] last year, still no registration letter.",
    "Ask [[Priya Natarajan|person]] from HR, she handled my case.",
    "Kind regards, [[Dr. Helen Ashworth|person]]",
]


def parse(marked):
    out, spans, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        start = sum(len(s) for s in out)
        text, kind = m.group(1), m.group(2)
        out.append(text)
        spans.append({"start": start, "end": start + len(text), "kind": kind, "text": text})
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def fix_titles(text, spans):
    """Gold person spans carry name tokens only: strip titles/kin words typed inside."""
    prefixes = ("mw. ", "Dr. ", "oma ", "ome ", "mevrouw ", "adjudant ")
    for s in spans:
        if s["kind"] != "person":
            continue
        for p in prefixes:
            if s["text"].startswith(p):
                s["start"] += len(p)
                s["text"] = s["text"][len(p):]
    return spans


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "tests", "data", "generalisation.jsonl")
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for lang, items in (("nl", NL), ("en", EN)):
            for marked in items:
                n += 1
                text, spans = parse(marked)
                spans = fix_titles(text, spans)
                for s in spans:
                    assert text[s["start"]:s["end"]] == s["text"], (text, s)
                rec = {"id": f"gen-{n:04d}", "text": text, "lang": lang,
                       "source": "hand-written-heldout", "spans": spans}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(n, "records ->", path)


if __name__ == "__main__":
    main()
