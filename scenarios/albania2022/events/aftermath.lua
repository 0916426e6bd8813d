-- Leaks, the September wave on police and border systems, and what followed.

local function leak_hits(g, size)
  g.state.leaked = 1
  if g.state.warned == 1 then -- SIS saw it coming and warned the people exposed
    g.state.warned = 0
    size = math.floor(size / 2)
    g:say("SIS had warned the people in the files before they went online.")
  end
  if g.state.said_safe == 1 and g.state.corrected ~= 1 then
    g:add("trust", -8)
    if g.state.safe_exposed ~= 1 then
      g.state.safe_exposed = 1
      g.state.false_claims = (g.state.false_claims or 0) + 1
    end
    g:say("Editorials quote the government's July line: \"the data is safe\".")
  else
    g:add("trust", -size)
  end
end

local function false_claim(g, line)
  g.state.false_claims = (g.state.false_claims or 0) + 1
  g:add("trust", -8)
  g:say(line)
end

-- The size of the September wave: how much access the intruders kept, and what provoked them.
local RETALIATION = { historical = 20, false_flag = 15, criminal = 0 }

local function september_wave(g)
  local sev = g:meter("foothold")
  local lvl = g.state.attr_level or 0
  if lvl >= 2 then sev = sev + (RETALIATION[g.variant] or 15)
  elseif lvl == 1 then sev = sev + 5 end
  if g.state.severed == 1 then sev = sev + 10 end
  if g.state.expelled == 1 then sev = sev + 5 end
  if g.state.escalated == 1 then sev = sev + 10 end
  if g:uses("reset_credentials") == 0 then sev = sev + 15 end   -- they still hold valid passwords
  if g.state.tims_isolated == 1 then sev = sev - 25 end
  g.state.wave_sev = sev
  if sev >= 50 then
    g.state.wave = 3; g:add("border", -65); g:add("trust", -4)
    g:deliver("wave_major")
  elseif sev >= 25 then
    g.state.wave = 2; g:add("border", -35); g:add("trust", -2)
    g:deliver("wave_moderate")
  else
    g.state.wave = 1; g:add("border", -5)
    g:deliver("wave_contained")
  end
  if g.state.wave >= 2 and g.state.overclaim == 1 then
    false_claim(g, "Opposition MPs quote the August claim that 'all systems are back'.")
  end
end

-- Late July - mid August: HomeLand Justice --------------------------------------------------------
event {
  id = "hlj_claims", turn = 9, to = "all", decider = "sis", channel = "social",
  title = "\"HomeLand Justice\" claims the attack",
  text = "A Telegram channel called HomeLand Justice claims the attack, posts anti-MEK videos and " ..
    "what it says are MEK members' residence permits, and advertises Albanian government data " ..
    "for anyone who wants it.",
  source = { "cisa_2022_09_21", "ap_2022_07_22" },
  note = "Late Jul - mid Aug 2022 (CISA; AP). HLJ had set up its website and accounts in June 2022 (CISA).",
  on_deliver = { cards = { "hlj_persona" }, run = function(g) leak_hits(g, 2) end },
  options = {
    { id = "takedown", label = "Ask Telegram to remove the channel and the files",
      effects = { meters = { trust = 1 } },
      risk = "The channel reappears under a new name; you lose sight of it." },
    { id = "watch", label = "Watch the channel quietly to learn from it",
      effects = { meters = { foothold = -3 }, text = "SIS maps the channel's contacts and infrastructure." } },
  },
  expires = 1, default = "watch",
}

event {
  id = "email_leak", turn = 11, to = "pm", channel = "social",
  title = "Your emails are online",
  text = "HomeLand Justice posts batches of government email, including messages from the Prime " ..
    "Minister's office and the foreign ministry, and promises more. Some look genuine; some may " ..
    "be doctored.",
  source = { "ukfcdo_2022_09_07", "exit_2022_09_07", "cisa_2022_09_21" },
  note = "The UK statement (7 Sep) says the PM's and MFA's emails were leaked; Exit News: 'Rama's " ..
    "emails hacked and swathes of correspondence and documents leaked online'. Dating to mid-August is a game choice.",
  on_deliver = { run = function(g) leak_hits(g, 3) end },
  options = {
    { id = "verify", label = "Confirm what is genuine and warn the people exposed",
      effects = { meters = { trust = 3 } } },
    { id = "fakes", label = "Call the documents fakes",
      effects = { { meters = { trust = 2 } },
                  { after = 2, chance = 0.7, run = function(g) false_claim(g, "Journalists confirm that the leaked emails are genuine.") end } },
      risk = "If they prove genuine, a second false statement." },
    { id = "ignore", label = "Do not comment",
      effects = { meters = { trust = -2 } } },
  },
  expires = 1, default = "ignore",
}

-- 9 September, evening: the second wave -------------------------------------------------------------
event {
  id = "second_attack", turn = 17, to = "all", decider = "sis", channel = "phone",
  title = "Friday night: the police network",
  text = "Friday evening. Monitoring on the State Police network lights up: accounts and tools seen " ..
    "in July are in use again, this time against police servers, including TIMS, the system that " ..
    "logs every border crossing.",
  source = { "ap_2022_09_10", "afp_2022_09_10", "cisa_2022_09_21" },
  note = "9 Sep 2022 (evening): a second attack hit police systems including TIMS; all systems were " ..
    "shut down, border registration was done by hand and queues formed at at least 2 crossings " ..
    "(AP; ANSA; EU-OCS). On Saturday 10 Sep the interior ministry said the police systems 'were " ..
    "subjected to a cyberattack on Friday' by 'the same entities that attacked the systems of the " ..
    "state and public services of the country in July' (AFP). CISA judged " ..
    "the wave 'likely done in retaliation for public attribution'. In the game its size is the hidden " ..
    "foothold plus provocation (public attribution, severance, expulsions, countermeasures) minus isolation of TIMS.",
  on_deliver = { run = september_wave },
}

event {
  id = "wave_major", to = "sis", channel = "phone",
  title = "Police and border systems are going down",
  text = "The attack spreads through police servers faster than they can be cut off. Border posts " ..
    "report that TIMS is not answering; at two crossings queues of cars and trucks are growing. " ..
    "Officers ask whether to log travellers by hand.",
  source = { "ap_2022_09_10", "afp_2022_09_10" },
  note = "Historically, 'in order to neutralize criminal activities and secure systems', the " ..
    "authorities shut down computer control systems at seaports, airports and border posts (AFP, 10 Sep 2022).",
  options = {
    { id = "shut_all", label = "Shut every police system down; log border crossings by hand", historical = true,
      effects = { meters = { border = -15, foothold = -10 },
                  text = "All police systems are shut down. Border officers log travellers on paper; queues form at crossings." } },
    { id = "keep_core", label = "Keep TIMS running on its core servers",
      effects = { chance = 0.5, meters = { foothold = 10, border = -15 },
                  text = "The attackers reach the TIMS core; records are wiped and have to be rebuilt.",
                  otherwise = { meters = { border = 10 }, text = "The core holds; crossings keep moving slowly." } },
      risk = "If the core is infected, TIMS data may be wiped." },
  },
  expires = 1, default = "shut_all",
}

event {
  id = "wave_moderate", to = "sis", channel = "phone",
  title = "TIMS is down",
  text = "The intruders reach part of the police network before they are cut off. TIMS is offline " ..
    "for the night; several border posts log crossings by hand.",
  source = { "ap_2022_09_10", "fiction" },
  note = "Smaller than the historical wave because of the players' earlier choices.",
  options = {
    { id = "rebuild", label = "Keep TIMS offline until it is rebuilt clean",
      effects = { meters = { border = -10, foothold = -8 } } },
    { id = "restart", label = "Restart TIMS from backups by morning",
      effects = { meters = { border = 15, foothold = 5 } },
      risk = "The backups may be as compromised as the servers." },
  },
  expires = 1, default = "rebuild",
}

event {
  id = "wave_contained", to = "sis", channel = "phone",
  title = "Stopped at the door",
  text = "The attempt hits the barriers put up since July. A few servers are wiped; TIMS never " ..
    "goes down and the border posts do not notice.",
  source = { "ap_2022_09_10", "fiction" },
  note = "Far smaller than the historical wave: the intruders had lost their foothold or TIMS was isolated.",
  options = {
    { id = "go_public", label = "Announce the foiled attack",
      effects = { meters = { trust = 4 } } },
    { id = "quiet", label = "Keep it quiet and study it",
      effects = { meters = { foothold = -5 } } },
  },
  expires = 1, default = "quiet",
}

-- Who hit the police: what the Prime Minister can say depends on what Albania said before.
event {
  id = "same_aggressors", from_turn = 18, to = "pm", channel = "social",
  when = function(g) return A22.named(g) and not g:delivered("police_findings") end,
  title = "Who hit the police?",
  text = "The interior ministry's first findings point to the same intruders as in July, whom " ..
    "Albania has already named. Reporters want to know whether the Prime Minister will say so.",
  source = { "afp_2022_09_10", "ap_2022_09_10" },
  note = "10 Sep 2022: Rama tweeted about 'another cyber attack by the same aggressors already " ..
    "condemned by Albania's friendly countries and allies' (AFP).",
  options = {
    { id = "same", label = "Blame \"the same aggressors\" as in July", historical = true,
      effects = { run = function(g)
        if A22.named_wrong(g) then
          g:add("trust", -3)
          g:say("Repeating a contested accusation puts it back in the headlines.")
        else g:add("trust", 2) end
      end } },
    { id = "technical", label = "Describe what happened; name no one",
      effects = { meters = { trust = 1 } } },
    { id = "silent", label = "Say nothing",
      effects = { meters = { trust = -3 } } },
  },
  expires = 1, default = "technical",
}

event {
  id = "police_findings", from_turn = 18, to = "pm", channel = "social", historical = false,
  when = function(g) return not A22.named(g) and not g:delivered("same_aggressors") end,
  title = "Who hit the police?",
  text = "The interior ministry's first findings point to the same intruders as in July. Albania " ..
    "has named nobody yet; reporters want to know whether the Prime Minister will now.",
  source = { "afp_2022_09_10", "ap_2022_09_10" },
  note = "Historically Albania had attributed the July attack on 7 Sep, and Rama blamed 'the same " ..
    "aggressors' on 10 Sep (AFP); here it had named no one, so there is no one to blame 'again'.",
  options = {
    { id = "technical", label = "Describe what happened; name no one yet",
      effects = { meters = { trust = 1 } } },
    { id = "silent", label = "Say nothing",
      effects = { meters = { trust = -3 } } },
  },
  expires = 1, default = "technical",
}

-- Leaks of police data ------------------------------------------------------------------------------------
event {
  id = "nano_leak", turn = 19, to = "pm", channel = "social",
  title = "A police chief's travels",
  text = "HomeLand Justice posts a 47-page file listing the border crossings of former State Police " ..
    "director Gledis Nano. The prosecutor wants to ban the media from republishing leaked data.",
  source = { "mei_2022", "exit_2022_09_19" },
  note = "19 Sep 2022: the file (MEI) and the prosecutor's ban on republishing leaked data (Exit " ..
    "News). What the government said about the ban is not reported: no option here is marked as history.",
  on_deliver = { run = function(g) leak_hits(g, 3) end },
  options = {
    { id = "explain", label = "Explain what was taken and who is at risk",
      effects = { meters = { trust = 3 } } },
    { id = "back_ban", label = "Back the prosecutor's ban in public",
      effects = { meters = { trust = -2 } },
      risk = "Press-freedom groups object; the file spreads anyway." },
  },
  expires = 1, default = "explain",
}

event {
  id = "memex_leak", turn = 21, to = "sis", channel = "social",
  title = "A list of 300 suspects",
  text = "HomeLand Justice posts 1.7 GB on about 300 people under police investigation, and says it " ..
    "comes from Memex, the police intelligence system. Reporters ask whether Memex was breached.",
  source = { "ap_2022_10_03", "mei_2022" },
  note = "3 Oct 2022: the police denied that Memex was breached (AP; MEI).",
  on_deliver = { run = function(g) leak_hits(g, 2) end },
  options = {
    { id = "deny", label = "\"Memex was not breached\"", historical = true,
      effects = { { meters = { trust = 1 } },
                  { after = 1, chance = 0.5, run = function(g)
                      if g.state.wave == 3 then
                        false_claim(g, "Journalists match the leaked file to Memex records.")
                      end
                    end } },
      risk = "Say it only if you are sure." },
    { id = "verify", label = "Take Memex offline and check before saying anything",
      effects = { meters = { trust = 2, border = -5 } } },
  },
  expires = 1, default = "verify",
}

event {
  id = "tims_leak", to = "all", decider = "pm", channel = "social", from_turn = 23,
  when = function(g) return (g.state.wave or 0) >= 2 end,
  title = "Seventeen years of border crossings",
  text = "HomeLand Justice posts TIMS records from 2005 to 2022, linked to Helidon Bendo, the " ..
    "director of the State Intelligence Service. Anyone can now trace who crossed the border, when.",
  source = "mei_2022",
  note = "19 Oct 2022: TIMS records 2005-2022 linked to SHISH director Helidon Bendo (MEI).",
  on_deliver = { run = function(g) leak_hits(g, 4) end },
  options = {
    { id = "inquiry", label = "Open an inquiry and notify the people exposed",
      effects = { meters = { trust = 3 } } },
    { id = "silence", label = "Say nothing",
      effects = { meters = { trust = -3 } } },
  },
  expires = 1, default = "silence",
}

event {
  id = "tims_leak_small", to = "all", decider = "pm", channel = "social", from_turn = 23,
  when = function(g) return (g.state.wave or 0) == 1 end,
  title = "Old records, new threats",
  text = "HomeLand Justice posts a few old border-crossing records linked to the director of the " ..
    "State Intelligence Service, Helidon Bendo. AKSHI finds they came from mailboxes stolen in " ..
    "2021–22, not from the live TIMS system.",
  source = { "mei_2022", "fiction" },
  note = "Historically (19 Oct 2022) HLJ posted TIMS records 2005-2022 (MEI); here the September wave was contained.",
  on_deliver = { run = function(g) leak_hits(g, 1) end },
}

event {
  id = "epilogue", turn = 24, to = "all", decider = "pm", channel = "brief",
  title = "End of October",
  text = "Three and a half months after the first ransom note, the government takes stock: " ..
    "services, trust, allies, the border posts. HomeLand Justice says it is not finished.",
  source = { "afp_2022_09_10", "alarabiya_2022_09_07", "ap_2022_09_07", "galactik_2022_09_07",
             "exit_2022_09_07", "nyt_2023_02", "later_2023_2025" },
  note = "The record of 2022, whatever happened in this game. Wed 7 Sep: speaking of the attack " ..
    "for the first time, Rama accused Iran of the 15 July attack meant to 'paralyze government " ..
    "services and hack data and emails from government systems' (AFP) and cut ties; his " ..
    "government was 'completely sure' (MP Taulant Balla, Al Arabiya); the US (NSC spokesperson " ..
    "Adrienne Watson) and the UK (Foreign Secretary James Cleverly) attributed the same day; " ..
    "Iran's spokesman Nasser Kanaani called it 'baseless' (Exit News); opposition MP Aldo Bumci " ..
    "called for NATO's protection (Exit News). Fri 9 Sep: the US sanctioned MOIS and its " ..
    "minister Esmail Khatib (AFP). Sat 10 Sep: the interior ministry blamed 'the same entities' " ..
    "for the attack on the police (AFP). Albania, an ally of the US since the early 1990s, joined " ..
    "NATO in 2009 (AFP). What came next: Dec 2022 bank customers got fake 'balance is zero' texts " ..
    "(NYT). Dec 2023 HLJ hit One Albania (about 1.5M subscribers), the Parliament and (claimed) " ..
    "Air Albania; Jan-Feb 2024 INSTAT (claims of 10 TB denied in part); Jun 2025 Tirana " ..
    "municipality. Claims of 2 PB and 10 TB are unverified.",
}

-- Police and border: standing actions of the intelligence service and the police -------------------------
action {
  id = "segment_police", role = "sis", label = "Cut police and border systems (TIMS) off the government net",
  cost = 2, max_uses = 1,
  text = "Separate accounts, links and administration. Police work slows for a while.",
  risk = "Slower police and border work for weeks.",
  effects = { state = { tims_isolated = 1 }, meters = { border = -10 },
              text = "The police network and TIMS are separated from the government network." },
}

action {
  id = "monitor_leaks", role = "sis", label = "Watch HomeLand Justice's channels for the next leak", cost = 1,
  text = "Track the group's channels and warn the people whose data it is about to post: the " ..
    "next leak does half the harm.",
  requires = function(g)
    if not g:delivered("hlj_claims") then return false, "Nobody has claimed the attack yet." end
    if g.state.warned == 1 then return false, "SIS is already watching for the next leak." end
    return true
  end,
  effects = { state = { warned = 1 }, text = "SIS analysts watch the channels and prepare warnings." },
}

action {
  id = "restore_police", role = "sis", label = "Bring police and border systems back, clean", cost = 1,
  requires = { delivered = "second_attack", why = "Nothing to restore yet." },
  historical = { 18, 19 },
  effects = { meters = { border = 20, foothold = -2 }, text = "More police systems come back on clean machines." },
}
