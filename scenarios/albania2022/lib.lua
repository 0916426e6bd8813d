-- Helpers every file of the scenario shares (constants and pure functions only: the state of a
-- game lives in g.state and the meters, never here).
--
-- The evidence: what the revealed cards really support is the engine's analysis of competing
-- hypotheses on the true grades and the author's key (g:assessment("evidence", "truth")); what
-- the intelligence team concluded is the same analysis on its own grades and marks
-- (g:assessment("evidence")). Likelihood 0 none, 1 "likely", 2 "very likely" (UK: "highly
-- likely"), 3 "almost certain" (ICD 203).

A22 = {}

-- The culprit of each variant, as a hypothesis of the evidence board.
A22.CULPRIT = { historical = "iran", false_flag = "russia", criminal = "criminal" }

-- Public wording, by state.attr_level: 1 technical findings only, 2 "likely", 3 "highly
-- likely", 4 "almost certainly". The likelihood each needs: level - 1.
A22.WORDS = { "technical findings only", "'likely'", "'highly likely'", "'almost certainly'" }

-- How the debrief names each actor.
A22.WHO = { iran = "Iran", russia = "Russia", criminal = "a criminal crew" }

function A22.culprit(g)
  return A22.CULPRIT[g.variant] or "iran"
end

-- What the evidence revealed so far really supports: its lead (nil: none) and likelihood.
function A22.evidence(g)
  local lead, likely = g:assessment("evidence", "truth")
  return lead, likely or 0
end

-- The likelihood the revealed evidence gives `who` (0 when another hypothesis leads).
function A22.support(g, who)
  local lead, likely = A22.evidence(g)
  if lead == who then return likely end
  return 0
end

-- Albania has named someone in public (a state, or a criminal crew), at "likely" or above.
function A22.named(g)
  local n = g.state.named or "none"
  return n ~= "none" and (g.state.attr_level or 0) >= 2
end

function A22.named_iran(g)
  return g.state.named == "iran" and (g.state.attr_level or 0) >= 2
end

-- The name Albania put forward is not the culprit of this game's hidden truth.
function A22.named_wrong(g)
  return A22.named(g) and g.state.named ~= A22.culprit(g)
end

function A22.named_right(g)
  return A22.named(g) and g.state.named == A22.culprit(g)
end

-- How far the public wording was from what the evidence supported when it was spoken: 0 fits.
function A22.wording_gap(g)
  local said = (g.state.attr_level or 0) - 1
  return math.abs(said - (g.state.attr_support or 0))
end

-- Washington and London join only an attribution their own reading of the evidence carries
-- ("very likely" or more for that state) and only after being briefed twice.
function A22.joint_ready(g, who)
  if (g.state.briefed or 0) < 2 then
    return false, "Washington and London join only a case they have been briefed on at least twice."
  end
  if A22.support(g, who) < 2 then
    return false, "Allied analysts do not read the evidence as 'very likely' or more for that state."
  end
  return true
end
