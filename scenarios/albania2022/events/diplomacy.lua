-- Problem 3: the diplomatic ladder, allies, NATO, the EU and Iran's answers.
-- Retorsion (unfriendly but lawful: démarche, summoning, expulsion, severing relations) needs no
-- legal precondition. Countermeasures (otherwise unlawful acts) need a prior wrongful act
-- attributed to a state, a demand to stop, and notice with an offer to negotiate (CCDCOE; Tallinn 2.0).
-- What allies, NATO and the US say follows what happened: a statement of 2022 whose premise
-- is false in this game (allies attributing with Albania, a US conclusion about Iran) does not
-- happen, and a wrong attribution unravels.

local named_iran = A22.named_iran

-- The MEK summit (21-22 July) -----------------------------------------------------------------------
event {
  id = "summit_warning", turn = 7, to = "sis", channel = "intel",
  title = "A warning about the Free Iran summit",
  text = "The US Embassy warns of a possible threat to the Free Iran World Summit, due on 23–24 " ..
    "July at the MEK camp at Manëz, with more than 35 US lawmakers expected. The organisers ask " ..
    "what the government advises.",
  source = { "ap_2022_07_22", "thenational_2022_09_08", "afp_2022_09_10", "ap_2022_09_07" },
  note = "21-22 Jul 2022: the US Embassy warned of a threat to the summit; on 22 Jul the NCRI " ..
    "postponed it on the Albanian government's recommendation (AP; The National). The MEK was " ..
    "founded in 1965 to oppose the US-backed Shah Mohammad Reza Pahlavi, fought in the 1970s, " ..
    "backed Ayatollah Ruhollah Khomeini in 1979 but soon broke with the new authorities, and " ..
    "sided with Iraq in the Iran-Iraq war; the EU, Canada, the US and Japan listed it as a " ..
    "terrorist group and later lifted the designation; the US gave it protection under the " ..
    "Geneva Convention in 2004 (Exit News; AFP). The MEK " ..
    "regularly holds summits in Albania with the support of US Republicans: former Vice President " ..
    "Mike Pence gave the keynote in June 2022 (AFP). One AP reprint says the conference was 'a " ..
    "week before the cyberattack'; it was scheduled for 23 Jul, after it, and the game follows " ..
    "the scheduled dates.",
  on_deliver = { cards = { "summit_timing", "mek_context", "expulsion_2018" } },
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
  source = { "ap_2022_07_22", "afp_2022_09_10", "ap_2022_09_07" },
  note = "22 Jul 2022 (AP). AFP: a month after Pence's keynote the group 'postponed another " ..
    "summit, citing unspecified security threats'; AP: the organisers 'abruptly canceled the " ..
    "event citing the possibility of terrorist attacks'.",
}

event {
  id = "summit_held", to = "all", decider = "sis", channel = "news", from_turn = 8,
  when = function(g) return g.state.summit == "held" end,
  title = "The summit goes ahead",
  text = "Delegates arrive at Manëz under police escort. Security is tight and the guests are " ..
    "loud in their thanks to Albania.",
  source = "fiction", historical = false,
  note = "Invented branch: historically the summit was postponed on 22 Jul 2022.",
  on_deliver = { chance = 0.3, meters = { trust = -6, allies = -2 },
                 text = "A drone over the camp and a bomb hoax at the hotel dominate the coverage.",
                 otherwise = { meters = { allies = 2 }, text = "The summit passes without incident." } },
}

-- Private attribution: what Albania's analysts conclude, told to Washington and London -----------
action {
  id = "share_assessment", role = "mfa", label = "Brief the US and UK privately on our assessment",
  cost = 1,
  text = "Tell Washington and London, in confidence, what SIS's matrix concludes today and how " ..
    "sure it is. Their analysts compare it with what they see.",
  historical = { 6, 10 },
  risk = "An assessment that runs ahead of the evidence costs credibility with the people who " ..
    "must later stand beside Albania.",
  effects = { run = function(g)
    local lead, likely = g:assessment("evidence")
    local real, real_likely = A22.evidence(g)
    g.state.briefed = (g.state.briefed or 0) + 1
    g.state.private_named = lead or "none"
    g.state.private_level = lead and likely or 0
    if not lead then
      g:add("allies", 2)
      g:say("Albanian officials share what they have so far; the allies note there is no conclusion yet.")
    elseif not real then
      g:add("allies", -2)
      g:say("Allied analysts see no basis yet for the conclusion Albania's officials put to them.")
    elseif lead ~= real then
      g:add("allies", -4)
      g:say("Allied analysts read the same evidence differently, and say so.")
    elseif likely > real_likely then
      g:add("allies", 1)
      g:say("The allies agree on whom, but think Albania's analysts are surer than the evidence allows.")
    else
      g:add("allies", 6)
      g:say("Washington and London find Albania's assessment careful and credible.")
    end
  end },
}

-- Late August: the allies ask for the file (invented: no source says they asked) ------------------
event {
  id = "washington_asks", turn = 12, to = "mfa", channel = "email", historical = false,
  title = "Washington asks for the case file",
  text = "US government experts have been in Tirana for weeks, working with the private partners. " ..
    "Washington now asks for Albania's full case file, including the intelligence, before it " ..
    "decides what it will say in public.",
  source = { "galactik_2022_09_07", "ap_2022_09_07", "fiction" },
  note = "Invented as a request: 'for weeks, the US government has been on the ground in Albania' " ..
    "(Galactik Views) and 'Albania's NATO allies have been informed of the investigation' (AP), " ..
    "but no report says Washington asked for the file. The historical path shares it, so that " ..
    "the allies are briefed as they were.",
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

-- The Council of Ministers: after a public naming of Iran, whenever it comes -----------------------
event {
  id = "council", to = { "pm", "mfa" }, decider = "pm", channel = "brief", from_turn = 2,
  when = named_iran,
  title = "The Council of Ministers decides",
  text = "Albania has said publicly that Iran is behind the attack. The Council of Ministers meets " ..
    "to decide what follows from it. The Iranian embassy is 200 metres from Kryeministria.",
  source = { "reuters_2022_09_07", "afp_2022_09_10", "ap_2022_09_07", "galactik_2022_09_07", "ccdcoe_toolkit" },
  note = "7 Sep 2022, the first time Tirana spoke of who was behind the attack (AFP): Albania was " ..
    "attacked 'in an attempt to destroy' its digital infrastructure, 'paralyse public services, " ..
    "and hack data and electronic communications' (Galactik Views); AP's reprint speaks of 'a " ..
    "week-long investigation' (the attack was 54 days earlier). In a video statement Rama said \"The Council of Ministers has decided to " ..
    "immediately break off diplomatic relations with the Islamic Republic of Iran\" (AFP), gave " ..
    "all embassy staff 24 hours to leave in an official notice to the embassy naming 'all " ..
    "diplomatic, technical, administrative, and security personnel' (Galactik Views), called the " ..
    "response 'extreme' but 'fully proportionate to the severity and risk' (AP; Reuters). AP " ..
    "reported Iran 'has not yet responded' and that this may be the first time a country took " ..
    "such a step over a cyberattack; Toby Lewis of Darktrace (spelt 'Toby Lues' in the AP reprint): " ..
    "'one of the strongest responses we've seen to a cyberattack in many years', adding that " ..
    "the 'final link' from contractors to the Iranian regime 'comes from the intelligence " ..
    "community'. Some sources date the severance 6 Sep; Reuters says 7 Sep. Severing relations " ..
    "is retorsion: lawful.",
  options = {
    { id = "sever", label = "Sever relations with immediate effect; 24 hours to leave",
      text = "All diplomatic, technical, administrative and security staff must leave.", historical = true,
      effects = { state = { severed = 1 },
                  run = function(g)
                    if A22.support(g, "iran") >= 2 then g:add("allies", 5); g:add("trust", 4)
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

-- The same video statement: how much damage does the government admit? ----------------------------
event {
  id = "damage_line", after = "council", delay = 0, to = "pm", channel = "brief",
  title = "What was the damage?",
  text = "The Prime Minister's statement must also say how bad the attack was. AKSHI's count of " ..
    "services is on the dashboard; nobody knows yet everything that was copied.",
  source = { "afp_2022_09_10", "ap_2022_09_07", "microsoft_2022_09_08" },
  note = "7 Sep 2022: \"This attack did not achieve its goal. The damage can be considered minimal " ..
    "compared to the goals of the aggressor. All systems returned to a fully functional state and " ..
    "no permanent data wipe occurred\" (AFP); Rama called the attack 'a failure that caused " ..
    "minimal damage' (AP). Microsoft reported less than 10% of the environment affected.",
  options = {
    { id = "minimal", label = "\"Minimal damage: all back, no data permanently wiped\"",
      historical = true,
      effects = { state = { damage_claim = 1 }, meters = { trust = 3 },
                  run = function(g)
                    if g:meter("services") < 95 then
                      g.state.false_claims = (g.state.false_claims or 0) + 1
                      g:add("trust", -8)
                      g:say("Citizens still queue for services the government says are back; the claim is checked and fails.")
                    end
                  end },
      risk = "'All systems' is a claim anyone at a counter can check, and the leaks are not over." },
    { id = "measured", label = "\"Services are back; we are still checking what was copied\"",
      effects = { meters = { trust = 1 } } },
  },
  expires = 1, default = "measured",
}

-- The ruling party's MP on Al Arabiya, the same day ---------------------------------------------
event {
  id = "balla_interview", after = "council.sever", delay = 0, to = "pm", channel = "news",
  title = "\"We are 100 percent convinced\"",
  text = "Taulant Balla, a member of parliament for the governing party, tells Al Arabiya that the " ..
    "security services have identified the Iranian groups responsible: four groups, one of them " ..
    "involved in attacks on friendly countries. \"We are 100 percent convinced that Iran is " ..
    "behind this failed cyberattack.\" Reporters ask whether the government goes that far.",
  source = "alarabiya_2022_09_07",
  note = "7 Sep 2022 (Al Arabiya): Balla named Saudi Arabia, the UAE, Israel and Kuwait as the other " ..
    "victims (Rama named six: Israel, Saudi Arabia, the UAE, Jordan, Kuwait and Cyprus; " ..
    "Microsoft: Jordan, Kuwait, the UAE among others). He added: 'We would love to see Iran " ..
    "changing its orientation of the last decade, becoming a democracy, and stopping sponsoring " ..
    "any kind of terrorism.'",
  options = {
    { id = "let_stand", label = "Let it stand", historical = true,
      effects = { run = function(g)
        g.state.balla = 1
        if A22.support(g, "iran") < 3 then
          g:add("allies", -2)
          g:say("Analysts note that 'one hundred percent' is more than any intelligence service claims.")
        end
      end } },
    { id = "wording", label = "Keep to the assessed wording in public",
      effects = { meters = { trust = 1 }, text = "The spokesperson repeats the government's own wording." } },
  },
  expires = 1, default = "let_stand",
}

-- The opposition, the same evening ------------------------------------------------------------------
event {
  id = "bumci_nato", after = "council.sever", delay = 0, to = "pm", channel = "news",
  title = "The opposition: \"we are protected by NATO\"",
  text = "Opposition Democratic Party MP Aldo Bumci calls for more support and protection from " ..
    "NATO: \"Small countries cannot withstand attacks; we are protected by NATO.\" He adds that " ..
    "if Albania had not sheltered the MEK, it would not have been attacked.",
  source = "exit_2022_09_07",
  note = "7 Sep 2022, as the Iranian diplomats prepared to leave (Exit News). What the government " ..
    "answered is not reported; the options are the game's.",
  options = {
    { id = "stand_by_mek", label = "Stand by sheltering the MEK, a promise kept to allies",
      effects = { meters = { allies = 2, trust = 1 } } },
    { id = "review_mek", label = "Promise to review the MEK's presence",
      effects = { meters = { allies = -8, trust = 2 },
                  text = "Allies read it as the attacker getting what it wanted." },
      risk = "Rewards the attack's stated motive." },
    { id = "ask_nato", label = "Agree, and ask NATO for more support",
      effects = { meters = { allies = 1 }, state = { nac = 1 },
                  text = "Albania asks its allies in the North Atlantic Council for support." } },
  },
  expires = 1, default = "stand_by_mek",
}

event {
  id = "iran_on_severance", after = "council.sever", delay = 0, to = "all", decider = "mfa", channel = "news",
  title = "Tehran: \"ill-considered and short-sighted\"",
  text = "Tehran condemns the break as \"ill-considered and short-sighted\". In Washington, asked " ..
    "about NATO's Article 5, the White House says allies decide for themselves what counts as an " ..
    "armed attack. Police vans gather outside the Iranian embassy.",
  source = { "mehr_2022_09_07", "afp_2022_09_10", "exit_2022_09_07" },
  note = "7 Sep 2022: Iran's MFA; White House remark on Article 5 (AFP via UrduPoint). AFP quotes " ..
    "'a rash and short-sighted act'; Exit News saw the increased police presence outside the embassy.",
}

event {
  id = "embassy_burn", after = "council.sever", delay = 1, to = "sis", channel = "intel",
  title = "Smoke over the embassy",
  text = "Overnight, embassy staff burn papers in a metal barrel in the courtyard. Around noon the " ..
    "last of them, about ten people in two cars, drive away. Counter-terrorism police ask for " ..
    "permission to enter the empty building.",
  source = { "reuters_2022_09_08", "exit_2022_09_07" },
  note = "7-8 Sep 2022: papers burned (Exit News was on the scene and saw the smoke); last staff " ..
    "left around noon; counter-terrorism police searched the building (Reuters; AP). Iran said on " ..
    "8 Sep the entry breached the Vienna Convention (IRNA). Under the Vienna Convention, the " ..
    "receiving state must respect mission premises even after a break in relations.",
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

-- NATO: what the Council says depends on who attributed ------------------------------------------
event {
  id = "nac_statement", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  when = function(g) return g.state.nac == 1 and named_iran(g) and (g.state.attr_joint or 0) == 1 end,
  title = "The North Atlantic Council speaks",
  text = "NATO's North Atlantic Council: \"Allies acknowledge the statements by Albania and other " ..
    "Allies attributing\" the attack to Iran. NATO will consider \"possible collective responses\".",
  source = { "nato_2022_09_08", "afp_2022_09_10" },
  note = "8 Sep 2022 (Anadolu via World Bulletin; Tirana Post). 'Acknowledge' is weaker than " ..
    "'attribute'. Albania became a reliable ally of the US after the fall of communism in the " ..
    "early 1990s and joined NATO in 2009 (AFP).",
  on_deliver = { meters = { allies = 5 } },
}

event {
  id = "nac_statement_solo", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  historical = false,
  when = function(g)
    return g.state.nac == 1 and A22.named(g) and (g.state.attr_joint or 0) == 0
  end,
  title = "The North Atlantic Council expresses solidarity",
  text = "NATO's North Atlantic Council condemns the cyberattack on Albania and expresses " ..
    "solidarity with an ally. It takes note of Albania's statement and attributes the attack to no one.",
  source = "fiction",
  note = "Invented: historically the Council acknowledged the statements of Albania 'and other " ..
    "Allies' (8 Sep 2022); here Albania attributed alone, so no other ally's statement exists to acknowledge.",
  on_deliver = { meters = { allies = 2 } },
}

-- The US sanctions MOIS only on its own conclusion that Iran did it ---------------------------------
event {
  id = "us_sanctions", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  when = function(g)
    if not named_iran(g) or A22.culprit(g) ~= "iran" or A22.support(g, "iran") < 2 then return false end
    if g.turn < (g.state.attr_turn or 0) + 3 then return false end -- Treasury takes two days
    return (g.state.attr_joint or 0) == 1 or (g.state.sanctions_asked or 0) == 1
  end,
  title = "US sanctions Iran's intelligence ministry",
  text = "The US Treasury sanctions Iran's Ministry of Intelligence and Security and its minister, " ..
    "Esmail Khatib, under Executive Order 13694, citing the attack on Albania. Treasury says the " ..
    "ministry has run cyber operations since at least 2007.",
  source = { "ofac_2022_09_09", "afp_2022_09_10" },
  note = "9 Sep 2022, Friday (OFAC via UPI, Willkie; AFP). The 'since at least 2007' is Treasury's " ..
    "statement about MOIS.",
  on_deliver = { state = { sanctions = 1 }, meters = { allies = 5, trust = 2 } },
}

event {
  id = "iran_on_sanctions", after = "us_sanctions", delay = 2, to = "all", decider = "mfa", channel = "news",
  title = "Tehran: \"the US is the designer of this scenario\"",
  text = "Iran condemns the US sanctions and says Washington is \"the designer of this scenario\". " ..
    "It rejects any accusation over the new attack on Albania's police.",
  source = "jpost_2022_09_10",
  note = "10-12 Sep 2022 (The Jerusalem Post; Rudaw).",
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

-- A wrong attribution unravels ---------------------------------------------------------------------
event {
  id = "doubts_surface", to = { "mfa", "sis" }, decider = "mfa", channel = "intel", from_turn = 2,
  historical = false,
  when = function(g) return A22.named_wrong(g) and g.turn >= (g.state.attr_turn or 0) + 2 end,
  title = "A partner service disagrees",
  text = "A partner service tells SIS, and then Washington, that its own sources point away from " ..
    "the state Albania named. Allied officials stop repeating Albania's accusation; one asks " ..
    "whether Tirana will correct it before the press finds out.",
  source = "fiction",
  note = "Invented: what follows an attribution the evidence does not carry. Historically the US " ..
    "and UK attributed with Albania and their agencies published the same conclusion.",
  on_deliver = { meters = { allies = -10 }, run = function(g) A22.contradiction(g) end },
  options = {
    { id = "stand_by", label = "Stand by the accusation",
      effects = { meters = { allies = -5 } },
      risk = "If the contradiction becomes public, Albania's word is worth less next time." },
    { id = "soften", label = "Say the investigation continues and soften the wording",
      effects = { meters = { trust = -4, allies = 3 }, state = { retracted = 1 } } },
    { id = "withdraw", label = "Withdraw the accusation publicly",
      effects = { meters = { trust = -10, allies = 6 }, state = { retracted = 2 },
                  text = "The government withdraws its accusation and says the investigation goes on." } },
  },
  expires = 1, default = "stand_by",
}

event {
  id = "allies_withdraw", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  historical = false,
  when = function(g)
    return A22.named_wrong(g) and (g.state.retracted or 0) == 0 and g.turn >= (g.state.attr_turn or 0) + 4
  end,
  title = "Washington: \"our findings differ\"",
  text = "Asked about Albania's attribution, a US official says American agencies have reached " ..
    "different conclusions and will publish their own. London declines to comment. The " ..
    "Albanian government's claim is now a story about the Albanian government.",
  source = "fiction",
  note = "Invented: the end of an attribution the evidence did not carry.",
  on_deliver = { meters = { allies = -15, trust = -8 },
                 run = function(g) g.state.false_claims = (g.state.false_claims or 0) + 1 end },
}

-- 21 September: NATO team --------------------------------------------------------------------------
event {
  id = "nato_team", turn = 20, to = "mfa", channel = "email",
  title = "A NATO team in Tirana",
  text = "A NATO team led by James Appathurai arrives in Tirana to discuss support. It can offer " ..
    "cyber-defence experts for the police and government networks, but they will see everything.",
  source = "meritalk_2022_09_21",
  note = "21 Sep 2022: a NATO team led by Deputy Assistant Secretary General James Appathurai " ..
    "visited Tirana to offer political and practical support (MeriTalk; SecurityWeek). What " ..
    "Albania accepted is not reported: no option here is marked as history.",
  options = {
    { id = "accept", label = "Accept experts for the police and government networks",
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
  text = "Reporters ask whether Albania considered invoking NATO's Article 5, the alliance's " ..
    "collective defence clause. Your advisers doubt the attacks amount to an armed attack. What do you say?",
  source = "politico_2022_10_05",
  note = "5 Oct 2022: Rama said Albania weighed invoking Article 5 and decided against it (Politico).",
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
  requires = function(g)
    if not named_iran(g) then return false, "Expelling diplomats over the attack needs a public attribution to Iran." end
    if g.state.severed == 1 then return false, "Relations are severed: nobody is left to expel." end
    return true
  end,
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
    if A22.named_right(g) and A22.support(g, g.state.named) >= 2 then
      g:add("allies", 5); g:say("Allies consult under Article 4 and pledge help.")
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
