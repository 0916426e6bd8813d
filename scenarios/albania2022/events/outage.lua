-- Problem 1: the outage of 15 July 2022 and the restoration of services.
-- Service clusters live in g.state (cl_portal, cl_tax, cl_registry, cl_sites, 0..100);
-- the `services` meter is their weighted sum. Constants only in locals.

local WEIGHT = { portal = 0.5, tax = 0.2, registry = 0.2, sites = 0.1 }
local NAMES = { portal = "e-Albania citizen services", tax = "tax and customs",
                registry = "the civil registry", sites = "government sites and email" }

local function recompute(g)
  local s = 0
  for k, w in pairs(WEIGHT) do s = s + w * (g.state["cl_" .. k] or 0) end
  g:set("services", math.floor(s + 0.5))
end

local function bump(g, key, delta)
  local k = "cl_" .. key
  local v = (g.state[k] or 0) + delta
  if v > 100 then v = 100 elseif v < 0 then v = 0 end
  g.state[k] = v
end

local function damage_all(g, factor)
  for k in pairs(WEIGHT) do
    g.state["cl_" .. k] = math.floor((g.state["cl_" .. k] or 0) * factor)
  end
  recompute(g)
end

-- In a session that skips turns, AKSHI's teams go on restoring between the turns played: the
-- cluster furthest behind comes back from backups by a quarter (invented: the class plays
-- fewer turns than the response took).
function A22.restore_between(g)
  if (g.state.cl_portal or 100) >= 100 and (g.state.cl_tax or 100) >= 100 and
     (g.state.cl_registry or 100) >= 100 and (g.state.cl_sites or 100) >= 100 then return end
  local low, lv = "portal", 101
  for _, k in ipairs({ "portal", "tax", "registry", "sites" }) do
    local v = g.state["cl_" .. k] or 100
    if v < lv then low, lv = k, v end
  end
  bump(g, low, 25); g:add("foothold", 2); recompute(g)
end

local CLUSTERS = {
  { id = "portal", label = "e-Albania citizen services" },
  { id = "tax", label = "Tax and customs" },
  { id = "registry", label = "Civil registry" },
  { id = "sites", label = "Government sites and email" },
}

-- Turn 1 ---------------------------------------------------------------------------------
event {
  id = "how_to_play", turn = 1, to = "all", channel = "brief", source = "fiction", historical = false,
  title = "How to play (read this first)",
  text = "Four teams take turns: the Prime Minister's Office, AKSHI, the Foreign Ministry and " ..
    "SIS/Police. On your move, read your injects, decide what they ask, take standing " ..
    "actions with your action points, then end your move. " ..
    "The evidence board (F3 in the window, `board` in the terminal) holds only the ransom " ..
    "note at first; more arrive from the forensics you commission and from public reports. SIS grades each card (source A-F, " ..
    "information 1-6) and marks it consistent, inconsistent or neutral against each " ..
    "hypothesis; the matrix gives the government's assessment and how sure it can sound. " ..
    "No date is set for blaming anyone: the PM may attribute in public, the MFA brief allies " ..
    "in private, whenever the evidence seems to carry it; words are judged against what " ..
    "the evidence showed when they were said.",
  note = "Invented: the game's instructions, not an event of 2022.",
}

event {
  id = "ransomware", turn = 1, to = "all", decider = "akshi", channel = "phone",
  title = "Servers are encrypting themselves",
  text = "Friday morning. AKSHI's night shift reports government servers locking up one after " ..
    "another; files end in strange extensions and a ransom note is on the screens. It asks: " ..
    "\"Why should our taxes be spent on the benefit of DURRES terrorists?\" e-Albania is " ..
    "stuttering. How do you respond in the first hours?",
  source = { "cisa_2022_09_21", "ccdcoe_toolkit" },
  note = "15 Jul 2022: ROADSWEEP ransomware deployed; 'when network defenders identified and " ..
    "began to respond', a ZeroCleare variant wiper was used (CISA AA22-264A; CCDCOE): they " ..
    "fought it on the network, and took the sites offline two days later (Exit News). The " ..
    "attackers had been inside since about May 2021 (Microsoft; CISA). Exit News: the attack " ..
    "brought all government websites and the e-Albania portal offline. The hour is invented.",
  on_deliver = {
    state = { attr_level = 0, named = "none", attr_joint = 0, attr_support = 0, attr_turn = 0,
              attr_evidence = "none", private_named = "none", private_level = 0, retracted = 0,
              us_experts = 0, fbi_fast = 0, damage_claim = 0, balla = 0,
              said_safe = 0, corrected = 0, leaked = 0, overclaim = 0, misnamed = 0,
              partner = 0, briefed = 0, nac = 0, eu_asked = 0, sanctions_asked = 0,
              demand = 0, notice = 0, severed = 0, expelled = 0, countermeasure = 0, art4 = 0,
              tims_isolated = 0, wave = 0, nato_help = 0, summit = "none", searched = 0,
              cl_portal = 45, cl_tax = 55, cl_registry = 60, cl_sites = 35,
              n_own = 0, n_industry = 0, n_fbi = 0, n_liaison = 0 },
    cards = { "ransom_note" },
    run = function(g) recompute(g) end,
  },
  options = {
    { id = "live", label = "Fight it on the live network",
      text = "Keep services up where possible and kill the ransomware server by server.",
      historical = true,
      effects = { meters = { foothold = 5 }, state = { response = "live" } },
      risk = "The intruder sees the defenders coming and may switch to destruction." },
    { id = "isolate", label = "Cut the government network off the internet first",
      text = "Everything public goes dark at once, but the attackers lose their remote hands.",
      effects = { meters = { foothold = -10, trust = -3 }, state = { response = "isolate" },
                  run = function(g) damage_all(g, 0.5) end,
                  text = "The government network is cut off from the internet. Citizens see blank pages." } },
  },
  expires = 1, default = "live",
}

-- Turn 2 ---------------------------------------------------------------------------------
event {
  id = "wiper", turn = 2, to = "akshi", channel = "phone",
  title = "A second tool wakes up",
  text = "As responders move in, servers stop asking for a ransom and start erasing " ..
    "themselves. The malware overwrites disks; the ransom was never the point. Your engineers " ..
    "need help, and fast.",
  source = { "cisa_2022_09_21", "mandiant_2022_08_04" },
  note = "15 Jul 2022: a ZeroCleare variant wiper followed ROADSWEEP when defenders responded (CISA).",
  on_deliver = { run = function(g)
    if g.state.response == "isolate" then
      damage_all(g, 0.8)
      g:say("Cut off from the internet, the wiper reaches only part of the network.")
    else
      damage_all(g, 0.4)
      g:add("foothold", 5)
      g:say("The wiper spreads across servers the responders were still working on.")
    end
  end },
  options = {
    { id = "dart_jgi", label = "Call Microsoft DART and Jones Group International",
      text = "Bring in Microsoft's incident responders and the US firm already working with the government.",
      historical = true,
      effects = { meters = { foothold = -5 }, state = { partner = 1 },
                  text = "Microsoft DART and Jones Group International join AKSHI's team." } },
    { id = "inhouse", label = "Handle it in-house for now",
      text = "No outsiders in the government network; slower, but nobody else sees the data.",
      effects = { meters = { foothold = 5 } } },
  },
  expires = 1, default = "inhouse",
}

-- Turn 3 ---------------------------------------------------------------------------------
event {
  id = "portal_dark", turn = 3, to = "all", decider = "akshi", channel = "news",
  title = "e-Albania goes dark",
  text = "Day two. More than 1,200 of e-Albania's 1,225 services are unreachable. Since 1 May " ..
    "most public counters are closed, so there is nowhere else to get a certificate, pay a " ..
    "tax or register a birth. Do you keep the surviving sites up, or take everything down to clean it?",
  source = { "kohajone_2022_07", "exit_2022_07_17", "securityaffairs_2022_07", "ap_2022_09_07" },
  note = "1 May 2022: e-Albania replaced most in-person counter services (Exit News). Over 1,200 of " ..
    "1,225 services were down on day 2 (Koha Jonë). AKSHI then shut down government sites, " ..
    "including e-Albania, the Parliament and the PM's office (17-18 Jul; Exit News, Security " ..
    "Affairs). 'Albania has struggled to strengthen its cyber security': in 2018 The " ..
    "Independent reported the country inadvertently posting sensitive information about itself (AP).",
  options = {
    { id = "offline", label = "Take all government sites offline until cleaned",
      text = "e-Albania, the Parliament's and the Prime Minister's sites go down deliberately.",
      historical = true,
      effects = { meters = { foothold = -8, trust = -2 },
                  run = function(g) damage_all(g, 0.3) end,
                  text = "AKSHI takes the government's public sites offline to clean them." } },
    { id = "keep_up", label = "Keep whatever still works online",
      text = "Citizens keep some services; the cleaners work around live systems.",
      effects = { meters = { foothold = 8, trust = 2 } },
      risk = "Live systems are harder to clean; the intruder keeps hiding places." },
  },
  expires = 1, default = "offline",
}

-- Turn 4: offers of help ------------------------------------------------------------------
event {
  id = "help_offers", turn = 4, to = { "akshi", "sis" }, decider = "akshi", channel = "phone",
  title = "The FBI and NATO offer experts",
  text = "US and NATO officials call: they can send experts to help clean and restore the " ..
    "government network, alongside the private partners. They would see the network, the " ..
    "logs and what was taken.",
  source = { "exit_2022_09_07", "galactik_2022_09_07" },
  note = "Albania 'brought in experts from the FBI, NATO, and a US security company to help them " ..
    "get their systems back online' (Exit News, 7 Sep 2022); 'for weeks, the US government has " ..
    "been on the ground in Albania, working alongside private sector partners' (Galactik Views, " ..
    "7 Sep 2022). The day of the call is a game choice.",
  options = {
    { id = "accept", label = "Accept the FBI's and NATO's experts", historical = true,
      effects = { state = { us_experts = 1 }, meters = { foothold = -5, allies = 3 },
                  text = "FBI and NATO experts join AKSHI; US requests for analysis will come back faster." },
      risk = "Foreign agencies see everything, including what Albania may not want them to see." },
    { id = "partners_only", label = "Keep to the private partners for now",
      effects = { meters = { allies = -2 } },
      risk = "Slower help from Washington; allies notice the door was closed." },
  },
  expires = 1, default = "accept",
}

-- Turn 5 ---------------------------------------------------------------------------------
event {
  id = "restore_plan", turn = 5, to = "akshi", channel = "brief",
  title = "How to come back",
  text = "Your deputy for operations, Arben Kola, lays out two roads. Backups could bring most " ..
    "of e-Albania back within a week, but nobody knows how long the intruders were inside or " ..
    "what the backups carry. A clean rebuild takes weeks: patch, hunt, reset every credential, " ..
    "then restore.",
  source = { "voxnews_2022_09_26", "fiction" },
  note = "The Albanian summary says systems were restored from backups 'within the first week'. " ..
    "Arben Kola is a fictional official. The foothold effects are game numbers.",
  options = {
    { id = "fast", label = "Restore from backups now",
      text = "Get citizens their services back this week.", historical = true,
      effects = { meters = { foothold = 10, trust = 3 },
                  run = function(g) bump(g, "portal", 60); bump(g, "tax", 60); bump(g, "registry", 60); bump(g, "sites", 40); recompute(g) end,
                  text = "Backups come back online; queues at the few open counters shrink." },
      risk = "Restored machines may carry the intruder's web shells and stolen passwords." },
    { id = "hybrid", label = "Citizens' portal from backup, rebuild the rest",
      text = "e-Albania first; the back office is rebuilt clean.",
      effects = { meters = { foothold = 2 },
                  run = function(g) bump(g, "portal", 25); recompute(g) end } },
    { id = "clean", label = "Clean rebuild first",
      text = "Patch, hunt and reset before anything comes back.",
      effects = { meters = { foothold = -12, trust = -4 },
                  text = "AKSHI announces a longer outage while systems are rebuilt." },
      risk = "Weeks without services; the public and the press grow impatient." },
  },
  expires = 1, default = "hybrid",
}

-- Milestone: whenever the services meter is nearly full ---------------------------------
event {
  id = "milestone", to = "pm", channel = "brief", from_turn = 8,
  when = function(g) return g:meter("services") >= 90 end,
  title = "Almost everything is back",
  text = "AKSHI's count: nearly all e-Albania services work again; a handful, and some " ..
    "consular services, are still down. How do you announce it?",
  source = { "ata_2022_08_04", "exit_2022_09_07" },
  note = "Historically AKSHI reported 1,214 of 1,225 services back on 4 Aug 2022 (ATA; " ..
    "kryeministria.al). Exit News (7 Sep 2022) gives 1,118 of 1,225: the reports disagree, and " ..
    "1,118 was not found in any other report, so the game uses 1,214. 36 consular services " ..
    "came back later.",
  options = {
    { id = "exact", label = "Give the exact count and what is still missing", historical = true,
      effects = { meters = { trust = 4 }, text = "The government publishes the count, including what is still down." } },
    { id = "all_back", label = "Declare that all systems are back",
      effects = { meters = { trust = 6 }, state = { overclaim = 1 } },
      risk = "If anything later proves still broken or stolen, the claim will be quoted back." },
  },
  expires = 2, default = "exact",
}

-- Standing actions of AKSHI ---------------------------------------------------------------
action {
  id = "restore_backup", role = "akshi", label = "Restore a cluster from backups", cost = 1,
  text = "Fast: about half of the cluster comes back in one turn.",
  targets = CLUSTERS,
  -- one cluster after another, as AKSHI brought e-Albania back from backups within weeks
  historical = { { turn = 5, target = "portal" }, { turn = 7, target = "tax" },
                 { turn = 9, target = "registry" }, { turn = 10, target = "sites" } },
  risk = "Backups may carry web shells and stolen credentials back in.",
  effects = { run = function(g)
    local k = "cl_" .. g.target
    if (g.state[k] or 0) >= 100 then
      g:say("That cluster is already fully running.")
      return
    end
    bump(g, g.target, 50); g:add("foothold", 3); recompute(g)
    g:say("AKSHI restores " .. NAMES[g.target] .. " from backups.")
  end },
}

action {
  id = "rebuild_clean", role = "akshi", label = "Rebuild a cluster clean", cost = 1,
  text = "Slow: a quarter of the cluster per turn, on patched machines with new credentials.",
  targets = CLUSTERS,
  effects = { run = function(g)
    local k = "cl_" .. g.target
    if (g.state[k] or 0) >= 100 then
      g:say("That cluster is already fully running.")
      return
    end
    bump(g, g.target, 25); g:add("foothold", -2); recompute(g)
    g:say("AKSHI rebuilds part of " .. NAMES[g.target] .. " on clean machines.")
  end },
}

action {
  id = "patch_sharepoint", role = "akshi", label = "Patch the SharePoint hole (CVE-2019-0604)",
  cost = 1, max_uses = 1,
  text = "Patch every internet-facing SharePoint server; the way in closes.",
  effects = { meters = { foothold = -15 }, text = "Every internet-facing SharePoint server is patched." },
}

action {
  id = "hunt_webshells", role = "akshi", label = "Hunt for web shells", cost = 1, max_uses = 4,
  requires = { state = { partner = 1 }, why = "You need an experienced partner team (DART/JGI) to hunt at scale." },
  text = "Sweep servers for the intruder's hidden back doors.",
  effects = { meters = { foothold = -5 }, text = "The hunters find and remove more back doors." },
}

action {
  id = "reset_credentials", role = "akshi", label = "Reset every government credential", cost = 2, max_uses = 1,
  text = "Force new passwords and keys for every account, including service accounts.",
  risk = "Logins break across the administration for days.",
  effects = { meters = { foothold = -20, trust = -2 },
              run = function(g) bump(g, "sites", -30); recompute(g) end,
              text = "All government credentials are reset. Email and internal sites stumble for days." },
}

action {
  id = "sinkhole", role = "akshi", label = "Sinkhole attacker domains and warn hosting providers",
  cost = 1, max_uses = 2,
  text = "An unfriendly but lawful act (retorsion): no legal preconditions.",
  effects = { meters = { foothold = -4 }, text = "Known attacker domains are sinkholed; hosting providers are warned." },
}
