-- Problem 2 (evidence): the evidence board, the cards and the analysis players commission.
-- Which cards an analysis reveals depends on g.variant, so the evidence always fits the hidden
-- truth. Card texts describe observations only; none states the truth of the variant.
-- Grading: reliability A (completely reliable) .. F (cannot be judged);
--          credibility 1 (confirmed) .. 6 (cannot be judged)  (Admiralty code).

board { id = "evidence", title = "Evidence board: who attacked Albania?",
        columns = { "iran", "russia", "criminal", "hacktivist" },
        rows = { "tactical", "operational", "strategic" } }

-- Constants (not game state): what each analysis channel finds, per variant, in order,
-- and how far each card moves the `case` meter (the case against the Iranian state).
local FEEDS = {
  own = {
    historical = { "cve", "misconfig", "roadsweep" },
    false_flag = { "cve", "misconfig", "roadsweep" },
    criminal   = { "cve", "misconfig", "roadsweep" },
  },
  industry = {
    historical = { "ms_handoff", "europium" },
    false_flag = { "ff_handoff", "ff_strings" },
    criminal   = { "cr_builds", "cr_broker" },
  },
  fbi = {
    historical = { "fbi_timeline", "fbi_infra" },
    false_flag = { "fbi_timeline", "ff_infra", "ff_exfil" },
    criminal   = { "fbi_timeline", "cr_wallet", "cr_channel" },
  },
  liaison = {
    historical = { "liaison_tasking" },
    false_flag = { "ff_liaison" },
    criminal   = { "cr_liaison" },
  },
  ms_public = { historical = { "ms_public" }, false_flag = { "ff_ms_public" }, criminal = { "cr_ms_public" } },
  cisa_public = { historical = { "cisa_public" }, false_flag = { "ff_cisa_public" }, criminal = { "cr_cisa_public" } },
}

local WEIGHT = {
  cve = 0, misconfig = 5, roadsweep = 15,
  ms_handoff = 15, europium = 10, fbi_timeline = 5, fbi_infra = 10, liaison_tasking = 15,
  ms_public = 10, cisa_public = 5,
  ff_handoff = -10, ff_strings = -10, ff_infra = -15, ff_exfil = -5, ff_liaison = -20,
  ff_ms_public = 0, ff_cisa_public = -5,
  cr_builds = -10, cr_broker = -15, cr_wallet = -15, cr_channel = -5, cr_liaison = -15,
  cr_ms_public = -10, cr_cisa_public = -5,
}

local function next_card(g, feed, who)
  local lists = FEEDS[feed]
  local list = lists[g.variant] or lists.historical
  for _, id in ipairs(list) do
    if not g:revealed(id) then
      g:reveal(id)
      g:add("case", WEIGHT[id] or 0)
      g:say(who .. " report new findings; a card is pinned to the evidence board.")
      return
    end
  end
  g:say(who .. " have nothing new to add.")
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
    "intrusions they have seen. Results in two turns.",
  requires = { state = { partner = 1 }, why = "No industry partner is working with AKSHI yet." },
  historical = { 4, 8 },
  effects = { { text = "The industry partners take on a new line of analysis." },
              { after = 2, run = function(g) next_card(g, "industry", "The industry partners") end } },
}

action {
  id = "ask_fbi", role = "sis", label = "Ask the FBI and CISA to investigate", cost = 1,
  text = "US agencies bring their own data and tools. Results in three turns.",
  requires = { turn = 4, why = "The US agencies need a formal request after the first response." },
  historical = { 9 },
  effects = { { text = "A request goes to the FBI and CISA." },
              { after = 3, run = function(g) next_card(g, "fbi", "The FBI and CISA") end } },
}

action {
  id = "ask_liaison", role = "sis", label = "Ask liaison services for intelligence", cost = 1,
  text = "Allied intelligence services may know who tasked the operators. Results in two turns.",
  requires = { min = { allies = 45 }, why = "Allied services share only with a government they trust (allied support 45+)." },
  historical = { 11 },
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
    "environment was affected. In other variants the card shows what Microsoft would have found.",
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
    "wave 'likely done in retaliation for public attribution'.",
  on_deliver = { cards = { "cisa_timeline" }, meters = { case = 0 },
                 run = function(g) next_card(g, "cisa_public", "CISA and the FBI") end },
}

-- Common cards (the same observations in every variant) -----------------------------------
card { id = "ransom_note", board = "evidence", title = "The ransom note: 'DURRES terrorists'",
  text = "The note asks: \"Why should our taxes be spent on the benefit of DURRES terrorists?\" " ..
    "It points at the MEK, housed in the Durrës county. A motive on display is not proof of who holds the pen.",
  source = "cisa_2022_09_21",
  attrs = { level = "strategic", supports = "hacktivist", reliability = "B", credibility = "2" } }

card { id = "russia_rumour", board = "evidence", title = "Media: 'Russian hackers'",
  text = "Several outlets blame Russian groups, citing unnamed experts. No technical detail is offered.",
  source = "securityaffairs_2022_07",
  attrs = { level = "operational", supports = "russia", reliability = "E", credibility = "5" } }

card { id = "ransom_rumour", board = "evidence", title = "Rumour: a €30m ransom demand",
  text = "Social media claims the attackers demanded €30 million. The government denies that any ransom was asked or paid.",
  source = "exit_2022_07_20",
  attrs = { level = "operational", supports = "criminal", reliability = "F", credibility = "6" } }

card { id = "summit_timing", board = "evidence", title = "Timing: eight days before the Free Iran summit",
  text = "The attack came eight days before the MEK's Free Iran World Summit, due on 23–24 July at " ..
    "Ashraf 3, Manëz, with more than 35 US lawmakers expected.",
  source = "ap_2022_07_22",
  attrs = { level = "strategic", supports = "iran", reliability = "B", credibility = "3" } }

card { id = "mek_context", board = "evidence", title = "Albania hosts Tehran's armed opposition",
  text = "About 3,000 MEK members moved from Iraq to Ashraf 3 near Manëz in 2013 at US and UN " ..
    "request. In 2018 Albania expelled Iran's ambassador and another diplomat.",
  source = "seed_001",
  attrs = { level = "strategic", supports = "iran", reliability = "A", credibility = "2" } }

card { id = "hlj_persona", board = "evidence", title = "'HomeLand Justice' claims the attack",
  text = "A group calling itself HomeLand Justice claims the attack on Telegram and posts anti-MEK " ..
    "videos and alleged MEK residence permits. Its website and accounts were set up in June, before the attack.",
  source = "cisa_2022_09_21",
  attrs = { level = "operational", supports = "hacktivist", reliability = "C", credibility = "3" } }

card { id = "mandiant_public", board = "evidence", title = "Mandiant: ROADSWEEP, CHIMNEYSWEEP, ZEROCLEAR",
  text = "Mandiant describes the ransomware ROADSWEEP, a backdoor CHIMNEYSWEEP and a new ZEROCLEAR " ..
    "wiper variant. It has \"moderate confidence\" that the actors operate in support of Iranian goals.",
  source = "mandiant_2022_08_04",
  attrs = { level = "tactical", supports = "iran", reliability = "B", credibility = "3" } }

card { id = "cve", board = "evidence", title = "Way in: unpatched SharePoint (CVE-2019-0604)",
  text = "The first access, around May 2021, came through an internet-facing SharePoint server " ..
    "missing a 2019 patch; web shells followed. Criminals and states alike use this flaw.",
  source = "microsoft_2022_09_08",
  attrs = { level = "tactical", supports = "criminal", reliability = "A", credibility = "1" } }

card { id = "misconfig", board = "evidence", title = "A patient intruder",
  text = "In July 2021 the intruder consolidated access through a misconfigured service, then waited. " ..
    "Opportunists rarely sit quietly for a year.",
  source = "microsoft_2022_09_08",
  attrs = { level = "tactical", supports = "iran", reliability = "A", credibility = "3" } }

card { id = "roadsweep", board = "evidence", title = "Known tools: ROADSWEEP and a ZeroCleare wiper",
  text = "The ransomware shares code with the CHIMNEYSWEEP backdoor, and the wiper is a variant of " ..
    "ZeroCleare, previously used by an Iranian actor. Tools can be copied, sold or stolen.",
  source = "mandiant_2022_08_04",
  attrs = { level = "tactical", supports = "iran", reliability = "B", credibility = "2" } }

card { id = "fbi_timeline", board = "evidence", title = "Fourteen months inside",
  text = "The FBI and CISA reconstruct the timeline: email was taken from October 2021 to January " ..
    "2022; lateral movement and password harvesting followed in May–June 2022.",
  source = "cisa_2022_09_21",
  attrs = { level = "tactical", supports = "iran", reliability = "A", credibility = "2" } }

card { id = "cisa_timeline", board = "evidence", title = "Advisory AA22-264A: the intrusion timeline",
  text = "About 14 months of dwell time; the indicators of compromise are published for every network defender.",
  source = "cisa_2022_09_21",
  attrs = { level = "tactical", supports = "iran", reliability = "A", credibility = "2" } }

-- Historical variant --------------------------------------------------------------------------
card { id = "ms_handoff", board = "evidence", title = "Four actors, one operation",
  text = "The partners separate four actors: one got in and took data, one exfiltrated, one probed, " ..
    "one deployed ransomware and wiper. Operators worked from Iran, with known Iranian tools.",
  source = "microsoft_2022_09_08",
  attrs = { level = "operational", supports = "iran", reliability = "B", credibility = "2" } }

card { id = "europium", board = "evidence", title = "A link to EUROPIUM",
  text = "The access and exfiltration actors match EUROPIUM, a group tied to Iran's Ministry of " ..
    "Intelligence (MOIS), with moderate confidence. The same actor took data in Jordan, Kuwait and the UAE.",
  source = "microsoft_2022_09_08",
  attrs = { level = "operational", supports = "iran", reliability = "B", credibility = "3" } }

card { id = "fbi_infra", board = "evidence", title = "US agencies: Iranian state cyber actors",
  text = "FBI data tie the intrusion's infrastructure and tooling to Iranian state cyber actors " ..
    "who have hit other governments since at least 2007.",
  source = "cisa_2022_09_21",
  attrs = { level = "operational", supports = "iran", reliability = "A", credibility = "2" } }

card { id = "liaison_tasking", board = "evidence", title = "Liaison: who gave the order",
  text = "A partner service reports, from sources it will not share, that the operation was " ..
    "tasked and paid for by Iran's intelligence ministry to punish Albania for hosting the MEK.",
  source = "fiction",
  attrs = { level = "strategic", supports = "iran", reliability = "B", credibility = "2" } }

card { id = "ms_public", board = "evidence", title = "Microsoft: 'high confidence' of Iranian state sponsorship",
  text = "Microsoft has high confidence the attack was Iranian state-sponsored and moderate " ..
    "confidence of a link to EUROPIUM (MOIS). Less than 10% of the environment was affected.",
  source = "microsoft_2022_09_08",
  attrs = { level = "operational", supports = "iran", reliability = "A", credibility = "2" } }

card { id = "cisa_public", board = "evidence", title = "CISA/FBI: 'Iranian state cyber actors'",
  text = "The advisory names Iranian state cyber actors and judges the September wave likely done " ..
    "in retaliation for public attribution.",
  source = "cisa_2022_09_21",
  attrs = { level = "strategic", supports = "iran", reliability = "A", credibility = "2" } }

-- Other variants (invented; consistent with their hidden truth, never naming it) ----------------
card { id = "ff_handoff", board = "evidence", title = "Hand-offs that fit no known playbook",
  text = "The tools are Iranian families, but the partners have never seen Iranian groups hand " ..
    "off between phases like this. Two tools were compiled months after their code leaked online.",
  source = "fiction",
  attrs = { level = "operational", supports = "russia", reliability = "B", credibility = "3" } }

card { id = "ff_strings", board = "evidence", title = "Odd Persian, odd hours",
  text = "Persian strings in the wiper contain mistakes a native speaker would not make, and the " ..
    "operators stayed busy through Iranian public holidays.",
  source = "fiction",
  attrs = { level = "tactical", supports = "russia", reliability = "C", credibility = "3" } }

card { id = "ff_infra", board = "evidence", title = "A reseller with other customers",
  text = "The command servers were rented through a reseller whose other customers run " ..
    "infrastructure US agencies tie to another state's military intelligence.",
  source = "fiction",
  attrs = { level = "operational", supports = "russia", reliability = "B", credibility = "2" } }

card { id = "ff_exfil", board = "evidence", title = "Where the email went",
  text = "The stolen mailboxes were staged on servers never seen in any Iranian operation.",
  source = "fiction",
  attrs = { level = "tactical", supports = "russia", reliability = "B", credibility = "3" } }

card { id = "ff_liaison", board = "evidence", title = "Liaison: the tasking came from elsewhere",
  text = "A partner service assesses, with moderate confidence, that the operators took orders from " ..
    "outside Iran, and that the Iranian tools were acquired rather than developed.",
  source = "fiction",
  attrs = { level = "strategic", supports = "russia", reliability = "B", credibility = "3" } }

card { id = "ff_ms_public", board = "evidence", title = "Microsoft: Iranian tools, operators unknown",
  text = "Microsoft publishes the tools and the four phases, but says it cannot yet tie the " ..
    "operators to any government.",
  source = "fiction",
  attrs = { level = "operational", supports = "iran", reliability = "A", credibility = "4" } }

card { id = "ff_cisa_public", board = "evidence", title = "CISA/FBI: no actor named",
  text = "The advisory lists techniques and indicators but names no actor and warns against " ..
    "reading too much into the tools.",
  source = "fiction",
  attrs = { level = "strategic", supports = "russia", reliability = "A", credibility = "4" } }

card { id = "cr_builds", board = "evidence", title = "Rebuilt from a leaked kit",
  text = "The Iranian malware families were rebuilt from source code sold on a criminal forum; " ..
    "the crew's scripts match a known ransomware affiliate's.",
  source = "fiction",
  attrs = { level = "tactical", supports = "criminal", reliability = "B", credibility = "3" } }

card { id = "cr_broker", board = "evidence", title = "Access for sale",
  text = "In spring 2022 an access broker advertised 'Albanian government network, domain admin' " ..
    "on a criminal forum.",
  source = "fiction",
  attrs = { level = "operational", supports = "criminal", reliability = "B", credibility = "2" } }

card { id = "cr_wallet", board = "evidence", title = "A busy wallet",
  text = "A cryptocurrency wallet named in a second demand has received payments from three " ..
    "unrelated European victims.",
  source = "fiction",
  attrs = { level = "operational", supports = "criminal", reliability = "A", credibility = "2" } }

card { id = "cr_channel", board = "evidence", title = "The channel's other business",
  text = "Admins of the HomeLand Justice channel also run a channel that sells stolen databases.",
  source = "fiction",
  attrs = { level = "operational", supports = "criminal", reliability = "B", credibility = "3" } }

card { id = "cr_liaison", board = "evidence", title = "Liaison: no state tasking seen",
  text = "Partner services see no sign of state tasking; what they do see is cryptocurrency moving " ..
    "around offers of the stolen data.",
  source = "fiction",
  attrs = { level = "strategic", supports = "criminal", reliability = "B", credibility = "3" } }

card { id = "cr_ms_public", board = "evidence", title = "Microsoft: tools Iranian, behaviour mercenary",
  text = "Microsoft publishes the tools and phases, and says the operators behaved like a " ..
    "financially motivated crew; it does not attribute the attack to a state.",
  source = "fiction",
  attrs = { level = "operational", supports = "criminal", reliability = "A", credibility = "3" } }

card { id = "cr_cisa_public", board = "evidence", title = "CISA/FBI: no actor named",
  text = "The advisory lists techniques and indicators, names no actor and notes signs of data resale.",
  source = "fiction",
  attrs = { level = "strategic", supports = "criminal", reliability = "A", credibility = "4" } }
