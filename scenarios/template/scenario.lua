-- A scenario skeleton (scenarios/template; `crisisroom new NAME` copies it): fill in your story.
-- Every constructor appears once. The full reference is docs/scenario-api.md; the
-- tutorial scenario (scenarios/tutorial) shows every field in use.
-- Check it with `crisisroom check FOLDER`, test it with `crisisroom test FOLDER`.

-- scenario: metadata, exactly once.
scenario {
  id = "template",                         -- lower-case id; names saves and reports
  title = "Template scenario",             -- shown on the title screen
  summary = "One paragraph for the title screen: who, where, what goes wrong.",
  version = "0.1",                         -- optional
  situation = "The briefing's opening text: the world before turn 1.",
  learning_objectives = {                  -- shown in the briefing and the report
    "One thing the players should learn",
  },
  capabilities = { "cybersecurity", "operational_coordination" }, -- HSEEP core capabilities
  sources = {                              -- citations; events and cards cite them by id
    nist_61 = { title = "Computer Security Incident Handling Guide (SP 800-61 Rev. 2)",
                publisher = "NIST", date = "2012-08",
                url = "https://csrc.nist.gov/pubs/sp/800/61/r2/final" },
  },
}

-- include: run another file of this folder, e.g. to keep events apart.
-- include "events.lua"

-- role: a team of players; they move hot-seat in declaration order.
role {
  id = "lead", name = "Incident Lead",     -- id and display name
  short = "Lead",                          -- optional short label
  brief = "What this role knows and must do.",
  private = "Optional: what only this role sees.",
  budget = 2,                              -- action points per turn (default 2)
}
role { id = "exec", name = "Executive", budget = 1, brief = "You decide what the organisation says." }

-- meter: a bounded number; its value at each turn's end is kept for charts.
meter { id = "service", name = "Service available", start = 80, unit = "%",
        min = 0, max = 100,                -- bounds (default 0 and 100)
        text = "What the number means." }
meter { id = "damage", name = "Attacker progress", start = 30,
        good = "low",                      -- "high" (default), "low" or "none"
        hidden = true }                    -- shown to the facilitator and at the debrief only

-- clock: one label per turn, or start + steps (one fewer steps than turns):
-- clock { start = "2024-03-04 09:00", steps = { "2h", "1d" } }
clock { "Mon 09:00", "Mon 11:00", "Tue 09:00" }

-- event: an inject. Needs `turn`, `when` (+ `from_turn`) or `after` (+ `delay`), or is
-- delivered only by an effect.
event {
  id = "alert", turn = 1,                  -- delivered at the start of turn 1
  to = "lead",                             -- a role id, a list of role ids, or "all"
  channel = "phone",                       -- phone, email, news, social, intel, brief
  source = "nist_61",                      -- a source id, a list, or "fiction"
  title = "Something is wrong",
  text = "What the players read.",
  note = "For the facilitator only.",
  options = {                              -- the decision (may be empty)
    { id = "contain", label = "Contain it", cost = 1, historical = true,
      effects = { meters = { damage = -20, service = -10 }, text = "Contained." } },
    { id = "wait", label = "Wait and see", risk = "It may spread.",
      effects = { after = 1, meters = { damage = 20 }, text = "It spread overnight." } },
  },
  expires = 1, default = "wait",           -- undecided after 1 turn: "wait" applies
}

event {
  id = "press", after = "alert", delay = 1,  -- one turn after "alert" was delivered
  to = "all", decider = "exec",            -- everyone reads it, exec decides
  channel = "news", source = "fiction",
  title = "A reporter calls",
  text = "Do you comment?",
  options = {
    { id = "statement", label = "Give a statement",
      requires = { chosen = "alert.contain", why = "Contain it first." },
      effects = { state = { spoke = true }, text = "You are quoted." } },
    { id = "silence", label = "No comment",
      effects = { run = function(g) g:add("service", -5) end } },
  },
}

-- action: a standing move of one role, available every turn its requirements hold.
action {
  id = "fix", role = "lead", label = "Restore a system", cost = 1,
  targets = { { id = "web", label = "Website" } },   -- optional; then `act lead fix web`
  max_uses = 2,                            -- optional limit over the game
  historical = { 2 },                      -- turns on which it really happened
  effects = { run = function(g) g:add("service", 10); g:say("Restored: " .. g.target) end },
}

-- board and card: evidence. Cards are revealed by effects (cards = {...}) or g:reveal.
board { id = "evidence", title = "Evidence" }
card { id = "log", board = "evidence", title = "A suspicious login", text = "At 03:12.",
       source = "fiction", attrs = { reliability = "B", credibility = 2 } }

-- objective: rated at the debrief as "P", "S", "M" or "U" (HSEEP).
objective {
  id = "keep_service", title = "Keep the service up", text = "At least 80% at the end.",
  score = function(g)
    local s = g:meter("service")
    if s >= 80 then return "P" elseif s >= 60 then return "S" elseif s >= 40 then return "M" end
    return "U"
  end,
}

-- ending: the first whose `when` holds at the end wins; the last one has no `when`.
ending { id = "good", title = "Contained", text = "It worked.",
         when = function(g) return g:meter("damage") < 20 end }
ending { id = "bad", title = "Not contained", text = "It did not." }

-- variant: the hidden truth, shown at the debrief. Read it as g.variant.
variant { id = "main", title = "Main", truth = "What really happened." }

-- question: a discussion question for the debrief.
question "What would you do differently?"
