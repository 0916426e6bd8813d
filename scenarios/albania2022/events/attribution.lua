-- Problem 2 (decision): what to say about who did it, when, and how sure to sound.
-- state.attr_level: 0 nothing said, 1 technical findings only, 2 "likely", 3 "highly likely",
-- 4 "almost certainly". state.named: "none", "iran" or "russia". state.attr_joint: 1 if with allies.

-- Evidence needed (case meter) for each wording to be honest: ICD 203 / UK PHIA bands, roughly.
local NEEDED = { 0, 40, 60, 80 }
local WORDS = { "technical findings only", "'likely'", "'highly likely'", "'almost certainly'" }

local function attribute(g, level, who, joint)
  local case = g:meter("case")
  g.state.attr_level = level
  g.state.attr_turn = g.turn
  g.state.attr_case = case
  if level == 1 then
    g:add("trust", 3); g:add("allies", 3)
    g:say("AKSHI publishes its technical findings and indicators of compromise; no actor is named.")
    return
  end
  g.state.named = who
  local hint = g.state.hint or "none"
  if hint ~= "none" and hint ~= "another_state" and hint ~= who then
    g:add("trust", -5)
    g:say("Reporters point out that the government's story has changed since July.")
  end
  if joint then
    g.state.attr_joint = 1
    g:add("allies", 15); g:add("trust", 5)
    g:say("Tirana, Washington and London attribute the attack together.")
    return
  end
  if who == "russia" then
    if g.variant == "false_flag" then
      g:add("allies", -3)
      g:say("Moscow calls the claim absurd. Allied capitals say they are studying Albania's findings.")
    else
      g:add("allies", -12); g:add("trust", -6)
      g:say("Moscow calls the claim absurd; allied officials say privately they have seen nothing that points there.")
    end
    return
  end
  if case >= NEEDED[level] then
    g:add("trust", 4); g:add("allies", 3)
    g:say("Albania names Iran, " .. WORDS[level] .. ". Analysts who read the evidence find the wording fair.")
  else
    g:add("trust", -6); g:add("allies", -8)
    g:say("Albania names Iran, " .. WORDS[level] .. ". Journalists and allied diplomats ask for the " ..
      "evidence; what the government can show is thinner than its words.")
  end
end

local function joint_ready(g)
  if (g.state.briefed or 0) < 2 then
    return false, "Washington and London join only a case they have been briefed on at least twice."
  end
  if g:meter("case") < 60 then
    return false, "Allies will not sign their names to a case this weak (case below 60)."
  end
  return true
end

-- Turn 4: the first public line -----------------------------------------------------------------
event {
  id = "first_statement", turn = 4, to = "pm", channel = "phone",
  title = "What do we tell people?",
  text = "Sunday. Government sites are dark and reporters are outside Kryeministria. Some outlets " ..
    "already blame Russian hackers. AKSHI cannot yet say what was taken. The spokesperson needs " ..
    "a line for the evening news.",
  source = { "exit_2022_07_17", "securityaffairs_2022_07", "intellinews_2022_07" },
  note = "17-18 Jul 2022: the government called the attack 'synchronized ... from outside Albania' " ..
    "and said the data was safe; some media blamed Russia (Exit.al, Security Affairs, Intellinews). " ..
    "Earlier domestic leaks (about 910k voter records, Apr 2021; about 700k salary records, Dec 2021; " ..
    "ACQJ, AFP) were not cyberattacks but shape how the public hears 'the data is safe'.",
  on_deliver = { cards = { "russia_rumour" }, meters = { case = -5 } },
  options = {
    { id = "data_safe", label = "\"A synchronized attack from outside Albania. Data is safe.\"",
      text = "Reassure citizens now.", historical = true,
      effects = { meters = { trust = 5 }, state = { said_safe = 1 } },
      risk = "If stolen data surfaces, these words will be quoted back." },
    { id = "honest", label = "\"An attack from outside. We are checking what was taken.\"",
      effects = { meters = { trust = -2 }, state = { said_safe = 0 } } },
    { id = "quiet", label = "\"A technical outage. Services will return soon.\"",
      effects = { meters = { trust = -4 }, state = { said_safe = 1 } },
      risk = "Calling an attack an outage is a claim that can be disproved." },
  },
  expires = 1, default = "honest",
}

-- Turn 6: the Prime Minister's press conference ----------------------------------------------------
event {
  id = "press_conference", turn = 6, to = "pm", channel = "brief",
  title = "The Prime Minister faces the press",
  text = "Wednesday. The press conference is at noon. Rumours say the attackers want €30 million; " ..
    "commentators name Russia, others Iran, others bored teenagers. Your advisers have no " ..
    "forensic report yet. What does the Prime Minister say about who did this?",
  source = "exit_2022_07_20",
  note = "About 19-20 Jul 2022 Rama said 'another state' organized the attack, spoke of 'two " ..
    "countries that we strongly suspect' without naming them, and denied rumours of a €30m ransom (Exit.al).",
  on_deliver = { cards = { "ransom_rumour" }, meters = { case = -5 } },
  options = {
    { id = "another_state", label = "\"Another state organized this. No ransom was asked or paid.\"",
      text = "Point at a state without naming it.", historical = true,
      effects = { meters = { trust = 2 }, state = { hint = "another_state" } } },
    { id = "name_iran", label = "Name Iran now",
      text = "Say Iran is likely behind it, before any forensic report.",
      effects = { run = function(g) attribute(g, 2, "iran", false) end },
      risk = "An early claim on little evidence; it may invite retaliation." },
    { id = "name_russia", label = "Say Russia is the main suspect",
      effects = { meters = { trust = 1 }, state = { hint = "russia" } },
      risk = "Echoes the media; if the evidence points elsewhere, the story will have to change." },
    { id = "criminals", label = "\"Criminals, not a state.\"",
      effects = { state = { hint = "criminal" } },
      risk = "Downplays the attack; hard to walk back if a state is behind it." },
  },
  expires = 1, default = "another_state",
}

-- Turn 13 (or later): the attribution package ----------------------------------------------------
event {
  id = "attribution_package", to = "pm", channel = "brief", from_turn = 13,
  when = function(g) return (g.state.attr_level or 0) <= 1 end,
  title = "The attribution decision",
  text = "Sunday 4 September. SIS and AKSHI put the case file on your desk; the evidence board " ..
    "shows what you have. Washington and London ask what Albania intends to say, and when. " ..
    "How far do you go, and with whom?",
  source = { "seed_002", "seed_003", "rid_buchanan_2015", "icd203", "uk_phia" },
  note = "Albania, the US and the UK attributed on 7 Sep 2022. Public wording: Mandiant 'moderate " ..
    "confidence' (4 Aug), UK 'almost certainly', US 'concluded' (7 Sep), Microsoft 'high confidence' " ..
    "(8 Sep), NATO 'acknowledge' (8 Sep), EU named no one (9 Sep). ICD 203: likely 55-80%, very " ..
    "likely 80-95%, almost certain 95-99%. Rid and Buchanan: 'attribution is what states make of it'.",
  options = {
    { id = "silent", label = "Say nothing yet; keep investigating",
      effects = { text = "The government keeps its counsel; the press keeps asking." } },
    { id = "technical", label = "Publish technical findings only",
      requires = function(g) if (g.state.attr_level or 0) >= 1 then return false, "Already published." end return true end,
      effects = { run = function(g) attribute(g, 1, "none", false) end } },
    { id = "likely", label = "Name Iran: \"likely\"",
      effects = { run = function(g) attribute(g, 2, "iran", false) end },
      risk = "Invites retaliation; too weak a word may not move allies." },
    { id = "highly_likely", label = "Name Iran: \"highly likely\"",
      effects = { run = function(g) attribute(g, 3, "iran", false) end },
      risk = "Invites retaliation; must be backed by the evidence." },
    { id = "almost_certain", label = "Name Iran alone: \"almost certainly\"",
      effects = { run = function(g) attribute(g, 4, "iran", false) end },
      risk = "Invites retaliation; alone, Albania carries the whole burden of proof." },
    { id = "joint", label = "Attribute to Iran jointly with the US and UK on 7 September",
      text = "A coordinated announcement with allied statements the same day.", historical = true,
      requires = joint_ready,
      effects = { run = function(g) attribute(g, 4, "iran", true) end },
      risk = "Invites retaliation (CISA later judged the September wave likely retaliation for public attribution)." },
    { id = "russia_likely", label = "Name Russia: \"likely\"",
      effects = { run = function(g) attribute(g, 2, "russia", false) end },
      risk = "Must be backed by evidence on the board; allies will check." },
  },
  expires = 2, default = "silent",
}

event {
  id = "allied_statements", after = "attribution_package.joint", delay = 1, to = "all", decider = "mfa",
  channel = "news",
  title = "Washington and London speak",
  text = "The White House says the United States has \"concluded that the Government of Iran " ..
    "conducted\" the attack and the hack-and-leak, calls it a \"troubling precedent\" and promises " ..
    "\"further action\". London says Iranian state-linked actors are \"almost certainly\" " ..
    "responsible and that the Prime Minister's and the Foreign Ministry's emails were leaked.",
  source = { "nsc_2022_09_07", "ukfcdo_2022_09_07", "seed_000", "seed_003" },
  note = "7 Sep 2022: US NSC (Adrienne Watson) and UK FCDO/NCSC statements; Foreign Secretary " ..
    "Cleverly: 'We join Albania and other allies in exposing Iran's unacceptable actions' (seed 000).",
  on_deliver = { meters = { allies = 5, trust = 3 } },
}

event {
  id = "allies_cautious", to = "mfa", channel = "email", from_turn = 5,
  when = function(g) return g.state.named == "iran" and (g.state.attr_level or 0) >= 2 and (g.state.attr_joint or 0) == 0 end,
  title = "Allies are 'studying Albania's findings'",
  text = "Washington and London say they support Albania and are studying its findings. Neither " ..
    "repeats the accusation. An allied diplomat asks, off the record, what Albania actually has.",
  source = "fiction",
  note = "Invented: allies' reaction to an Albanian attribution made without them. Historically " ..
    "the US and UK attributed on the same day as Albania.",
}

event {
  id = "iran_denial", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  when = function(g) return g.state.named == "iran" and (g.state.attr_level or 0) >= 2 end,
  title = "Tehran: \"baseless\"",
  text = "Iran's foreign ministry spokesman Nasser Kanaani calls the accusations \"baseless\". " ..
    "\"As one of the countries that have been subject to cyber attacks on its critical " ..
    "infrastructure,\" he says, Iran condemns any use of cyberspace to attack other countries. " ..
    "He says Albania is influenced by third parties who support terrorism.",
  source = { "mehr_2022_09_07", "seed_004", "seed_000" },
  note = "7 Sep 2022: Kanaani called the claims 'baseless' (Mehr; seed 004).",
}

event {
  id = "moscow_denial", to = "mfa", channel = "news", from_turn = 2,
  when = function(g) return g.state.named == "russia" end,
  title = "Moscow: \"absurd\"",
  text = "Russia's foreign ministry calls Albania's accusation absurd and a sign of its " ..
    "subservience to Washington. Russian state media run the story for a day.",
  source = "fiction",
  note = "Invented: only reached by naming Russia.",
}

-- Standing actions of the Prime Minister's Office --------------------------------------------------
action {
  id = "attribute_now", role = "pm", label = "Make a public attribution now", cost = 2, max_uses = 1,
  text = "Revisit the attribution decision: say it today, alone, at the level you choose.",
  targets = {
    { id = "technical", label = "Technical findings only" },
    { id = "likely", label = "Iran, \"likely\"" },
    { id = "highly_likely", label = "Iran, \"highly likely\"" },
    { id = "almost_certain", label = "Iran, \"almost certainly\"" },
  },
  requires = function(g)
    if (g.state.attr_level or 0) >= 2 then return false, "Albania has already named a state." end
    if not (g:chosen("attribution_package.silent") or g:chosen("attribution_package.technical")) then
      return false, "The Council of Ministers takes the attribution decision first (from 4 September)."
    end
    return true
  end,
  risk = "Alone and early: retaliation, and the burden of proof is Albania's.",
  effects = { run = function(g)
    local lv = { technical = 1, likely = 2, highly_likely = 3, almost_certain = 4 }
    local level = lv[g.target] or 1
    if level <= (g.state.attr_level or 0) then
      g:say("The statement adds nothing to what Albania has already said.")
      return
    end
    attribute(g, level, level >= 2 and "iran" or "none", false)
  end },
}

action {
  id = "correct_record", role = "pm", label = "Correct the record on the stolen data", cost = 1, max_uses = 1,
  text = "Say publicly that data was taken and that earlier reassurances were wrong.",
  requires = { state = { said_safe = 1, corrected = 0 }, why = "There is no earlier reassurance to correct." },
  effects = { meters = { trust = -3 }, state = { corrected = 1 },
              text = "The government admits that data was stolen and that its first reassurance was premature." },
  risk = "Costs face now; saves more when the leaks come.",
}

action {
  id = "address_nation", role = "pm", label = "Give a straight public briefing", cost = 1, max_uses = 5,
  text = "Explain what is known, what is not, and what citizens should do.",
  effects = { run = function(g)
    if g.state.said_safe == 1 and g.state.leaked == 1 and g.state.corrected == 0 then
      g:add("trust", -2)
      g:say("Every question is about the data that was supposedly safe.")
    else
      g:add("trust", 3)
      g:say("The briefing is calm and specific; it plays well.")
    end
  end },
}

-- Turn 10: the first industry report ---------------------------------------------------------------
event {
  id = "mandiant_report", turn = 10, to = "all", decider = "akshi", channel = "news",
  title = "Mandiant publishes on ROADSWEEP",
  text = "The security firm Mandiant publishes the first public analysis of the July attack: the " ..
    "ransomware, a backdoor and a wiper. It states its confidence about who benefits. Every " ..
    "newsroom in Tirana has the link.",
  source = { "mandiant_2022_08_04", "seed_002" },
  note = "4 Aug 2022: Mandiant, 'moderate confidence' the actors support Iranian goals (AP/KESQ; " ..
    "Industrial Cyber). Seed 002: 'Even as Russia at first suspects, Mandiant alleged ... Iran was the " ..
    "likely culprit'. Same day AKSHI reported 1,214 of 1,225 services back (ATA); seed 004's 1,118 " ..
    "is unsourced and not used.",
  on_deliver = { cards = { "mandiant_public" }, meters = { case = 10 } },
}
