-- Crisis Room flagship scenario: the 2022 cyberattacks on the Albanian government.
-- Facts come from the project's research notes on the 2022 attacks and five news reports kept
-- beside them (README.md, "Sources"); every event and card cites a source id from the table
-- below. Invented content says source = "fiction". lib.lua holds the helpers the files share.

include "lib.lua"

scenario {
  id = "albania2022",
  title = "Albania 2022: the attack on the digital state",
  version = "2.0",
  -- The September wave's three sizes are sent by second_attack's function
  -- (g:deliver), which check's static analysis cannot see; nor can it see the cards
  -- the analysis channels and the publications reveal through next_card.
  accept = { "event 'wave_major' is never delivered", "event 'wave_moderate' is never delivered",
             "event 'wave_contained' is never delivered", "is never revealed" },
  summary = "Friday 15 July 2022. Ransomware and then a wiper tear through the Albanian " ..
    "government's network; e-Albania, the portal that has just replaced the public counters, " ..
    "goes dark. Over three months four teams must restore services without leaving the " ..
    "attackers inside, work out who did it from evidence they grade themselves, decide whom " ..
    "to blame, when and how sure to sound, and choose a diplomatic response that allies will " ..
    "back and international law allows.",
  situation = "Albania has put almost every public service online: since 1 May 2022 the " ..
    "e-Albania portal's 1,225 services have replaced most in-person counters. Near Manëz, " ..
    "30 km west of Tirana, about 3,000 members of the Iranian opposition group MEK live in " ..
    "the Ashraf 3 camp, and they are about to host the Free Iran World Summit on 23–24 July. " ..
    "On Friday morning, 15 July, government servers start encrypting themselves.",
  learning_objectives = {
    "Triage and restore public services under limited capacity, weighing speed against evicting the attacker",
    "Build an attribution case across tactical, operational and strategic levels (the Q model): grade each source (NATO/Admiralty code) and weigh the cards against competing hypotheses (ACH)",
    "Choose when and how to attribute, publicly or privately to allies, with confidence wording (ICD 203 / UK PHIA) that matches the evidence",
    "Climb a diplomatic ladder knowingly: retorsion versus countermeasures and what international law asks first",
    "Coordinate with allies, NATO and the EU, and anticipate retaliation",
    "Communicate truthfully with the public and pay for statements that later prove false",
  },
  -- The HSEEP core capabilities the exercise examines (the handbook and the report name them).
  capabilities = { "cybersecurity", "operational_coordination", "intelligence_and_information_sharing",
                   "forensics_and_attribution", "public_information_and_warning", "planning",
                   "infrastructure_systems" },
  history = "In 2022 (history)",
  -- A team with nothing it can do does not stop the turn (docs/scenario-api.md).
  skip_idle = true,
  sources = {
    alarabiya_2022_09_07 = { title = "We have evidence confirming Iran's involvement in the cyberattack: Albanian MP",
                 publisher = "Al Arabiya English (republished by Apadana Media)", date = "2022-09-07",
                 url = "https://apadanamedia.org/we-have-evidence-confirming-irans-involvement-in-the-cyberattack-albanian-mp/" },
    afp_2022_09_10 = { title = "Albania hit by new cyberattack blaming Iran",
                 publisher = "AFP (as republished)", date = "2022-09-10" },
    ap_2022_09_07 = { title = "Albania cuts ties to Iran, blaming it for massive cyberattack",
                 publisher = "Associated Press (a machine-rewritten reprint)", date = "2022-09-07" },
    galactik_2022_09_07 = { title = "Albania Cuts Diplomatic Relations With Iran Caused by Cyberattack – Ask Iranian Staff To Leave Country",
                 publisher = "Galactik Views", date = "2022-09-07" },
    exit_2022_09_07 = { title = "Iran Denies Albanian Cyberattack",
                 publisher = "Exit News (Alice Taylor)", date = "2022-09-07",
                 url = "https://exit.al/en/iran-denies-albanian-cyberattack/" },
    cisa_2022_09_21 = { title = "Iranian State Actors Conduct Cyber Operations Against the Government of Albania (AA22-264A)",
                 publisher = "CISA and FBI (read aloud by CyberWire)", date = "2022-09-21",
                 url = "https://thecyberwire.com/podcasts/cisa-cybersecurity-alerts/31/transcript" },
    ccdcoe_toolkit = { title = "Homeland Justice operations against Albania (2022); retorsion; countermeasures",
                 publisher = "NATO CCDCOE Cyber Law Toolkit", date = "2022" },
    tallinn2 = { title = "Tallinn Manual 2.0 on the International Law Applicable to Cyber Operations",
                 publisher = "Cambridge University Press / NATO CCDCOE", date = "2017" },
    acqj_2021 = { title = "Leaks of voter and salary records", publisher = "ACQJ; AFP via pledgetimes", date = "2021" },
    microsoft_2022_09_08 = { title = "Microsoft: Iranian hackers breached Albanian government more than a year before main hack",
                 publisher = "ITPro, on Microsoft's investigation (also SecurityWeek, AP, NYT)", date = "2022-09-08",
                 url = "https://www.itpro.com/security/cyber-warfare/369033/microsoft-iranian-hackers-breached-albanian-government-more-than-a-year-before-main-hack" },
    voxnews_2022_09_26 = { title = "Albanian summary of the intrusion", publisher = "VoxNews", date = "2022-09-26" },
    exit_2022_07_17 = { title = "Government sites and e-Albania down", publisher = "Exit News", date = "2022-07-17" },
    exit_2022_07_20 = { title = "Rama: another state organized the attack", publisher = "Exit News", date = "2022-07-20" },
    securityaffairs_2022_07 = { title = "Albanian government sites hit by cyberattack", publisher = "Security Affairs", date = "2022-07-18" },
    intellinews_2022_07 = { title = "Albania hit by 'synchronized' cyberattack", publisher = "bne Intellinews", date = "2022-07-18" },
    kohajone_2022_07 = { title = "Over 1,200 e-Albania services down", publisher = "Koha Jonë", date = "2022-07-16" },
    ap_2022_07_22 = { title = "Iranian opposition postpones summit in Albania", publisher = "AP via WTOP", date = "2022-07-22" },
    thenational_2022_09_08 = { title = "The MEK in Albania", publisher = "The National", date = "2022-09-08" },
    mandiant_2022_08_04 = { title = "US firm: likely Iranian threat actor in Albania cyberattack (Mandiant on ROADSWEEP)",
                 publisher = "AP via KESQ; Industrial Cyber", date = "2022-08-04",
                 url = "https://kesq.com/news/ap-national-business/2022/08/04/us-firm-likely-iranian-threat-actor-in-albania-cyberattack/" },
    ata_2022_08_04 = { title = "AKSHI: 1,214 of 1,225 e-Albania services restored",
                 publisher = "ATA via Argumentum; kryeministria.al", date = "2022-08-04" },
    reuters_2022_09_07 = { title = "Albania cuts ties with Iran over cyberattack", publisher = "Reuters via JPost; The Hill", date = "2022-09-07" },
    nsc_2022_09_07 = { title = "Statement by NSC Spokesperson Adrienne Watson on Iran's cyberattack against Albania",
                 publisher = "The White House (via Nextgov, AP)", date = "2022-09-07" },
    ukfcdo_2022_09_07 = { title = "UK condemns Iranian state-linked actors for cyber attack against Albania",
                 publisher = "UK FCDO and NCSC (mirrored by Wired-Gov); Arab News", date = "2022-09-07",
                 url = "https://www.wired-gov.net/wg/news.nsf/articles/uk+condemns+iranian+statelinked+actors+for+cyber+attack+against+albania+08092022121500?open" },
    mehr_2022_09_07 = { title = "Kanaani: Albania's claims baseless", publisher = "Mehr; AFP via UrduPoint", date = "2022-09-07" },
    reuters_2022_09_08 = { title = "Iranian diplomats leave Albania; papers burned",
                 publisher = "Reuters via Arab News; AP via Asharq Al-Awsat", date = "2022-09-08" },
    nato_2022_09_08 = { title = "Statement by the North Atlantic Council concerning the cyber attack on Albania",
                 publisher = "NATO (via Anadolu/World Bulletin, Tirana Post)", date = "2022-09-08" },
    irna_2022_09_08 = { title = "Iran: police entry breaches the Vienna Convention", publisher = "IRNA; Sputnik", date = "2022-09-08" },
    ofac_2022_09_09 = { title = "Treasury sanctions Iranian Ministry of Intelligence and Minister for malign cyber activities",
                 publisher = "US Treasury OFAC (via UPI, Willkie)", date = "2022-09-09" },
    eu_2022_09_09 = { title = "Declaration by the High Representative on behalf of the EU on the cyberattack against Albania",
                 publisher = "EU (via Eurointegration; Norway alignment)", date = "2022-09-09" },
    ap_2022_09_10 = { title = "Albania's police systems hit by new cyberattack", publisher = "AP; ANSA; EU-OCS", date = "2022-09-10" },
    jpost_2022_09_10 = { title = "Iran condemns US sanctions; rejects new accusation", publisher = "The Jerusalem Post; Rudaw", date = "2022-09-10",
                 url = "https://www.jpost.com/breaking-news/article-716817" },
    mei_2022 = { title = "Homeland Justice leaks", publisher = "Middle East Institute", date = "2022-10" },
    exit_2022_09_19 = { title = "Prosecutor bans media from republishing leaked data", publisher = "Exit News", date = "2022-09-19" },
    meritalk_2022_09_21 = { title = "CISA, FBI detail Iranian attack on Albania; NATO team in Tirana",
                 publisher = "MeriTalk; SecurityWeek", date = "2022-09-21" },
    ap_2022_10_03 = { title = "Hackers publish list of suspects; police deny Memex breach", publisher = "AP", date = "2022-10-03" },
    politico_2022_10_05 = { title = "Albania weighed invoking NATO's Article 5", publisher = "Politico", date = "2022-10-05" },
    nyt_2023_02 = { title = "Iran's attacks on Albania", publisher = "The New York Times", date = "2023-02" },
    later_2023_2025 = { title = "HomeLand Justice returns (One Albania, Parliament, INSTAT, Tirana)",
                 publisher = "The Hacker News/OODA; Iran International; ATA; Politiko; BTA", date = "2023-12 to 2025-06" },
    rid_buchanan_2015 = { title = "Attributing Cyber Attacks", publisher = "Journal of Strategic Studies 38(1-2), T. Rid and B. Buchanan", date = "2015" },
    icd203 = { title = "Intelligence Community Directive 203: Analytic Standards", publisher = "US ODNI", date = "2015" },
    uk_phia = { title = "Probability yardstick", publisher = "UK Professional Head of Intelligence Assessment", date = "2019" },
    heuer_1999 = { title = "Psychology of Intelligence Analysis (chapter 8: analysis of competing hypotheses)",
                 publisher = "CIA Center for the Study of Intelligence, R. J. Heuer Jr.", date = "1999" },
  },
  -- The 90-minute class plays 12 of the 24 turns: in each turn it plays AKSHI and the MFA get
  -- one more point; in each it skips, AKSHI's teams go on restoring by themselves (outage.lua).
  on_turn = function(g)
    if g:session() ~= "class90" then return end
    if A22.CLASS90[g.turn] then
      g:add_points("akshi", 1)
      g:add_points("mfa", 1)
    else
      A22.restore_between(g)
    end
  end,
}

-- A 90-minute class: the phases that matter, the same sources. Turns that pass by themselves
-- still deliver their injects; their decisions wait for the next turn played.
A22.CLASS90 = { [1] = true, [2] = true, [3] = true, [4] = true, [6] = true, [7] = true,
                [10] = true, [13] = true, [14] = true, [17] = true, [20] = true, [24] = true }
session {
  id = "class90", title = "A 90-minute class (12 turns)",
  text = "The first day, the first public line, the summit, Mandiant's report, the attribution " ..
    "decision and the Council of Ministers, the second wave, the CISA advisory and the end of " ..
    "October. Days in between pass by themselves.",
  turns = { 1, 2, 3, 4, 6, 7, 10, 13, 14, 17, 20, 24 }, -- A22.CLASS90
  -- One pause point a phase (the first public line, the evidence, the decision to attribute,
  -- the answer to the answer); the other three questions wait for the debrief.
  pauses = { 1, 2, 4, 6 },
}

role {
  id = "pm", name = "Prime Minister's Office", short = "PM", budget = 2,
  brief = "You speak for the government. You have the final say on what the public is told, " ..
    "whether, when and how Albania attributes the attack (in public, or privately to allies " ..
    "through the MFA), and the diplomatic response the Council of Ministers adopts. Every " ..
    "word you say can be checked later against leaks and evidence.",
  private = "Albanians have heard 'the data is safe' before: about 910,000 voter records leaked " ..
    "in April 2021 and about 700,000 salary records in December 2021. Those were domestic leaks, " ..
    "not cyberattacks, but the press remembers. The Iranian embassy is 200 m from your office.",
}
role {
  id = "akshi", name = "National Agency for Information Society (AKSHI)", short = "AKSHI", budget = 3,
  brief = "You run the government network and e-Albania: incident response, restoration and the " ..
    "technical partners (Microsoft DART, the US firm Jones Group International, later the FBI " ..
    "and CISA). Restore service clusters fast from backups or rebuild them clean; hunt the " ..
    "intruder; commission forensics, whose findings go to the evidence board.",
  private = "Your deputy director for operations, Arben Kola, warns that some " ..
    "SharePoint servers facing the internet were never patched, and that the backups were " ..
    "taken from machines nobody has checked for web shells.",
}
role {
  id = "mfa", name = "Ministry for Europe and Foreign Affairs", short = "MFA", budget = 2,
  brief = "You handle allies (the United States, the United Kingdom), NATO, the EU and the " ..
    "Iranian embassy. You brief allies privately on what Albania's analysts conclude, climb " ..
    "(or refuse to climb) the diplomatic ladder, and must know what international law asks " ..
    "before each rung.",
  private = "Legal adviser Elira Hoxha reminds you: expelling diplomats or cutting " ..
    "relations is retorsion, lawful at any time. Countermeasures, acts otherwise unlawful, need " ..
    "a prior wrongful act attributed to a state, a demand to stop, and notice with an offer to " ..
    "negotiate. In 2018 Albania already expelled Iran's ambassador and another diplomat.",
}
role {
  id = "sis", name = "Intelligence and State Police", short = "SIS/Police", budget = 2,
  brief = "You run the investigation and domestic security: the evidence board (you grade every " ..
    "card and weigh it against each hypothesis: your matrix is the government's assessment), " ..
    "the MEK camp at Manëz and its summit, the Iranian embassy, and the police and border " ..
    "systems, including TIMS, which logs every border crossing. You can ask the FBI and CISA " ..
    "and liaison services for help.",
  private = "Police IT chief Dritan Shehu says TIMS and the police network still " ..
    "share accounts and links with the government network that was breached.",
}

meter { id = "services", name = "Public services online", start = 100, unit = "%",
        text = "Share of e-Albania and government services working, weighted by use." }
meter { id = "trust", name = "Public trust", start = 60,
        text = "How far the public believes what the government says (fiction: a game number)." }
meter { id = "allies", name = "Allied support", start = 45,
        text = "How ready the US, UK, NATO and the EU are to stand with Albania (fiction)." }
meter { id = "border", name = "Police and border systems", start = 100, unit = "%",
        text = "Working capacity of the State Police network and TIMS." }
meter { id = "foothold", name = "Attacker foothold", start = 80, good = "low", hidden = true,
        text = "How much access the intruders keep inside government networks (hidden; fiction)." }

-- 24 turns: hours in the first days, then days, then weeks, up to late October 2022.
clock { start = "2022-07-15 08:00", steps = {
  "12h", "12h", "1d", "1d", "2d", "1d", "1d", "1w",   -- to Fri 29 Jul
  "6d", "9d", "2w", "8d",                           -- Thu 4 Aug, Sat 13 Aug, Sat 27 Aug, Sun 4 Sep
  "3d", "1d", "1d", "12h", "36h",                   -- Wed 7 Sep, Thu 8, Fri 9 08:00, Fri 9 20:00, Sun 11 Sep
  "8d", "2d", "12d", "2d", "2w", "12d" } }          -- Mon 19 Sep, Wed 21 Sep, Mon 3 Oct, Wed 5 Oct, Wed 19 Oct, Mon 31 Oct

include "events/outage.lua"
include "evidence.lua"
include "events/attribution.lua"
include "events/diplomacy.lua"
include "events/aftermath.lua"
include "endings.lua"
