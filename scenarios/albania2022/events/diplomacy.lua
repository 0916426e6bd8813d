-- Problem 3: the diplomatic ladder, allies, NATO, the EU and Iran's answers.
-- Retorsion (unfriendly but lawful: démarche, summoning, expulsion, severing relations) needs no
-- legal precondition. Countermeasures (otherwise unlawful acts) need a prior wrongful act
-- attributed to a state, a demand to stop, and notice with an offer to negotiate (CCDCOE; Tallinn 2.0).

local function named_iran(g)
  return g.state.named == "iran" and (g.state.attr_level or 0) >= 2
end

-- The MEK summit (21-22 July) -----------------------------------------------------------------------
event {
  id = "summit_warning", turn = 7, to = "sis", channel = "intel",
  title = "A warning about the Free Iran summit",
  text = "The US Embassy warns of a possible threat to the Free Iran World Summit, due on 23–24 " ..
    "July at the MEK camp at Manëz, with more than 35 US lawmakers expected. The organisers ask " ..
    "what the government advises.",
  source = { "ap_2022_07_22", "thenational_2022_09_08" },
  note = "21-22 Jul 2022: the US Embassy warned of a threat to the summit; on 22 Jul the NCRI " ..
    "postponed it on the Albanian government's recommendation (AP; The National). Seed 002 says the " ..
    "summit was 'a week before the cyberattack'; it was scheduled for 23-24 Jul, after it. The game " ..
    "follows the sourced dates.",
  on_deliver = { cards = { "summit_timing", "mek_context" }, meters = { case = 15 } },
  options = {
    { id = "postpone", label = "Recommend that the organisers postpone", historical = true,
      effects = { state = { summit = "postponed" }, meters = { allies = -1 } },
      risk = "Looks like yielding to pressure; the camp's supporters abroad will complain." },
    { id = "protect", label = "Let it go ahead under heavy police protection",
      effects = { state = { summit = "held" }, meters = { allies = 2, border = -5 } },
      risk = "Stretches the police for days; any incident will be blamed on the government." },
    { id = "leave", label = "Leave the decision to the organisers",
      effects = { state = { summit = "held" } },
      risk = "If something happens, the government was warned and did nothing." },
  },
  expires = 1, default = "leave",
}

event {
  id = "summit_postponed", after = "summit_warning.postpone", delay = 1, to = "all", decider = "sis",
  channel = "news",
  title = "Summit postponed",
  text = "The National Council of Resistance of Iran postpones the Free Iran World Summit on the " ..
    "government's recommendation, citing security threats. Its US guests cancel their flights.",
  source = { "ap_2022_07_22", "seed_001", "seed_002" },
  note = "22 Jul 2022 (AP). Seed 001: the group 'postponed another summit, citing unspecified security threats'.",
}

event {
  id = "summit_held", to = "all", decider = "sis", channel = "news", from_turn = 8,
  when = function(g) return g.state.summit == "held" end,
  title = "The summit goes ahead",
  text = "Delegates arrive at Manëz under police escort. Security is tight and the guests are " ..
    "loud in their thanks to Albania.",
  source = "fiction",
  note = "Invented branch: historically the summit was postponed on 22 Jul 2022.",
  on_deliver = { chance = 0.3, meters = { trust = -6, allies = -2 },
                 text = "A drone over the camp and a bomb hoax at the hotel dominate the coverage.",
                 otherwise = { meters = { allies = 2 }, text = "The summit passes without incident." } },
}

-- Late August: the allies ask for the file ----------------------------------------------------------
event {
  id = "washington_asks", turn = 12, to = "mfa", channel = "email",
  title = "Washington asks for the case file",
  text = "US government experts have been in Tirana for weeks, working with the private partners. " ..
    "Washington now asks for Albania's full case file, including the intelligence, before it " ..
    "decides what it will say in public.",
  source = { "seed_003", "seed_002" },
  note = "Seed 003: 'For weeks, the US government has been on the ground in Albania'. Seed 002: " ..
    "Albania's NATO allies were informed of the investigation.",
  options = {
    { id = "share_full", label = "Share the full file", historical = true,
      effects = { meters = { allies = 10 },
                  run = function(g) g.state.briefed = (g.state.briefed or 0) + 1 end },
      risk = "Sources and methods leave Albanian hands." },
    { id = "share_summary", label = "Share a summary",
      effects = { meters = { allies = 3 },
                  run = function(g) g.state.briefed = (g.state.briefed or 0) + 1 end } },
    { id = "keep", label = "Keep it national for now",
      effects = { meters = { allies = -5 } },
      risk = "Allies cannot stand behind evidence they have not seen." },
  },
  expires = 1, default = "share_summary",
}

-- 7 September: the Council of Ministers ---------------------------------------------------------------
event {
  id = "council", to = { "pm", "mfa" }, decider = "pm", channel = "brief", from_turn = 14,
  when = named_iran,
  title = "The Council of Ministers decides",
  text = "Albania has said publicly that Iran is behind the attack. The Council of Ministers meets " ..
    "to decide what follows from it. The Iranian embassy is 200 metres from Kryeministria.",
  source = { "reuters_2022_09_07", "seed_001", "seed_002", "seed_003", "ccdcoe_toolkit" },
  note = "7 Sep 2022: in a video statement Rama cut ties 'with immediate effect', gave all embassy " ..
    "staff 24 hours to leave and called the response 'fully proportionate' (Reuters; seed 002). " ..
    "Seed 002 calls it possibly the first time a country cut ties over a cyberattack. Some " ..
    "sources date the severance 6 Sep; Reuters says 7 Sep. Severing relations is retorsion: lawful.",
  options = {
    { id = "sever", label = "Sever relations with immediate effect; 24 hours to leave",
      text = "All diplomatic, technical, administrative and security staff must leave.", historical = true,
      effects = { state = { severed = 1 },
                  run = function(g)
                    if g:meter("case") >= 60 then g:add("allies", 5); g:add("trust", 4)
                    else g:add("allies", -8); g:say("Some allies call the step hasty for the evidence shown.") end
                  end,
                  text = "Albania breaks off diplomatic relations with Iran; the embassy has 24 hours." },
      risk = "No channel left to Tehran; retaliation likely; a first for a cyberattack." },
    { id = "expel_some", label = "Expel the diplomats linked to the operation; keep relations",
      effects = { state = { expelled = 1 }, meters = { allies = 2 } },
      risk = "Tehran answers in kind; the channel stays open." },
    { id = "demand", label = "Demand an explanation and reparation; keep the channel open",
      effects = { state = { demand = 1 }, meters = { trust = -2 } },
      risk = "Looks weak at home; keeps the legal path to countermeasures open." },
  },
  expires = 1, default = "demand",
}

event {
  id = "iran_on_severance", after = "council.sever", delay = 0, to = "all", decider = "mfa", channel = "news",
  title = "Tehran: \"ill-considered and short-sighted\"",
  text = "Tehran condemns the break as \"ill-considered and short-sighted\". In Washington, asked " ..
    "about NATO's Article 5, the White House says allies decide for themselves what counts as an " ..
    "armed attack. Police vans gather outside the Iranian embassy.",
  source = { "mehr_2022_09_07", "seed_001", "seed_004" },
  note = "7 Sep 2022: Iran's MFA; White House remark on Article 5 (AFP via UrduPoint). Seed 001 " ..
    "quotes 'a rash and short-sighted act'.",
}

event {
  id = "embassy_burn", after = "council.sever", delay = 1, to = "sis", channel = "intel",
  title = "Smoke over the embassy",
  text = "Overnight, embassy staff burn papers in a metal barrel in the courtyard. Around noon the " ..
    "last of them, about ten people in two cars, drive away. Counter-terrorism police ask for " ..
    "permission to enter the empty building.",
  source = { "reuters_2022_09_08", "seed_004" },
  note = "7-8 Sep 2022: papers burned; last staff left around noon; counter-terrorism police searched " ..
    "the building (Reuters; AP). Iran said on 8 Sep the entry breached the Vienna Convention (IRNA). " ..
    "Under the Vienna Convention, the receiving state must respect mission premises even after a break in relations.",
  options = {
    { id = "search", label = "Search the building", historical = true,
      effects = { state = { searched = 1 }, meters = { foothold = -5 }, deliver = { "vienna_protest" } },
      risk = "Iran will call it a breach of the Vienna Convention." },
    { id = "seal", label = "Seal the building and hand it to a protecting power",
      effects = { meters = { allies = 2 } } },
  },
  expires = 1, default = "seal",
}

event {
  id = "vienna_protest", to = "mfa", channel = "news",
  title = "Tehran cites the Vienna Convention",
  text = "Iran says the police entry into its embassy breached the Vienna Convention on Diplomatic " ..
    "Relations and reserves its right to respond.",
  source = "irna_2022_09_08",
  note = "8 Sep 2022 (IRNA; Sputnik).",
  on_deliver = { meters = { allies = -2 } },
}

event {
  id = "nac_statement", to = "all", decider = "mfa", channel = "news", from_turn = 15,
  when = function(g) return g.state.nac == 1 and named_iran(g) end,
  title = "The North Atlantic Council speaks",
  text = "NATO's North Atlantic Council: \"Allies acknowledge the statements by Albania and other " ..
    "Allies attributing\" the attack to Iran. NATO will consider \"possible collective responses\".",
  source = "nato_2022_09_08",
  note = "8 Sep 2022 (Anadolu via World Bulletin; Tirana Post). 'Acknowledge' is weaker than 'attribute'.",
  on_deliver = { meters = { allies = 5 } },
}

event {
  id = "us_sanctions", to = "all", decider = "mfa", channel = "news", from_turn = 16,
  when = function(g)
    return named_iran(g) and ((g.state.attr_joint or 0) == 1 or
      ((g.state.sanctions_asked or 0) == 1 and g:meter("case") >= 70))
  end,
  title = "US sanctions Iran's intelligence ministry",
  text = "The US Treasury sanctions Iran's Ministry of Intelligence and Security and its minister, " ..
    "Esmail Khatib, under Executive Order 13694, citing the attack on Albania. Treasury says the " ..
    "ministry has run cyber operations since at least 2007.",
  source = { "ofac_2022_09_09", "seed_001" },
  note = "9 Sep 2022 (OFAC via UPI, Willkie).",
  on_deliver = { state = { sanctions = 1 }, meters = { allies = 5, trust = 2 } },
}

event {
  id = "iran_on_sanctions", after = "us_sanctions", delay = 2, to = "all", decider = "mfa", channel = "news",
  title = "Tehran: \"the US is the designer of this scenario\"",
  text = "Iran condemns the US sanctions and says Washington is \"the designer of this scenario\". " ..
    "It rejects any accusation over the new attack on Albania's police.",
  source = "jpost_2022_09_12",
  note = "10-12 Sep 2022 (JPost; Rudaw).",
}

event {
  id = "eu_statement", to = "mfa", channel = "news", from_turn = 16,
  when = function(g) return g.state.eu_asked == 1 and (g.state.attr_level or 0) >= 1 end,
  title = "Brussels expresses solidarity",
  text = "The EU High Representative, Josep Borrell, issues a statement of solidarity with Albania " ..
    "and condemns the attack. It names no country.",
  source = "eu_2022_09_09",
  note = "9 Sep 2022: the EU statement did not name Iran (Eurointegration; Norway alignment text).",
  on_deliver = { meters = { allies = 3 } },
}

-- 21 September: NATO team --------------------------------------------------------------------------
event {
  id = "nato_team", turn = 20, to = "mfa", channel = "email",
  title = "A NATO team in Tirana",
  text = "A NATO team led by James Appathurai arrives in Tirana to discuss support. It can offer " ..
    "cyber-defence experts for the police and government networks, but they will see everything.",
  source = "meritalk_2022_09_21",
  note = "21 Sep 2022 (MeriTalk; SecurityWeek).",
  options = {
    { id = "accept", label = "Accept experts for the police and government networks", historical = true,
      effects = { { state = { nato_help = 1 }, meters = { allies = 4 } },
                  { after = 1, meters = { foothold = -10, border = 15 }, text = "NATO's experts help clean the police network." } } },
    { id = "decline", label = "Thank them; handle it nationally",
      effects = { meters = { allies = -3 } } },
  },
  expires = 1, default = "accept",
}

-- 5 October: Article 5 -----------------------------------------------------------------------------------
event {
  id = "article5", turn = 22, to = "pm", channel = "brief",
  title = "Article 5?",
  text = "Opposition MPs say small countries survive only under NATO's umbrella and ask for Article 5. " ..
    "Your advisers doubt the attacks amount to an armed attack. What do you say?",
  source = { "politico_2022_10_05", "seed_004" },
  note = "5 Oct 2022: Rama said Albania weighed invoking Article 5 and decided against it (Politico). " ..
    "Seed 004: opposition MP Aldo Bumci called for more NATO protection.",
  options = {
    { id = "set_aside", label = "Say we weighed Article 5 and set it aside", historical = true,
      effects = { meters = { allies = 3 } } },
    { id = "invoke", label = "Ask the allies to invoke Article 5",
      effects = { meters = { allies = -15, trust = 3 },
                  text = "Allies answer politely that the threshold of an armed attack is not met." },
      risk = "Allies will not agree; a refusal weakens deterrence." },
    { id = "no_comment", label = "Do not discuss it",
      effects = { meters = { trust = -2 } } },
  },
  expires = 1, default = "no_comment",
}

-- The diplomatic ladder: standing actions of the MFA ----------------------------------------------------
action {
  id = "consult_allies", role = "mfa", label = "Brief the US and UK on the evidence", cost = 1, max_uses = 3,
  text = "Share what is on the board and ask what they see.", historical = { 6, 10 },
  effects = { meters = { allies = 6 }, run = function(g) g.state.briefed = (g.state.briefed or 0) + 1 end,
              text = "Albanian officials brief Washington and London." },
}

action {
  id = "demarche", role = "mfa", label = "Démarche: demand that Tehran explain and stop", cost = 1, max_uses = 1,
  requires = { turn = 4, why = "There is nothing to demand before the first findings." },
  text = "A formal demand delivered to the Iranian embassy. In law, the demand comes before any countermeasure.",
  risk = "Signals suspicion; Tehran will deny.",
  effects = { state = { demand = 1 }, text = "The Iranian embassy receives a formal démarche. It denies any involvement." },
}

action {
  id = "summon_envoy", role = "mfa", label = "Summon the head of the Iranian mission", cost = 1, max_uses = 1,
  requires = { state = { demand = 1 }, why = "Deliver a démarche first." },
  risk = "Public escalation; Tehran may summon in return.",
  effects = { meters = { allies = 2, trust = 2 }, text = "The head of the Iranian mission is summoned to the Ministry." },
}

action {
  id = "notify_offer", role = "mfa", label = "Notify Tehran and offer to negotiate", cost = 1, max_uses = 1,
  requires = function(g)
    if g.state.demand ~= 1 then return false, "Demand that Tehran stop first (démarche)." end
    if not named_iran(g) then return false, "Notice of countermeasures needs a state named as responsible." end
    return true
  end,
  text = "Formal notice that Albania may take countermeasures, with an offer of talks.",
  effects = { state = { notice = 1 }, text = "Tirana notifies Tehran and offers talks. Tehran does not reply." },
}

action {
  id = "expel_diplomats", role = "mfa", label = "Declare Iranian diplomats persona non grata", cost = 1, max_uses = 1,
  requires = { state = { named = "iran" }, why = "Expelling diplomats over the attack needs a public attribution to Iran." },
  risk = "Retorsion, lawful; Tehran will call it hostile and may retaliate.",
  effects = { state = { expelled = 1 }, meters = { allies = 2 },
              text = "Albania expels Iranian diplomats it links to the operation." },
}

action {
  id = "brief_nac", role = "mfa", label = "Brief the North Atlantic Council", cost = 1, max_uses = 1,
  historical = { 14 },
  effects = { state = { nac = 1 }, meters = { allies = 5 }, text = "Albania briefs its NATO allies in the North Atlantic Council." },
}

action {
  id = "request_art4", role = "mfa", label = "Request formal Article 4 consultations", cost = 1, max_uses = 1,
  requires = function(g)
    if g.state.nac ~= 1 then return false, "Brief the North Atlantic Council first." end
    return true
  end,
  risk = "Allies may see it as premature if the case is thin.",
  effects = { state = { art4 = 1 }, run = function(g)
    if g:meter("case") >= 60 then g:add("allies", 5); g:say("Allies consult under Article 4 and pledge help.")
    else g:add("allies", -5); g:say("Allies consult under Article 4 but ask hard questions about the evidence.") end
  end },
}

action {
  id = "ask_eu", role = "mfa", label = "Ask the EU for a statement", cost = 1, max_uses = 1,
  historical = { 14 },
  effects = { state = { eu_asked = 1 }, text = "Tirana asks Brussels for a statement of solidarity." },
}

action {
  id = "ask_sanctions", role = "mfa", label = "Ask allies for sanctions", cost = 1, max_uses = 1,
  requires = function(g)
    if not named_iran(g) then return false, "Allies sanction only a state that has been named." end
    if (g.state.briefed or 0) < 1 then return false, "Brief the US and UK first." end
    return true
  end,
  risk = "Allies sanction only on evidence they find strong.",
  effects = { state = { sanctions_asked = 1 }, text = "Albania asks Washington and London to sanction those responsible." },
}

-- Countermeasures: a standing action of the intelligence service -------------------------------------------
action {
  id = "countermeasure", role = "sis", label = "Disrupt the attackers' servers (countermeasure)", cost = 2, max_uses = 1,
  requires = function(g)
    if not named_iran(g) then return false, "A countermeasure needs a prior wrongful act attributed to a state." end
    if g.state.demand ~= 1 then return false, "International law asks first for a demand that the state stop." end
    if g.state.notice ~= 1 then return false, "International law asks for notice and an offer to negotiate first." end
    return true
  end,
  text = "An act that would otherwise be unlawful, allowed only as a countermeasure.",
  risk = "Escalation; if the attribution proves wrong, Albania is the wrongdoer.",
  effects = { { state = { countermeasure = 1 }, meters = { foothold = -10 } },
              { chance = 0.4, state = { escalated = 1 },
                text = "The operation knocks out attacker servers. Someone notices, and answers.",
                otherwise = { text = "The operation knocks out attacker servers quietly." } } },
}
