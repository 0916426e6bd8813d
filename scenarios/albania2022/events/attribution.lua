-- Problem 2 (decision): what to say about who did it, when, to whom, and how sure to sound.
-- state.attr_level: 0 nothing said, 1 technical findings only, 2 "likely", 3 "highly likely",
-- 4 "almost certainly". state.named: "none", "iran", "russia" or "criminal". state.attr_joint:
-- 1 if with allies. state.attr_support: the likelihood the revealed evidence really gave the
-- named actor when it was named (lib.lua); state.attr_evidence: the hypothesis that evidence
-- pointed to then. Nothing here waits for a date: the Council of Ministers' 7 September decision
-- is what the historical path plays, and any turn from the first statement on may be the day.

local LEVEL = { likely = 2, highly_likely = 3, almost_certain = 4 }
local WHO = A22.WHO

-- The public's and the allies' reading of a naming: it follows what the evidence then showed.
local function judge(g, level, who)
  local support = g.state.attr_support
  local lead = g.state.attr_evidence
  if lead ~= "none" and lead ~= who then
    g:add("allies", -12); g:add("trust", -6)
    g:say("Allied officials say privately that what they have seen points elsewhere.")
  elseif support >= level - 1 then
    g:add("trust", 4); g:add("allies", 3)
    g:say("Analysts who read the evidence find the wording fair.")
  elseif support == level - 2 then
    g:add("allies", -3)
    g:say("Allied diplomats ask for more than the government has shown so far.")
  else
    g:add("trust", -6); g:add("allies", -8)
    g:say("Journalists and allied diplomats ask for the evidence; what the government can show " ..
      "is thinner than its words.")
  end
end

-- Say it in public. level 1 is technical findings only; who is "iran", "russia" or "criminal".
function A22.attribute(g, level, who, joint)
  local lead, likely = A22.evidence(g)
  g.state.attr_level = level
  g.state.attr_turn = g.turn
  g.state.attr_evidence = lead or "none"
  if level == 1 then
    g.state.attr_support = 0
    g:add("trust", 3); g:add("allies", 3)
    g:say("AKSHI publishes its technical findings and indicators of compromise; no actor is named.")
    return
  end
  g.state.named = who
  g.state.attr_support = lead == who and likely or 0
  local hint = g.state.hint or "none"
  if hint ~= "none" and hint ~= "another_state" and hint ~= who then
    g:add("trust", -5)
    g:say("Reporters point out that the government's story has changed since July.")
  end
  g:say("Albania names " .. WHO[who] .. ", " .. A22.WORDS[level] .. (joint and ", with Washington and London." or "."))
  if joint then
    g.state.attr_joint = 1
    g:add("allies", 15); g:add("trust", 5)
    return
  end
  judge(g, level, who)
  if who == "russia" and A22.culprit(g) == "russia" then g:add("allies", -3) end
end

local function not_named(g)
  if A22.named(g) then return false, "Albania has already named who did it." end
  return true
end

-- Turn 4: the first public line -----------------------------------------------------------------
event {
  id = "first_statement", turn = 4, to = "pm", channel = "phone",
  title = "What do we tell people?",
  text = "Sunday. Government sites are dark and reporters are outside Kryeministria. Some outlets " ..
    "already blame Russian hackers. AKSHI cannot yet say what was taken. The spokesperson needs " ..
    "a line for the evening news.",
  source = { "exit_2022_07_17", "securityaffairs_2022_07", "intellinews_2022_07", "acqj_2021" },
  note = "17-18 Jul 2022: the government called the attack 'synchronized ... from outside Albania' " ..
    "and said the data was safe; some media blamed Russia (Exit News, Security Affairs, " ..
    "Intellinews). Earlier domestic leaks (about 910k voter records, Apr 2021; about 700k salary " ..
    "records, Dec 2021; ACQJ, AFP) were not cyberattacks but shape how the public hears 'the data is safe'.",
  on_deliver = { cards = { "russia_rumour" } },
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
    "commentators name Russia, others Iran, others bored teenagers. Look at the evidence board " ..
    "before you answer: what can the government say about who did this?",
  source = "exit_2022_07_20",
  note = "About 19-20 Jul 2022 Rama said 'another state' organized the attack, spoke of 'two " ..
    "countries that we strongly suspect' without naming them, and denied rumours of a €30m ransom (Exit News).",
  on_deliver = { cards = { "ransom_rumour" } },
  options = {
    { id = "another_state", label = "\"Another state organized this. No ransom was asked or paid.\"",
      text = "Point at a state without naming it.", historical = true,
      effects = { meters = { trust = 2 }, state = { hint = "another_state" } } },
    { id = "name_iran", label = "Name Iran now: \"likely\"",
      text = "Say Iran is likely behind it, on what the board shows today.",
      requires = not_named,
      effects = { run = function(g) A22.attribute(g, 2, "iran", false) end },
      risk = "Judged against the evidence on the board today; it may invite retaliation." },
    { id = "name_russia", label = "Say Russia is the main suspect",
      effects = { meters = { trust = 1 }, state = { hint = "russia" } },
      risk = "Echoes the media; if the evidence points elsewhere, the story will have to change." },
    { id = "criminals", label = "\"Criminals, not a state.\"",
      effects = { state = { hint = "criminal" } },
      risk = "Downplays the attack; hard to walk back if a state is behind it." },
  },
  expires = 1, default = "another_state",
}

-- Turn 13 (4 September), unless Albania has already named someone: the case file -----------------
event {
  id = "attribution_package", to = "pm", channel = "brief", from_turn = 13,
  when = function(g) return not A22.named(g) end,
  title = "The case file is on your desk",
  text = "SIS and AKSHI put the case file on your desk; the evidence board shows what you have " ..
    "and what the analysts' matrix makes of it. Washington and London ask what Albania intends " ..
    "to say, and when. How far do you go, and with whom?",
  source = { "ap_2022_09_07", "galactik_2022_09_07", "rid_buchanan_2015", "icd203", "uk_phia" },
  note = "Albania, the US and the UK attributed on 7 Sep 2022. Rama's video statement: " ..
    "\"Without a shadow of doubt, the July 15 attack on Albania was not an individual operation " ..
    "or a concerted action by independent criminal groups, but a state-sponsored aggression\", " ..
    "'indisputable evidence' that Iran acted 'through four groups' (AP); one of them had attacked " ..
    "Israel, Saudi Arabia, the United Arab Emirates, Jordan, Kuwait and Cyprus (Galactik Views; " ..
    "AP). Public wording: Mandiant 'moderate confidence' (4 Aug), UK 'almost certainly', US " ..
    "'concluded' (7 Sep), Microsoft 'high confidence' (8 Sep), NATO 'acknowledge' (8 Sep), EU " ..
    "named no one (9 Sep). ICD 203: likely 55-80%, very likely 80-95%, almost certain 95-99%. " ..
    "Rid and Buchanan: 'attribution is what states make of it'.",
  options = {
    { id = "silent", label = "Say nothing yet; keep investigating",
      effects = { text = "The government keeps its counsel; the press keeps asking." } },
    { id = "technical", label = "Publish technical findings only",
      requires = function(g) if (g.state.attr_level or 0) >= 1 then return false, "Already published." end return true end,
      effects = { run = function(g) A22.attribute(g, 1, "none", false) end } },
    { id = "likely", label = "Name Iran: \"likely\"",
      effects = { run = function(g) A22.attribute(g, 2, "iran", false) end },
      risk = "Invites retaliation; too weak a word may not move allies." },
    { id = "highly_likely", label = "Name Iran: \"highly likely\"",
      effects = { run = function(g) A22.attribute(g, 3, "iran", false) end },
      risk = "Invites retaliation; must be backed by the evidence." },
    { id = "almost_certain", label = "Name Iran alone: \"almost certainly\"",
      effects = { run = function(g) A22.attribute(g, 4, "iran", false) end },
      risk = "Invites retaliation; alone, Albania carries the whole burden of proof." },
    { id = "joint", label = "Attribute to Iran jointly with the US and UK on 7 September",
      text = "A coordinated announcement with allied statements the same day.", historical = true,
      requires = function(g) return A22.joint_ready(g, "iran") end,
      effects = { run = function(g) A22.attribute(g, 4, "iran", true) end },
      risk = "Invites retaliation (CISA later judged the September wave likely retaliation for public attribution)." },
    { id = "russia_likely", label = "Name Russia: \"likely\"",
      effects = { run = function(g) A22.attribute(g, 2, "russia", false) end },
      risk = "Must be backed by evidence on the board; allies will check." },
  },
  expires = 2, default = "silent",
}

event {
  id = "allied_statements", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  when = function(g) return (g.state.attr_joint or 0) == 1 and g.state.named == "iran" end,
  title = "Washington and London speak",
  text = "The White House says the United States has \"concluded that the Government of Iran " ..
    "conducted\" the attack and the hack-and-leak, calls it a \"troubling precedent\" and promises " ..
    "\"further action\". London says Iranian state-linked actors are \"almost certainly\" " ..
    "responsible and that the Prime Minister's and the Foreign Ministry's emails were leaked.",
  source = { "nsc_2022_09_07", "ukfcdo_2022_09_07", "alarabiya_2022_09_07", "ap_2022_09_07", "exit_2022_09_07" },
  note = "7 Sep 2022: the US NSC spokesperson Adrienne Watson: \"Iran's conduct defies norms of " ..
    "responsible peaceful state behavior in cyberspace, including avoiding damage to critical " ..
    "infrastructure that provides services to the public\" (AP); \"The United States will take " ..
    "further action to hold Iran accountable for actions that threaten the security of a US " ..
    "ally and set a troubling precedent for cyberspace\" (Exit News). UK Foreign Secretary James " ..
    "Cleverly: \"Iran's reckless actions showed a blatant disregard for the Albanian people ... We " ..
    "join Albania and other allies in exposing Iran's unacceptable actions\" (Al Arabiya).",
  on_deliver = { meters = { allies = 5, trust = 3 } },
}

event {
  id = "allies_cautious", to = "mfa", channel = "email", from_turn = 2,
  when = function(g) return A22.named(g) and (g.state.attr_joint or 0) == 0 and not A22.named_wrong(g) end,
  title = "Allies are 'studying Albania's findings'",
  text = "Washington and London say they support Albania and are studying its findings. Neither " ..
    "repeats the accusation. An allied diplomat asks, off the record, what Albania actually has.",
  source = "fiction", historical = false,
  note = "Invented: allies' reaction to an Albanian attribution made without them. Historically " ..
    "the US and UK attributed on the same day as Albania.",
}

event {
  id = "iran_denial", to = "all", decider = "mfa", channel = "news", from_turn = 2,
  when = A22.named_iran,
  title = "Tehran: \"baseless\"",
  text = "Iran's foreign ministry spokesman Nasser Kanaani calls the accusations \"baseless\". " ..
    "\"As one of the countries that have been subject to cyber attacks on its critical " ..
    "infrastructure,\" he says, Iran condemns any use of cyberspace to attack other countries. " ..
    "He says Albania is influenced by third parties who support terrorism.",
  source = { "mehr_2022_09_07", "exit_2022_09_07", "alarabiya_2022_09_07", "afp_2022_09_10", "ap_2022_09_07" },
  note = "7 Sep 2022, Wednesday evening: Kanaani (Ka'nani) called the claims 'baseless' and said " ..
    "third parties who support terrorism, meaning the US and Israel, influenced Albania (Exit " ..
    "News; Mehr); Al Arabiya: 'baseless allegations'; AFP: 'unfounded'. AFP and AP recall that " ..
    "Iran was itself attacked: Stuxnet, allegedly made by Israel and the US, hit its nuclear " ..
    "programme in 2010, and Iran and Israel have been accused of attacking each other's ports, " ..
    "water systems and even dating websites since.",
}

event {
  id = "moscow_denial", to = "mfa", channel = "news", from_turn = 2,
  when = function(g) return g.state.named == "russia" end,
  title = "Moscow: \"absurd\"",
  text = "Russia's foreign ministry calls Albania's accusation absurd and a sign of its " ..
    "subservience to Washington. Russian state media run the story for a day.",
  source = "fiction", historical = false,
  note = "Invented: only reached by naming Russia.",
}

-- Standing actions of the Prime Minister's Office --------------------------------------------------
action {
  id = "attribute_now", role = "pm", label = "Name who did it, in public, alone", cost = 2,
  text = "Say today, alone, whom Albania holds responsible and how sure it is. The words are " ..
    "judged against what the evidence board really shows today.",
  targets = {
    { id = "iran_likely", label = "Iran, \"likely\"" },
    { id = "iran_highly_likely", label = "Iran, \"highly likely\"" },
    { id = "iran_almost_certain", label = "Iran, \"almost certainly\"" },
    { id = "russia_likely", label = "Russia, \"likely\"" },
    { id = "criminal_likely", label = "A criminal crew, \"likely\"" },
  },
  requires = function(g)
    if g.turn < 4 then return false, "There is nothing to say before the first findings (from Sunday 17 July)." end
    return not_named(g)
  end,
  risk = "Alone: retaliation, and the burden of proof is Albania's.",
  effects = { run = function(g)
    local who, words = string.match(g.target, "^(%a+)_(.+)$")
    A22.attribute(g, LEVEL[words] or 2, who, false)
  end },
}

action {
  id = "attribute_jointly", role = "pm", label = "Name Iran together with the US and UK", cost = 2,
  text = "A coordinated announcement: Albania, Washington and London the same day, \"almost certainly\".",
  requires = function(g)
    local ok, why = not_named(g)
    if not ok then return ok, why end
    return A22.joint_ready(g, "iran")
  end,
  risk = "Invites retaliation (CISA later judged the September wave likely retaliation for public attribution).",
  effects = { run = function(g) A22.attribute(g, 4, "iran", true) end },
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
  id = "address_nation", role = "pm", label = "Give a straight public briefing", cost = 1,
  text = "Explain what is known, what is not, and what citizens should do. The first briefings " ..
    "count most; a government that only talks is heard less each time.",
  effects = { run = function(g)
    local n = g:uses("address_nation")
    if g.state.said_safe == 1 and g.state.leaked == 1 and g.state.corrected == 0 then
      g:add("trust", -2)
      g:say("Every question is about the data that was supposedly safe.")
    elseif n <= 3 then
      g:add("trust", 3)
      g:say("The briefing is calm and specific; it plays well.")
    else
      g:add("trust", 1)
      g:say("Another briefing; the press wants results more than words.")
    end
  end },
}

action {
  id = "back_akshi", role = "pm", label = "Clear AKSHI's procurement and staffing", cost = 1,
  text = "The Prime Minister's office cuts red tape for the response: AKSHI gets one more " ..
    "action point next turn.",
  effects = { { text = "Kryeministria clears contracts and overtime for AKSHI." },
              { after = 1, run = function(g) g:add_points("akshi", 1) end } },
}

-- Turn 10: the first industry report ---------------------------------------------------------------
event {
  id = "mandiant_report", turn = 10, to = "all", decider = "akshi", channel = "news",
  title = "Mandiant publishes on ROADSWEEP",
  text = "The security firm Mandiant publishes the first public analysis of the July attack: the " ..
    "ransomware, a backdoor and a wiper. It states its confidence about who benefits. Every " ..
    "newsroom in Tirana has the link.",
  source = { "mandiant_2022_08_04", "ap_2022_09_07" },
  note = "4 Aug 2022: Mandiant, 'moderate confidence' the actors support Iranian goals (AP via " ..
    "KESQ; Industrial Cyber). AP: 'Even as Russia at first suspects, Mandiant alleged ... Iran " ..
    "was the likely culprit'.",
  on_deliver = { cards = { "mandiant_public" } },
}
