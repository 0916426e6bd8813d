-- Problem 2 (evidence): the evidence board, its cards and the analysis players commission.
--
-- The board is an analysis board (docs/scenario-api.md, "Analysis boards"): cards arrive with
-- their provenance (attrs.provenance) and content only. SIS grades each card (the NATO /
-- Admiralty code: reliability A-F, credibility 1-6) and marks it against each hypothesis
-- (consistent, inconsistent, neutral: Heuer's analysis of competing hypotheses); the team's
-- assessment follows from that work. Each card's true grades and the author's key (`fits`, of
-- the card's content, not of the truth: evidence that tells no hypothesis apart is neutral or
-- consistent with each, in every variant) are shown at the debrief only. Which cards an
-- analysis reveals depends on g.variant, so the evidence always fits the hidden truth; no card
-- states that truth. The grades are the author's reading of each source (a game's judgement).

board { id = "evidence", title = "Evidence board: who attacked Albania?",
        text = "Each card is a piece of the investigation, with where it came from. Grade it, " ..
          "then say how it bears on each hypothesis; the matrix, not any single card, says who.",
        rows = { "tactical", "operational", "strategic" },
        graded_by = "sis",
        hypotheses = {
          { id = "iran", label = "The Iranian state" },
          { id = "russia", label = "The Russian state" },
          { id = "criminal", label = "A criminal crew" },
          { id = "hacktivist", label = "Hacktivists alone" },
        } }

-- Every card, with its true grades: the analysis objective compares the team's grades with them.
A22.CARDS = {}
local function ev_card(t)
  A22.CARDS[#A22.CARDS + 1] = { id = t.id, r = t.reliability, k = t.credibility }
  card(t)
end

-- Constants (not game state): what each analysis channel finds, per variant, in order.
local FEEDS = {
  own = {
    historical = { "cve", "misconfig", "roadsweep" },
    false_flag = { "cve", "misconfig", "roadsweep" },
    criminal   = { "cve", "misconfig", "roadsweep" },
  },
  industry = {
    historical = { "partner_phases", "partner_access_team" },
    false_flag = { "partner_handoff", "partner_strings" },
    criminal   = { "partner_builds", "partner_broker" },
  },
  fbi = {
    historical = { "fbi_infra", "fbi_timeline" },
    false_flag = { "fbi_hosting", "fbi_timeline", "fbi_exfil" },
    criminal   = { "fbi_wallet", "fbi_timeline", "fbi_channel" },
  },
  liaison = {
    historical = { "liaison_tasking" },
    false_flag = { "liaison_report" },
    criminal   = { "liaison_brief" },
  },
  ms_public = { historical = { "ms_public" }, false_flag = { "ms_report" }, criminal = { "ms_findings" } },
  cisa_public = { historical = { "cisa_public" }, false_flag = { "cisa_report" }, criminal = { "cisa_findings" } },
}

local function next_card(g, feed, who)
  local lists = FEEDS[feed]
  local list = lists[g.variant] or lists.historical
  for _, id in ipairs(list) do
    if not g:revealed(id) then
      g:reveal(id)
      g:say(who .. " report new findings; a card is pinned to the evidence board.")
      return
    end
  end
  g:say(who .. " have nothing new to add.")
end

-- The card that contradicts a wrong attribution, surfacing as it unravels (diplomacy.lua).
function A22.contradiction(g)
  local id = FEEDS.liaison[g.variant] and FEEDS.liaison[g.variant][1] or "liaison_tasking"
  if not g:revealed(id) then g:reveal(id) end
end

-- Analysis the players commission (cost now, cards later) ----------------------------------
action {
  id = "own_forensics", role = "akshi", label = "Run our own forensics", cost = 1,
  text = "AKSHI's analysts image disks and read logs. Results next turn.",
  historical = { 3, 4, 6 },
  effects = { { text = "AKSHI's analysts start on a new set of disk images." },
              { after = 1, run = function(g) next_card(g, "own", "AKSHI's analysts") end } },
}

action {
  id = "industry_analysis", role = "akshi", label = "Commission analysis from industry partners",
  cost = 1,
  text = "Microsoft DART and Jones Group International compare what they find with other " ..
    "intrusions they have seen. Interim results in three turns.",
  requires = { state = { partner = 1 }, why = "No industry partner is working with AKSHI yet." },
  historical = { 3, 8 },
  effects = { { text = "The industry partners take on a new line of analysis." },
              { after = 3, run = function(g) next_card(g, "industry", "The industry partners") end } },
}

action {
  id = "ask_fbi", role = "sis", label = "Ask the FBI and CISA to investigate", cost = 1,
  text = "US agencies bring their own data and tools. Results in three turns (two once US " ..
    "experts work in Tirana).",
  requires = { turn = 4, why = "The US agencies need a formal request after the first response." },
  historical = { 6, 9 },
  effects = { { text = "A request goes to the FBI and CISA." },
              { run = function(g)
                  if (g.state.us_experts or 0) == 1 then g.state.fbi_fast = 1 else g.state.fbi_fast = 0 end
                end },
              { after = 2, run = function(g)
                  if g.state.fbi_fast == 1 then next_card(g, "fbi", "The FBI and CISA") end
                end },
              { after = 3, run = function(g)
                  if g.state.fbi_fast ~= 1 then next_card(g, "fbi", "The FBI and CISA") end
                end } },
}

action {
  id = "ask_liaison", role = "sis", label = "Ask liaison services for intelligence", cost = 1,
  text = "Allied intelligence services may know who tasked the operators. Results in two turns.",
  requires = { min = { allies = 45 }, why = "Allied services share only with a government they trust (allied support 45+)." },
  -- "the Albanian security services have identified the Iranian groups" (Balla, Al Arabiya);
  -- the "final link ... comes from the intelligence community" (AP): the turn is a game choice
  historical = { 10 },
  effects = { { text = "SIS asks partner services what they know." },
              { after = 2, run = function(g) next_card(g, "liaison", "Liaison services") end } },
}

-- Public reports that land whatever the players do ----------------------------------------
event {
  id = "microsoft_report", turn = 15, to = "all", decider = "akshi", channel = "news",
  title = "Microsoft publishes its investigation",
  text = "Microsoft's threat-intelligence team publishes its account of the July attack on " ..
    "Albania, with its own confidence levels. Journalists call within the hour; the " ..
    "findings are pinned to the evidence board.",
  source = "microsoft_2022_09_08",
  note = "8 Sep 2022: Microsoft described 4 actors (DEV-0861 access and exfiltration, DEV-0166 " ..
    "exfiltration, DEV-0133 probing, DEV-0842 ransomware and wiper), 'high confidence' of Iranian " ..
    "state sponsorship and 'moderate confidence' of a link to EUROPIUM (MOIS); less than 10% of the " ..
    "environment was affected; the same actors took data from Jordan, Kuwait and the UAE, among " ..
    "others (ITPro, SecurityWeek). Rama had named six countries on 7 Sep and Balla four (see the " ..
    "note of the Council of Ministers). In other variants the card shows what Microsoft would have found.",
  on_deliver = { run = function(g) next_card(g, "ms_public", "Microsoft") end },
}

event {
  id = "cisa_advisory", turn = 20, to = "all", decider = "sis", channel = "news",
  title = "CISA and the FBI publish an advisory",
  text = "The US Cybersecurity and Infrastructure Security Agency and the FBI publish a joint " ..
    "advisory on the intrusions into Albania's government networks: how the attackers got in, " ..
    "how long they stayed and what they took. Their assessment is on the evidence board.",
  source = "cisa_2022_09_21",
  note = "21 Sep 2022: AA22-264A reported about 14 months of dwell time and judged the September " ..
    "wave 'likely done in retaliation for public attribution' (CISA, read by CyberWire).",
  on_deliver = { cards = { "cisa_timeline" },
                 run = function(g)
                   -- the retaliation clause needs its premise: a public naming and a September wave
                   if g.variant == "historical" and A22.named(g) and (g.state.wave or 0) >= 2 then
                     g:reveal("cisa_retaliation")
                   end
                   next_card(g, "cisa_public", "CISA and the FBI")
                 end },
}

-- Common cards (the same observations in every variant) -----------------------------------
ev_card { id = "ransom_note", board = "evidence", title = "The ransom note: 'DURRES terrorists'",
  text = "The note asks: \"Why should our taxes be spent on the benefit of DURRES terrorists?\" " ..
    "It points at the MEK, housed in the Durrës county. A motive on display is not proof of who holds the pen.",
  source = "cisa_2022_09_21",
  attrs = { level = "strategic", provenance = "Screens of encrypted servers, photographed by AKSHI" },
  reliability = "B", credibility = 2,
  fits = { iran = "consistent", russia = "consistent", hacktivist = "consistent" } }

ev_card { id = "russia_rumour", board = "evidence", title = "Media: 'Russian hackers'",
  text = "Several outlets blame Russian groups, citing unnamed experts. No technical detail is offered.",
  source = "securityaffairs_2022_07",
  attrs = { level = "operational", provenance = "Press reports, unnamed experts" },
  reliability = "E", credibility = 5, fits = { russia = "consistent" } }

ev_card { id = "ransom_rumour", board = "evidence", title = "Rumour: a €30m ransom demand",
  text = "Social media claims the attackers demanded €30 million. The government denies that any ransom was asked or paid.",
  source = "exit_2022_07_20",
  attrs = { level = "operational", provenance = "Social media, unsourced" },
  reliability = "F", credibility = 6, fits = { criminal = "consistent" } }

ev_card { id = "summit_timing", board = "evidence", title = "Timing: eight days before the Free Iran summit",
  text = "The attack came eight days before the MEK's Free Iran World Summit, due on 23–24 July at " ..
    "Ashraf 3, Manëz, with more than 35 US lawmakers expected. (One report says the summit was " ..
    "'a week before the cyberattack'; the organisers' dates put it after.)",
  source = { "ap_2022_07_22", "ap_2022_09_07" },
  attrs = { level = "strategic", provenance = "The summit's organisers; press" },
  reliability = "B", credibility = 2,
  fits = { iran = "consistent", russia = "consistent", hacktivist = "consistent" } }

ev_card { id = "mek_context", board = "evidence", title = "Albania hosts Tehran's armed opposition",
  text = "About 3,000 MEK members moved from Iraq to the Ashraf 3 camp near Manëz at US and UN " ..
    "request. Reports differ on the year (AFP: 2013; AP: 2014; Exit News: 2016) and the number " ..
    "(Exit News: about 1,000 in a compound 40 km from Tirana). The group wants to overthrow " ..
    "the Islamic Republic; Tehran calls it terrorist.",
  source = { "afp_2022_09_10", "ap_2022_09_07", "exit_2022_09_07", "thenational_2022_09_08" },
  attrs = { level = "strategic", provenance = "Open sources" },
  reliability = "A", credibility = 2, fits = { iran = "consistent", hacktivist = "consistent" } }

ev_card { id = "expulsion_2018", board = "evidence", title = "2018: Iranian diplomats expelled",
  text = "In 2018 Albania expelled two Iranian diplomats, the ambassador among them, for " ..
    "'damaging national security' and an alleged plot against an Israel-Albania football match " ..
    "(Exit News). An AP report counts the ambassador and three other diplomats expelled in recent years.",
  source = { "exit_2022_09_07", "ap_2022_09_07" },
  attrs = { level = "strategic", provenance = "Open sources; MFA archive" },
  reliability = "A", credibility = 2, fits = { iran = "consistent" } }

ev_card { id = "hlj_persona", board = "evidence", title = "'HomeLand Justice' claims the attack",
  text = "A group calling itself HomeLand Justice claims the attack on Telegram and posts anti-MEK " ..
    "videos and alleged MEK residence permits. Its website and accounts were set up in June, before the attack.",
  source = "cisa_2022_09_21",
  attrs = { level = "operational", provenance = "The group's own channel; SIS monitoring" },
  reliability = "C", credibility = 3,
  fits = { iran = "consistent", russia = "consistent", criminal = "consistent", hacktivist = "consistent" } }

ev_card { id = "mandiant_public", board = "evidence", title = "Mandiant: ROADSWEEP, CHIMNEYSWEEP, ZEROCLEAR",
  text = "Mandiant describes the ransomware ROADSWEEP, a backdoor CHIMNEYSWEEP and a new ZEROCLEAR " ..
    "wiper variant. It has \"moderate confidence\" that the actors operate in support of Iranian goals.",
  source = "mandiant_2022_08_04",
  attrs = { level = "tactical", provenance = "Mandiant, a US security firm (public report)" },
  reliability = "B", credibility = 3, fits = { iran = "consistent", hacktivist = "consistent" } }

ev_card { id = "cve", board = "evidence", title = "Way in: unpatched SharePoint (CVE-2019-0604)",
  text = "The first access, around May 2021, came through an internet-facing SharePoint server " ..
    "missing a 2019 patch; web shells followed. Criminals and states alike use this flaw.",
  source = "microsoft_2022_09_08",
  attrs = { level = "tactical", provenance = "AKSHI forensics" },
  reliability = "A", credibility = 1 }

ev_card { id = "misconfig", board = "evidence", title = "A patient intruder",
  text = "In July 2021 the intruder consolidated access through a misconfigured service, then " ..
    "waited. Patience fits a state service; it also fits a broker holding access to sell.",
  source = "microsoft_2022_09_08",
  attrs = { level = "tactical", provenance = "AKSHI forensics" },
  reliability = "A", credibility = 2 }

ev_card { id = "roadsweep", board = "evidence", title = "Known tools: ROADSWEEP and a ZeroCleare wiper",
  text = "The ransomware shares code with the CHIMNEYSWEEP backdoor, and the wiper is a variant of " ..
    "ZeroCleare, previously used by an Iranian actor. Tools can be copied, sold or stolen.",
  source = "mandiant_2022_08_04",
  attrs = { level = "tactical", provenance = "AKSHI forensics" },
  reliability = "B", credibility = 2, fits = { iran = "consistent" } }

ev_card { id = "fbi_timeline", board = "evidence", title = "Fourteen months inside",
  text = "The FBI and CISA reconstruct the timeline: email was taken from October 2021 to January " ..
    "2022; lateral movement and password harvesting followed in May–June 2022. Holding a " ..
    "government network quietly for a year takes patience and resources.",
  source = "cisa_2022_09_21",
  attrs = { level = "tactical", provenance = "FBI and CISA" },
  reliability = "A", credibility = 2, fits = { hacktivist = "inconsistent" } }

ev_card { id = "cisa_timeline", board = "evidence", title = "Advisory AA22-264A: the intrusion timeline",
  text = "About 14 months of dwell time; the indicators of compromise are published for every network defender.",
  source = "cisa_2022_09_21",
  attrs = { level = "tactical", provenance = "CISA and FBI (public advisory)" },
  reliability = "A", credibility = 2, fits = { hacktivist = "inconsistent" } }

-- Historical variant --------------------------------------------------------------------------
-- The partners' interim findings are invented (the channel and their timing): what they say
-- is what Microsoft published on 8 Sep 2022.
ev_card { id = "partner_phases", board = "evidence", title = "Partners: four phases, four teams",
  text = "The partners separate the intrusion into phases run by different operators: one got in " ..
    "and took data, one exfiltrated, one probed, one deployed ransomware and wiper. Hand-offs " ..
    "like these, and the operators' working hours, match Iranian state groups they track.",
  source = { "fiction", "microsoft_2022_09_08" },
  attrs = { level = "operational", provenance = "Microsoft DART and Jones Group International (interim)" },
  reliability = "B", credibility = 2,
  fits = { iran = "consistent", russia = "inconsistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "partner_access_team", board = "evidence", title = "Partners: a familiar access team",
  text = "The access and exfiltration activity matches a group the partners track and tie, with " ..
    "moderate confidence, to Iran's Ministry of Intelligence and Security (MOIS). The same group " ..
    "has taken data from other governments in the region.",
  source = { "fiction", "microsoft_2022_09_08" },
  attrs = { level = "operational", provenance = "Microsoft DART and Jones Group International (interim)" },
  reliability = "B", credibility = 3,
  fits = { iran = "consistent", russia = "inconsistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "fbi_infra", board = "evidence", title = "US agencies: Iranian state cyber actors",
  text = "FBI data tie the intrusion's infrastructure and tooling to Iranian state cyber actors.",
  source = "cisa_2022_09_21",
  attrs = { level = "operational", provenance = "FBI and CISA" },
  reliability = "A", credibility = 2,
  fits = { iran = "consistent", russia = "inconsistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "liaison_tasking", board = "evidence", title = "Liaison: who gave the order",
  text = "A partner service reports, from sources it will not share, that the operation was " ..
    "tasked and paid for by Iran's intelligence ministry to punish Albania for hosting the MEK.",
  source = "fiction",
  attrs = { level = "strategic", provenance = "An allied intelligence service (sources withheld)" },
  reliability = "B", credibility = 2,
  fits = { iran = "consistent", russia = "inconsistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "ms_public", board = "evidence", title = "Microsoft: 'high confidence' of Iranian state sponsorship",
  text = "Microsoft has high confidence the attack was Iranian state-sponsored and moderate " ..
    "confidence of a link to EUROPIUM (MOIS). Less than 10% of the environment was affected.",
  source = "microsoft_2022_09_08",
  attrs = { level = "operational", provenance = "Microsoft (public report)" },
  reliability = "A", credibility = 2,
  fits = { iran = "consistent", russia = "inconsistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "cisa_public", board = "evidence", title = "CISA/FBI: 'Iranian state cyber actors'",
  text = "The advisory names Iranian state cyber actors as the authors of the July attack.",
  source = "cisa_2022_09_21",
  attrs = { level = "strategic", provenance = "CISA and FBI (public advisory)" },
  reliability = "A", credibility = 2,
  fits = { iran = "consistent", russia = "inconsistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "cisa_retaliation", board = "evidence", title = "CISA/FBI: the September wave as retaliation",
  text = "The advisory judges the September attacks on the police 'likely done in retaliation " ..
    "for public attribution' of the July attack.",
  source = "cisa_2022_09_21",
  attrs = { level = "strategic", provenance = "CISA and FBI (public advisory)" },
  reliability = "A", credibility = 3, fits = { iran = "consistent" } }

-- Other variants (invented; consistent with their hidden truth, never naming it) ----------------
ev_card { id = "partner_handoff", board = "evidence", title = "Hand-offs that fit no known playbook",
  text = "The tools are Iranian families, but the partners have never seen Iranian groups hand " ..
    "off between phases like this. Two tools were compiled months after their code leaked online.",
  source = "fiction",
  attrs = { level = "operational", provenance = "Microsoft DART and Jones Group International (interim)" },
  reliability = "B", credibility = 3,
  fits = { iran = "inconsistent", russia = "consistent", hacktivist = "inconsistent" } }

ev_card { id = "partner_strings", board = "evidence", title = "Odd Persian, odd hours",
  text = "Persian strings in the wiper contain mistakes a native speaker would not make, and the " ..
    "operators stayed busy through Iranian public holidays.",
  source = "fiction",
  attrs = { level = "tactical", provenance = "Microsoft DART and Jones Group International (interim)" },
  reliability = "C", credibility = 3, fits = { iran = "inconsistent", russia = "consistent" } }

ev_card { id = "fbi_hosting", board = "evidence", title = "A reseller with other customers",
  text = "The command servers were rented through a reseller whose other customers run " ..
    "infrastructure US agencies tie to another state's military intelligence.",
  source = "fiction",
  attrs = { level = "operational", provenance = "FBI and CISA" },
  reliability = "B", credibility = 2,
  fits = { iran = "inconsistent", russia = "consistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "fbi_exfil", board = "evidence", title = "Where the email went",
  text = "The stolen mailboxes were staged on servers never seen in any Iranian operation.",
  source = "fiction",
  attrs = { level = "tactical", provenance = "FBI and CISA" },
  reliability = "B", credibility = 3, fits = { iran = "inconsistent", russia = "consistent" } }

ev_card { id = "liaison_report", board = "evidence", title = "Liaison: the tasking came from elsewhere",
  text = "A partner service assesses, with moderate confidence, that the operators took orders from " ..
    "outside Iran, and that the Iranian tools were acquired rather than developed.",
  source = "fiction",
  attrs = { level = "strategic", provenance = "An allied intelligence service (sources withheld)" },
  reliability = "B", credibility = 3,
  fits = { iran = "inconsistent", russia = "consistent", criminal = "inconsistent", hacktivist = "inconsistent" } }

ev_card { id = "ms_report", board = "evidence", title = "Microsoft: Iranian tools, another state's servers",
  text = "Microsoft publishes the tools and the four phases, and says the command infrastructure " ..
    "overlaps with activity it tracks from another state's military intelligence.",
  source = "fiction",
  attrs = { level = "operational", provenance = "Microsoft (public report)" },
  reliability = "A", credibility = 3, fits = { iran = "inconsistent", russia = "consistent" } }

ev_card { id = "cisa_report", board = "evidence", title = "CISA/FBI: no actor named",
  text = "The advisory lists techniques and indicators but names no actor and warns that the " ..
    "tools were reused by someone other than their authors.",
  source = "fiction",
  attrs = { level = "strategic", provenance = "CISA and FBI (public advisory)" },
  reliability = "A", credibility = 3, fits = { iran = "inconsistent" } }

ev_card { id = "partner_builds", board = "evidence", title = "Rebuilt from a leaked kit",
  text = "The Iranian malware families were rebuilt from source code sold on a criminal forum; " ..
    "the crew's scripts match a known ransomware affiliate's.",
  source = "fiction",
  attrs = { level = "tactical", provenance = "Microsoft DART and Jones Group International (interim)" },
  reliability = "B", credibility = 3, fits = { iran = "inconsistent", criminal = "consistent" } }

ev_card { id = "partner_broker", board = "evidence", title = "Access for sale",
  text = "In spring 2022 an access broker advertised 'Albanian government network, domain admin' " ..
    "on a criminal forum.",
  source = "fiction",
  attrs = { level = "operational", provenance = "Microsoft DART and Jones Group International (interim)" },
  reliability = "B", credibility = 2, fits = { criminal = "consistent" } }

ev_card { id = "fbi_wallet", board = "evidence", title = "A busy wallet",
  text = "A cryptocurrency wallet named in a second demand has received payments from three " ..
    "unrelated European victims.",
  source = "fiction",
  attrs = { level = "operational", provenance = "FBI and CISA" },
  reliability = "A", credibility = 2,
  fits = { iran = "inconsistent", russia = "inconsistent", criminal = "consistent", hacktivist = "inconsistent" } }

ev_card { id = "fbi_channel", board = "evidence", title = "The channel's other business",
  text = "Admins of the HomeLand Justice channel also run a channel that sells stolen databases.",
  source = "fiction",
  attrs = { level = "operational", provenance = "FBI and CISA" },
  reliability = "B", credibility = 3, fits = { criminal = "consistent", hacktivist = "inconsistent" } }

ev_card { id = "liaison_brief", board = "evidence", title = "Liaison: no state tasking seen",
  text = "Partner services see no sign of state tasking; what they do see is cryptocurrency moving " ..
    "around offers of the stolen data.",
  source = "fiction",
  attrs = { level = "strategic", provenance = "An allied intelligence service (sources withheld)" },
  reliability = "B", credibility = 3,
  fits = { iran = "inconsistent", russia = "inconsistent", criminal = "consistent", hacktivist = "inconsistent" } }

ev_card { id = "ms_findings", board = "evidence", title = "Microsoft: tools Iranian, behaviour mercenary",
  text = "Microsoft publishes the tools and phases, and says the operators behaved like a " ..
    "financially motivated crew; it does not attribute the attack to a state.",
  source = "fiction",
  attrs = { level = "operational", provenance = "Microsoft (public report)" },
  reliability = "A", credibility = 3,
  fits = { iran = "inconsistent", russia = "inconsistent", criminal = "consistent" } }

ev_card { id = "cisa_findings", board = "evidence", title = "CISA/FBI: no actor named",
  text = "The advisory lists techniques and indicators, names no actor and notes signs of data resale.",
  source = "fiction",
  attrs = { level = "strategic", provenance = "CISA and FBI (public advisory)" },
  reliability = "A", credibility = 4, fits = { iran = "inconsistent", criminal = "consistent" } }
