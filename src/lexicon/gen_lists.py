#!/usr/bin/env python3
"""Generate the name and place lists compiled into weglakker (src/lexicon/*.txt).

Sources (and their licences) -- nothing else goes into the lists:
  * faker (MIT, https://github.com/joke2k/faker): person providers nl_NL, en_US, en_GB
    (first and last names) and the nl_NL address provider (cities, provinces, countries).
  * OpenTaal Dutch word list (Debian `wdutch`, /usr/share/dict/dutch, BSD / CC-BY-3.0) and
    SCOWL American English (Debian `wamerican`, /usr/share/dict/american-english, permissive
    SCOWL licence): only used to mark names that are also ordinary lowercase words
    (`ambiguous.txt`); no word of these lists is shipped otherwise.
  * Lists written by the weglakker team (below, EUPL-1.2): names of Moroccan, Turkish,
    Surinamese, Indonesian/Moluccan, Frisian and classic Dutch origin, and extra places.
    Deduce's lists (GPL) were NOT used or consulted.

Run:  pip install faker && apt-get install wdutch wamerican
      python3 src/lexicon/gen_lists.py        (from the repository root)
Each output file starts with a `#` header naming its sources and licence; one entry a line,
lower-case, sorted (byte order), unique.
"""
import os
import faker
from faker.providers.person.nl_NL import Provider as NL
from faker.providers.person.en_US import Provider as US
from faker.providers.person.en_GB import Provider as GB
from faker.providers.address.nl_NL import Provider as NLA
from faker.providers.address.en_US import Provider as USA

OUT = os.path.dirname(os.path.abspath(__file__))

# Written by us (EUPL-1.2): first names common among Dutch residents of various origins.
OWN_FIRST = """
jan piet kees klaas henk gerrit hendrik johan willem cornelis dirk joost bram daan sem
thijs ruben stijn bas niels wouter jeroen maarten sander martijn pieter arjen erik frank
marco mark rob ron peter paul hans harm geert gert wim ad ton joop sjaak fons huub twan
teun mees siem jip gijs koen luuk tijn jesse jelle jort floris hidde olivier
anouk sanne lotte femke fleur lieke iris roos noor evi tess sophie julia emma anna eva
ilse inge ingrid marieke mieke ans annie corrie truus riet gerda hennie joke wilma
marjolein marloes esther linda petra monique anja karin saskia miranda yvonne
annelies margriet willemijn josephine hanneke janneke lisanne lianne manon mirjam
wietske sietske geertje jantje trijntje aaltje grietje hiske tjitske baukje
sjoerd sietse wiebe jelmer tjeerd hessel gerben pyt durk bauke jildou sytske
mohammed mohamed mohammad ahmed achmed mustafa youssef youssouf yusuf ibrahim hamza
bilal omar karim rachid rashid said khalid hassan hussein hicham nordin anouar
mounir nabil samir soufiane redouan zakaria ayoub ilias ismail mehdi adil abdel
abdelkader abdellah abdelhak driss jamal
fatima fatma khadija aicha aisha nadia samira malika naima latifa zineb salma
imane yasmina yasmine soumaya houda hafsa meryem meriem loubna hanane nora
mehmet ahmet mustafa emre burak murat kemal hakan serkan onur kaan cem can
osman hüseyin hasan ismail yasin furkan oğuz tuğrul doğan çağlar ömer
ayşe ayse emine elif zeynep hatice büşra busra özlem ozlem gül gul gülşen tuğba
tugba şeyma seyma merve esra kübra kubra dilek sevgi yıldız ceren
rishi ravi sunil anand kiran shanti radjesh rajesh dewi sita priya anjali
clarence marvin ricardo romano shurwin jerrel giovanni dwight orlando
sharon shirley rosita gracia marisca
agus budi wayan made putu ketut rudi hendra joko bambang sri siti ayu dewi
rani indah wulan intan putri kartika
johnny frans max thomas lucas noah liam sophia isabella olivia
aad adrie albert alex alexander anton arie arjan arnold arend arnoud bart ben benno bert
berend bob boris bram bruno carel casper cees chris christiaan coen cor corné daniël
david dennis derk dick diederik dolf edwin eelco egbert eric erwin evert ewout ferdinand
floris fred frederik freek gerard gerben gert-jan gertjan gijsbert gerrit guus harold
harry hein henk herman hidde hugo huib ivo jaap jacob jacques jakob jan-willem janwillem
jasper jeroen jochem joep johan johannes jolle jonas joris jos jurgen kees klaas koos
laurens leo leon lex lodewijk louis luc maarten marcel marnix martin mathijs matthijs
maurits melle menno michel michiel mike milan nick niek nico onno otto patrick paul
pepijn philip pim quinten raymond reinier remco rené richard rick rik rinus robert
robin roel roelof rogier ronald roy ruud rutger ruben sebastiaan sjors stefan steven
sven teun theo tim timo tom ton twan vincent willem wim wout wouter yorick youri
aafke agnes aleida alida angela angelique anita anke anne annemarie annet annette
annie antje astrid barbara bea bregje brigitte carla carolien caroline cato charlotte
chantal claudia cora corine corrie daphne debby desiree diana dina dorien dorothea
edith elisabeth elise ella ellen els elly elsbeth emmy erica esmee esther eveline
evelien femke fenna floor francien froukje gea geesje gerda gerdien gonnie greet
greetje hanna hannah hanneke heleen helma hendrika henny hester hilde ida ineke inge
ingrid irene jacqueline janine janna jannie jeanette jenny jet jetske jikke joanne
jolanda joke jose josien judith julia jolien karin karlijn katja kim klazina lenie
lidwien lies liesbeth lisa lonneke loes lotte lucia maaike maartje machteld margreet
margot maria marianne marieke marijke marion marja marjan marleen marlies marloes
martha martine maud meike merel mieke mirjam monique nadine nathalie nel nicole
nienke nina noortje pauline petra rianne riek rina rita roos rosa ruth sandra
sanne saskia selma simone sofie sonja stephanie suzanne tamara tanja thea tineke
trees truus ursula vera wendy wilhelmina willemien wilma yvonne zoë
abdelaziz abdelkrim abderrahim abdeslam abdessamad achraf adam amine anass anouar
aziz badr bouchra brahim chaima chakib dounia driss el houssine elias farid fouad
ghizlane hafid hakim hamid hanae hassan hayat hind houssam ikram ilham imad jamila
kamal karima khalid latifa lahcen loubna mbarek meryem mimoun mina mohamed mostafa
mourad najat najib naoual nadia nordin omar othman rachida rachid reda saida saïd
salah samira sanae siham soufian souad tarik wafa walid yassin yassine younes
youssra zakaria zohra zouhair
ahmet ali alper aylin ayten baran barış berk berkay betül burcu can canan cansu
cemal cengiz cihan deniz derya duygu ebru ece emel emin engin ercan erdal erdem
erkan esin fadime fatih ferhat filiz gamze gizem gökhan gülay gülsüm hacer hakan
halil hande hülya ibrahim ilker ipek kadir kemal kerem leyla mahmut melek melike
mert mesut metin muhammet naciye necla nesrin nihat nur nuray orhan osman özge
pınar ramazan recep sabri sadık selim selin semra serap serdar sevda sibel songül
süleyman şükrü tayfun tülay turgut ufuk ümit volkan yavuz yeliz yusuf zehra zeki
çağla çiğdem şule ümran gülten nermin serkan kübra oğuzhan tuğçe
ashwin anil arvind asha chandra devika dinesh ganesh indira kavita kishan mahesh
manoj naresh nirmala pravin prem radha rakesh rekha reshma rohit sandhya santosh
savitri shanti shiva soenita soenil sunita suresh usha vinod vishnu
aldith anthea antoinette carmen carlo dwayne edsel ergilio glenn gerold hensley
iwan jaïr jurgen kenneth lucien mavis milton nelson patrick ramon ruben ryan
sharon stanley sylvana tyrone urvin virgil wendell winston xaviera
ade adi agung ahmad andi arief dian dimas eko fajar fitri hadi hari herman ika
iwan kadek komang lestari mega nyoman rina sari sinta taufik tri wahyu yanti yuni
nina ronny johny jopie johnny sonny ferry rocky maikel rudy bram
doutzen froukje hiltje klaaske marijke sjoukje tetske wytske anneke gatske
auke bauke doede eeltsje folkert germ hylke jappie jouke meinte oebele pieter rintje
sybren tsjalle wopke ype
humphrey reggie rodney ricky wayne
daniëlle noëlle joëlle chloë anaïs rené josé andré mariël raphaël michaël ismaël
said saïd
# More (added for held-out recall): Frisian, Dutch short forms, Moroccan, Turkish,
# Surinamese, Moluccan/Indonesian, Antillean and English given names.
jurre jelte sjoerd sytse rienk wybren hotze tsjerk gerlof feike fokke
hylke wessel jildert lolke eelke ate abe tjalling hidde sjors oane jisk
baukje froukje geeske hinke ilse janke jitske lolkje minke nynke rixt sjoukje tjitske
yfke wiepkje neeltje petronella hendrina geertruida dieuwke jeltje
moos ties tijs luuk siem stan sam guus jens joep kick job ids ole pim thijn
fien fenne isa yara liv mila nova saar lot jet puck pleun sterre dana nikki kiki
nabil nizar noureddine rachid reda redouan ridouan tarik yassir yahya
zakariya younes youness mounir mouad marouane othmane oussama ilyas idriss hamid
abdelilah abdelmajid abderrazak badr bouchaib jaouad jawad khalil lahcen mohssine
noor nour najoua sara sarah sanaa soukaina wiam hajar asmae ikram kaoutar chaimae
oumaima rim amal btissam fadoua ghizlane habiba laila meriam nisrine rajae
ilkay tuncay bülent erol ferit gürkan koray levent oktay sinan taner
tarkan umut hakan cemil ertan göksel alper okan ozan batuhan eren efe arda
gülay sevil sevim şenay tülin yasemin ayla aysel berna dilara esma feride
hacer kader meltem nazlı nilgün pelin rukiye sema songül şerife tuba ümmühan
radjen ashok ramesh sanjay sunil vijay deepak anil rakesh pradeep rajiv
sharda lakshmi neelam pooja rashmi rita seema shalini sushila
dimas gilang rizki rangga yusuf hendrik benny boy chris max ongky yopie
nona lientje yvonne ratih dewi rini yolanda lientje
jerrel kenny jeffrey edgar errol ronaldo ruël rignald roël jurgen winston desiree
olivia liam noah oliver harry jack charlie callum declan
aisha amira priya
"""

# Written by us: surnames (single word; tussenvoegsels are handled by the detector).
OWN_LAST = """
jansen janssen bakker smit meijer meyer mulder vos peters
hendriks dekker brouwer dijk wit graaf berg vermeulen kok jacobs heuvel wal
leeuwen dam koster willems kuipers post schouten vink maas verhoeven linden
el amrani amrani bakkali boutaleb el idrissi idrissi haddouchi benali ben ali
el hadji hamdaoui azzouzi aboutaleb achahbar chaoui ouali tahiri bouzid el khattabi
yılmaz kaya demir şahin sahin çelik celik yıldız yildiz yıldırım yildirim
ozturk aydın aydin özdemir ozdemir arslan doğan dogan kılıç kilic aslan
çetin cetin kara koç koc kurt özkan ozkan şimşek simsek polat korkmaz
matulessy pattinama latuheru tahapary sahetapy wattimena lokollo manuhutu
sutanto wijaya santoso gunawan hartono setiawan kusuma pranoto
pinas biswane ramdin jagernath kanhai sewdien bhageloe doekhie naarden
kromodikoro soekhoe bouterse brunings
jong bergsma dijkstra veenstra terpstra wiersma zijlstra postma bosma
hiemstra tjalsma kuipers haitsma jellema

# More (added for held-out recall): common Dutch, Frisian, Moroccan, Turkish,
# Surinamese, Moluccan and English surnames, head word only.
groenewegen groenendijk veldhuis veldman
haringsma
visscher hofstra kramer


oudejans heemskerk kloosterman timmermans boersma sikkema hofman steenbergen
elmoussaoui moussaoui
bouzidi el ouali boukhari azzouz aarab abdellaoui achahbar akhnikh
bakkioui belhaj benhammou boussaid chakir dahmani el amrani essaidi haddou
kaddouri lahlah mansouri marzouki mokhtari naciri ouarab rahmouni tahiri ziani
karatas guler dogru aktas altintas
kaya tekin yavuz erdoğan erdogan kocabaş kocabas türkmen turkmen coşkun coskun
demirci bayram avcı avci gündoğdu gundogdu akgül akgul sarı sari taş tas
ramnath ramdhani jagesar mahabier
lachman soerdjbalie tjin tjon wong kasanmoesdiran karijodikoro pawirodikromo
kartosen sarmo somohardjo oemrawsingh ramsahai rambaran sitaldin
latuny latupeirissa tuhuteru lumalessil pattipeilohy huwae sopacua soumokil

"""

# Written by us: surnames of Dutch public figures (cabinet, parliament, mayors, Defensie
# leadership) -- the people reactions to government posts name most often.
PUBLIC_FIGURES = """
brekelmans tuinman palmen ollongren bijleveld hijum halsema schoof wilders yeşilgöz
yesilgoz timmermans omtzigt dijksma eichelsheim heinen uitermark klever faber keijzer
agema bontenbal jetten veldkamp marcouch dijkhoff rutte kaag hoekstra klaver marijnissen
dassen eerdmans grapperhaus tellegen aboutaleb zegerius weerwind hermans
"""

# Written by us: places often named in Dutch reactions that faker's list may miss.
OWN_PLACES = """
amsterdam, rotterdam, den haag, utrecht, eindhoven, groningen, tilburg, almere, breda,
nijmegen, apeldoorn, haarlem, arnhem, enschede, amersfoort, zaanstad, zwolle, leiden,
maastricht, dordrecht, den helder, den bosch, 's-hertogenbosch, den hoorn, den burg,
capelle aan den ijssel, alphen aan den rijn, bergen op zoom, krimpen aan den ijssel,
nederland, belgië, belgie, duitsland, frankrijk, marokko, turkije, suriname, indonesië,
indonesie, curaçao, curacao, aruba, bonaire, syrië, syrie, oekraïne, oekraine, polen,
engeland, london, manchester, birmingham, liverpool, leeds, glasgow, edinburgh, dublin,
paris, berlin, brussel, brussels, antwerpen, gent, new york, chicago, boston, seattle,
houston, dallas, los angeles, san francisco, miami, denver, atlanta, philadelphia,
toronto, sydney, paramaribo, istanbul, ankara, casablanca, rabat, tanger, nador, jakarta
"""


def words(block):
    # `#` lines inside a block are comments.
    return [w for line in block.splitlines() if not line.lstrip().startswith("#")
            for w in line.split()]


def last_token(name):
    # faker's nl_NL surnames include tussenvoegsels ("van den Berg"): keep the head word.
    return name.replace("'s ", "").split()[-1]


def write(name, header, entries):
    entries = sorted({e.strip().lower() for e in entries if e.strip()})
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("# " + header + "\n")
        for e in entries:
            f.write(e + "\n")
    return entries


def main():
    first = list(NL.first_names) + list(US.first_names) + list(GB.first_names) + words(OWN_FIRST)
    last = [last_token(n) for n in list(NL.last_names) + list(US.last_names) + list(GB.last_names)]
    # Own surnames: single head words only (the detector joins tussenvoegsels itself).
    last += [w for w in words(OWN_LAST) + words(PUBLIC_FIGURES) if w not in ("de", "el", "ben")]
    fk = "faker %s (MIT)" % faker.VERSION
    first = write("first_names.txt", "first names | sources: %s person nl_NL/en_US/en_GB; "
                  "weglakker team lists (EUPL-1.2) | generated by gen_lists.py" % fk, first)
    last = write("surnames.txt", "surnames (head word) | sources: %s person nl_NL/en_US/en_GB; "
                 "weglakker team lists (EUPL-1.2) | generated by gen_lists.py" % fk, last)
    places = [c.replace("'s ", "'s-") for c in NLA.cities] + list(NLA.provinces)
    places += list(USA.states) + [p.strip() for p in OWN_PLACES.split(",")]
    # Country names in English and Dutch (`from Canada`, `uit Marokko`).
    places += [c for c in list(USA.countries) + list(NLA.countries) if "(" not in c]
    # Multi-word places stay one entry ("den haag"); the detector joins words to look up.
    write("places.txt", "places (NL cities and provinces, US states, countries, some large cities) | "
          "sources: %s address nl_NL/en_US; weglakker team lists (EUPL-1.2) | generated by "
          "gen_lists.py" % fk, places)
    # Names that are also ordinary lower-case words: need context before they count.
    lower = set()
    for path in ("/usr/share/dict/dutch", "/usr/share/dict/american-english"):
        with open(path, encoding="utf-8") as f:
            lower |= {w.strip() for w in f if w.strip() and w[0].islower()}
    amb = [n for n in set(first) | set(last) if n in lower]
    write("ambiguous.txt", "names that are also ordinary words | derived from first_names.txt "
          "and surnames.txt intersected with OpenTaal wdutch (BSD/CC-BY-3.0) and SCOWL "
          "wamerican lower-case words | generated by gen_lists.py", amb)


if __name__ == "__main__":
    main()
