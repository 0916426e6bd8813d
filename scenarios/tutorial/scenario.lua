-- Tutorial: a ransomware morning at a small (fictional) housing association.
-- Five turns that teach the game. It also shows every part of the scenario API, so authors
-- can read it next to docs/scenario-api.md. Files: scenario.lua (this one: metadata, roles,
-- meters, clock, variants, questions), events.lua, actions.lua, evidence.lua, endings.lua.

scenario {
  -- insurer_advice comes by g:after in a function; "wait" teaches doing nothing.
  accept = { "event 'insurer_advice' is never delivered", "option 'leak_threat.wait' has no effect" },
  -- At the start of every turn, before its injects: a team handling the incident alone tires
  -- from turn 4 (one point less that turn), and if tenants have lost faith by turn 3 the board
  -- appoints an interim director, who has two points a turn.
  on_turn = function(g)
    if g.turn >= 4 and g:choice("vendor_call") == "alone" then
      g:add_points("lead", -1)
    end
    if g.turn == 3 and g:meter("trust") < 50 then
      g:rename("exec", "Interim Director", "Interim")
      g:set_brief("exec", "The board has asked you to lead while the Executive Director steps " ..
        "back. You decide on money, the ransom demand and the regulator, with two action " ..
        "points a turn.")
      g:add_budget("exec", 1)
      g:say("Tenants have lost faith: the board appoints an interim director.")
    end
  end,
  id = "tutorial",
  title = "Tutorial: a ransomware morning",
  version = "1.0",
  summary = "Monday, 08:30. The file server of Harbour Lane Housing, a small housing " ..
    "association, shows a ransom note. Three players (the Incident Lead, Communications " ..
    "and the Executive Director) have five turns to contain it, restore the files and keep " ..
    "tenants informed. Everything here is invented; it teaches how to play.",
  situation = "Harbour Lane Housing (fictional) has 40 staff and 3,000 tenants. One file " ..
    "server, FS01, holds the finance, housing and shared folders. At 08:30 on Monday the " ..
    "first member of staff to log in finds every file renamed and a ransom note on screen.",
  learning_objectives = {
    "Learn the game: read injects, choose options, take actions, end your move",
    "Contain before you restore (detection, containment, eradication, recovery: NIST SP 800-61)",
    "Decide on a ransom demand with the facts you have, not the facts the criminals claim",
    "Tell staff and tenants early and truthfully",
  },
  capabilities = { "cybersecurity", "operational_coordination", "public_information_and_warning" },
  sources = {
    nist_61 = { title = "Computer Security Incident Handling Guide (SP 800-61 Rev. 2)",
                publisher = "NIST", date = "2012-08",
                url = "https://csrc.nist.gov/pubs/sp/800/61/r2/final" },
    cisa_ctep = { title = "CISA Tabletop Exercise Packages (CTEP)",
                  publisher = "CISA", date = "2024",
                  url = "https://www.cisa.gov/resources-tools/services/cisa-tabletop-exercise-packages" },
    stop_ransomware = { title = "#StopRansomware Guide",
                        publisher = "CISA and MS-ISAC", date = "2023-10",
                        url = "https://www.cisa.gov/stopransomware/ransomware-guide" },
    hseep = { title = "Homeland Security Exercise and Evaluation Program (HSEEP)",
              publisher = "FEMA", date = "2020-01",
              url = "https://www.fema.gov/emergency-managers/national-preparedness/exercises/hseep" },
  },
}

-- Roles: played hot-seat in the order declared. budget = action points each turn.
role {
  id = "lead", name = "Incident Lead", short = "Lead", budget = 3,
  brief = "You run the technical response: contain the ransomware, find how it got in, " ..
    "restore the files. Your standing actions (type `actions`) are your main tools. " ..
    "New to the game? Type `show welcome` first.",
  private = "The backups run every Sunday night to a disk that is not on the network. " ..
    "Nobody has tested a restore this year.",
}
role {
  id = "comms", name = "Communications", short = "Comms", budget = 2,
  brief = "You speak to staff, tenants and the press. Say what you know, say what you do " ..
    "not know yet, and say it before someone else does. New to the game? Type `show welcome`.",
  private = "A tenant who writes a popular local blog already emailed at 08:40 asking why " ..
    "the rent portal is down.",
}
role {
  id = "exec", name = "Executive Director", short = "Exec", budget = 1,
  brief = "You decide what only the organisation can decide: money, the ransom demand, the " ..
    "regulator, closing the office. You have one action point a turn, so choose well. " ..
    "New to the game? Type `show welcome`.",
  private = "The cyber insurance policy covers incident response but requires you to call " ..
    "the insurer's hotline before paying anyone.",
}

-- Meters: bounded numbers, kept per turn for charts.
meter { id = "files", name = "Files available", start = 60, unit = "%",
        text = "Share of the organisation's files staff can open." }
meter { id = "trust", name = "Tenant trust", start = 70,
        text = "How far tenants believe what you tell them (a game number)." }
meter { id = "spread", name = "Infected PCs", min = 0, max = 10, start = 2, good = "low",
        text = "Machines the ransomware has reached. At 6 the network is lost." }
meter { id = "foothold", name = "Attacker foothold", start = 50, good = "low", hidden = true,
        text = "How much access the criminals keep (hidden: shown at the debrief)." }

-- Turns of different lengths: Mon 08:30, 09:00, 10:30, 14:30, Tue 14:30.
clock { start = "2024-03-04 08:30", steps = { "30m", "90m", "4h", "1d" } }

include "events.lua"
include "actions.lua"
include "evidence.lua"
include "endings.lua"

-- Variants change the hidden truth; variant mode picks one by the seed.
variant { id = "exfil", title = "Steal, then encrypt", weight = 2,
          truth = "The crew copied 4 GB of tenant files to a cloud drive before encrypting FS01." }
variant { id = "bluff", title = "Encrypt only",
          truth = "The crew never copied a file. Their leak threat was a bluff." }

question "When did you first know enough to isolate FS01, and what made you sure?"
question "What did tenants hear first, and from whom?"
question "Which evidence would have changed your answer to the ransom demand?"
