/*
 * api.h -- the scenario API, defined once: every kind of table an author
 * writes (the constructors and the tables inside them), every field of each
 * with its type, default, range and one line of documentation, the methods
 * and fields of the game handle g, the test API, and the limits.
 *
 * Everything else is generated from these lists (the idea of TIC-80's
 * TIC_API_LIST): the constructors loader.c registers, the field numbers the
 * builders read by (F_event_title, never a second "title"), the "unknown
 * field" message, g's bindings, and the reference tables of
 * docs/scenario-api.md (cr_apidoc prints them; a ctest holds the document
 * to them). A field or method is added here, once, and read by its number.
 *
 * The lists are X-macros: a user defines X to take the columns it needs.
 * Their column helpers (REQ, DEF, R, T_INT...) are defined only where the
 * descriptions are built, in api.c.
 */
#ifndef CR_API_H
#define CR_API_H

#include <stddef.h>

/* Kinds --------------------------------------------------------------------
   X(name, class, doc). A DECL is a global constructor that records one
   declaration; a PART is a table inside another; a FUNC a global function.
   The names are the words authors write (and read in messages). */
// clang-format off
#define API_KINDS(X)                                                                               \
    X(scenario,   DECL, "Metadata; exactly once, in `scenario.lua`.")                              \
    X(source,     PART, "A citation: a value of `scenario { sources = { id = source } }`, or just its title.") \
    X(role,       DECL, "A team of players. Roles move hot-seat in the order they are declared.")  \
    X(meter,      DECL, "A bounded number. Its value at the end of each turn is kept for charts.") \
    X(clock,      DECL, "Maps turns to in-world time: a list of labels, or a start and the turns' lengths.") \
    X(event,      DECL, "An inject delivered to one role, a list of roles or `\"all\"`.")          \
    X(option,     PART, "One answer to an event's decision: an element of its `options`.")         \
    X(action,     DECL, "A standing move of one role, available every turn its requirements hold.") \
    X(target,     PART, "What an action can be taken on: an element of its `targets` (or just an id).") \
    X(historical, PART, "When an action really happened: an element of its `historical` (or just a turn).") \
    X(effects,    PART, "One bundle of effects (an effects value is a bundle or a list of them).") \
    X(requires,   PART, "Requirements as a table: all must hold.")                                 \
    X(board,      DECL, "A board that revealed cards are pinned to.")                              \
    X(hypothesis, PART, "One of an analysis board's competing hypotheses: an element of its `hypotheses` (or just an id).") \
    X(card,       DECL, "A piece of evidence, revealed by effects.")                               \
    X(objective,  DECL, "An exercise objective, rated at the end of the game.")                    \
    X(ending,     DECL, "A way the game can end.")                                                 \
    X(variant,    DECL, "A hidden truth the game may be played with.")                             \
    X(question,   DECL, "A discussion question for the debrief (`question \"text\"` or a table).") \
    X(session,    DECL, "A shorter way to play: the turns that stop for the teams.")               \
    X(include,    FUNC, "`include \"path\"` runs another file of the scenario folder, once.")      \
    X(start,      PART, "The options of the test API's `t:start{ ... }`.")
// clang-format on

/* Fields -------------------------------------------------------------------
   X(kind, name, type, need, range, doc)
     type   T_STR, T_ID (the kind's id, declared in the first pass),
            T_NUM, T_INT, T_BOOL, T_FN(shape), T_NAME(kind) / T_NAMES(kind)
            (one name / a name or a list, of things of that kind), T_STRS
            (list of strings),
            T_DELTAS (meter id -> number), T_STATES (key -> value),
            T_EFFECTS, T_REQUIRES, T_CHOICE(names, count), and, read by
            their builder in their own way, T_STR_AS(shape) (a string),
            T_TABLE(shape) (a table) and T_ANY(shape); a shape is the type
            as the document shows it
     need   REQ (required), OPT (optional, no default), DEF(number),
            DEFS("string")
     range  R(lo, hi) for numbers, or ANY
   A kind's fields stay together, in the order the messages list them.
   Options and actions share their first fields (API_MOVE_FIELDS). */
// clang-format off
#define API_MOVE_FIELDS(X, K, cost_default)                                                        \
    X(K, id,       T_ID,       REQ,       ANY,      "its id (within its event, for an option)")    \
    X(K, label,    T_STR,      REQ,       ANY,      "the button's text")                           \
    X(K, text,     T_STR,      OPT,       ANY,      "longer explanation shown with it")            \
    X(K, cost,     T_INT,      DEF(cost_default), R(0, 100), "action points of the deciding role") \
    X(K, requires, T_REQUIRES, OPT,       ANY,      "when it is available; otherwise it is shown with the reason") \
    X(K, effects,  T_EFFECTS,  OPT,       ANY,      "what it does")                                \
    X(K, risk,     T_STR,      OPT,       ANY,      "a line saying what it risks (shown on the diplomatic ladder)")

#define API_FIELDS(X)                                                                              \
    X(scenario, id,                  T_ID,    REQ, ANY, "names saves and batch output")            \
    X(scenario, title,               T_STR,   REQ, ANY, "shown on the title screen and in reports") \
    X(scenario, summary,             T_STR,   REQ, ANY, "one paragraph shown on the title screen") \
    X(scenario, version,             T_STR,   OPT, ANY, "shown in reports")                        \
    X(scenario, situation,           T_STR,   OPT, ANY, "the briefing's opening text")             \
    X(scenario, sources,             T_TABLE("table id → source"), OPT, ANY,                       \
      "citations; events and cards cite them by id")                                               \
    X(scenario, learning_objectives, T_STRS,  OPT, ANY, "shown in the briefing and the report")    \
    X(scenario, on_turn,             T_FN("function(g)"), OPT, ANY,                                \
      "run at the start of every turn, the first too: after the delayed effects that fall due, "   \
      "before the turn's events are delivered (their `when` sees what it changed)")                \
    X(scenario, accept,              T_STRS,  OPT, ANY,                                            \
      "`check` warnings you have weighed and accept: a warning whose message contains one of "     \
      "these is shown as a `note` and does not fail `--strict` "                                   \
      "(e.g. `\"meter 'accounts' sat at its min\"`)")                                              \
    X(scenario, capabilities,        T_STRS,  OPT, ANY,                                            \
      "the HSEEP core capabilities it exercises, by id (`\"cybersecurity\"`, "                       \
      "`\"operational_coordination\"`...: docs/facilitator-guide.md lists the 32); the "           \
      "console offers them first for observations, the handbook and the report name them")         \
    X(scenario, history,             T_STR,   OPT, ANY,                                            \
      "how the debrief and the report name what really happened, beside the players' choices "     \
      "(e.g. `\"In 2022 (history)\"`; default: \"What really happened\")")                          \
    X(scenario, skip_idle,           T_BOOL,  DEF(0), ANY,                                         \
      "a role with nothing it can do (no open decision, no action it can take, no card to grade) " \
      "does not stop the turn: its move is passed over")                                           \
    X(source, title,     T_STR, REQ, ANY, "what is cited")                                         \
    X(source, publisher, T_STR, OPT, ANY, "who published it")                                      \
    X(source, date,      T_STR, OPT, ANY, "when")                                                  \
    X(source, url,       T_STR, OPT, ANY, "where to find it")                                      \
    X(source, file,      T_STR, OPT, ANY, "a copy kept with the scenario")                         \
    X(role, id,      T_ID,  REQ,    ANY,       "its id")                                           \
    X(role, name,    T_STR, REQ,    ANY,       "e.g. \"Prime Minister's Office\"")                 \
    X(role, short,   T_STR, OPT,    ANY,       "a short label (default: `name`)")                  \
    X(role, brief,   T_STR, REQ,    ANY,       "what the role knows and must do")                  \
    X(role, private, T_STR, OPT,    ANY,       "information only this role sees")                  \
    X(role, budget,  T_INT, DEF(2), R(0, 100), "action points per turn")                           \
    X(meter, id,     T_ID,   REQ,          ANY, "its id")                                          \
    X(meter, name,   T_STR,  REQ,          ANY, "shown with its value")                            \
    X(meter, min,    T_NUM,  DEF(0),       ANY, "lower bound; values are clamped into the bounds") \
    X(meter, max,    T_NUM,  DEF(100),     ANY, "upper bound; above `min`")                        \
    X(meter, start,  T_NUM,  REQ,          ANY, "its value at the start; inside the bounds")       \
    X(meter, good,   T_CHOICE(api_good_names, GOOD_NONE + 1), DEFS("high"), ANY, "which way is good") \
    X(meter, unit,   T_STR,  OPT,          ANY, "e.g. `\"%\"`")                                    \
    X(meter, hidden, T_BOOL, DEF(0),       ANY,                                                    \
      "hidden meters are shown to the facilitator and at the debrief only")                        \
    X(meter, text,   T_STR,  OPT,          ANY, "a description")                                   \
    X(clock, start,  T_STR,  OPT, ANY, "turn 1's date and time, `\"2022-07-15 08:00\"`")           \
    X(clock, steps,  T_STRS, OPT, ANY,                                                             \
      "with `start` (and then required): each turn's length, `\"30m\"`, `\"6h\"`, `\"2d\"`, `\"1w\"`") \
    X(event, id,         T_ID,           REQ,    ANY,                "its id")                     \
    X(event, title,      T_STR,          REQ,    ANY,                "the headline")               \
    X(event, text,       T_STR,          REQ,    ANY,                "what the players read")      \
    X(event, to,         T_NAMES(role),  REQ,    ANY,                                              \
      "whose inbox it lands in; `\"all\"`: every role")                                            \
    X(event, decider,    T_NAME(role),   OPT,    ANY,                                              \
      "who decides its options (default: `to` when it is one role, else the first role)")          \
    X(event, channel,    T_CHOICE(def_channel_names, CH_COUNT), REQ, ANY,  "how it arrives")       \
    X(event, source,     T_NAMES(source), OPT,   ANY,                                              \
      "the citation; `\"fiction\"` marks invented content")                                        \
    X(event, turn,       T_INT,          DEF(0), R(0, CR_MAX_TURNS), "deliver at the start of this turn") \
    X(event, when,       T_FN("function(g) → boolean"), OPT, ANY,                                  \
      "deliver at the start of the first turn it holds (checked every turn)")                      \
    X(event, after,      T_STR_AS("event id or `\"event.option\"`"), OPT, ANY,                     \
      "deliver once that event is delivered / that option chosen")                                 \
    X(event, delay,      T_INT,          DEF(0), R(0, CR_MAX_TURNS), "with `after`: turns to wait (0: at once)") \
    X(event, from_turn,  T_INT,          DEF(0), R(0, CR_MAX_TURNS), "with `when`: not before this turn") \
    X(event, options,    T_TABLE("list of options"), OPT, ANY,                                     \
      "the decision it carries (may be empty: information only)")                                  \
    X(event, expires,    T_INT,          DEF(0), R(0, CR_MAX_TURNS),                               \
      "turns the decision stays open, then `default` applies (0: it never expires)")               \
    X(event, default,    T_STR_AS("option id"), OPT, ANY,                                          \
      "one of its options: applied (by nobody, with no cost) when the decision expires")           \
    X(event, on_deliver, T_EFFECTS,      OPT,    ANY,                "applied when the event is delivered") \
    X(event, note,       T_STR,          OPT,    ANY,                                              \
      "facilitator's note: shown in the console and the debrief, never to players")                \
    X(event, historical, T_BOOL,         DEF(1), ANY,                                              \
      "`false`: this inject never really happened (a branch that exists only if players stall, "   \
      "say): the debrief never says what really happened for it, even when an option is marked "   \
      "`historical` for the historical policy to play")                                            \
    API_MOVE_FIELDS(X, option, 0)                                                                  \
    X(option, historical, T_BOOL, DEF(0), ANY,                                                     \
      "what really happened: the `historical` policy replays it, and the debrief shows it beside " \
      "the players' choice (in an invented scenario, mark the answer you teach)")                  \
    API_MOVE_FIELDS(X, action, 1)                                                                  \
    X(action, historical,    T_ANY("a turn, or a list of turns or of `historical`"), OPT, ANY,     \
      "when it really happened: the `historical` policy replays it, the debrief shows it")         \
    X(action, role,          T_NAME(role), REQ,    ANY,           "whose action it is")            \
    X(action, targets,       T_TABLE("list of `target`"), OPT, ANY,                                \
      "then `act ROLE ACTION TARGET` is required, and `g.target` is the chosen id inside its effects") \
    X(action, max_uses,      T_INT,        DEF(0), R(0, 100000),  "times it may be taken in the whole game (0: unlimited)") \
    X(action, max_uses_per_target, T_INT,  DEF(0), R(0, 100000),                                   \
      "with `targets`: times it may be taken on each target in the whole game (0: unlimited); "    \
      "`g:uses(action, target)` reads the count")                                                  \
    X(action, once_per_turn, T_BOOL,       DEF(1), ANY,           "at most once in a turn")        \
    X(target, id,    T_ID,  REQ, ANY, "the id typed after the action")                             \
    X(target, label, T_STR, OPT, ANY, "what is shown (default: the id)")                           \
    X(historical, turn,   T_INT, DEF(0), R(1, CR_MAX_TURNS), "the turn it was taken (absent: it is never replayed)") \
    X(historical, target, T_STR, OPT,    ANY,                "the target it was taken on")         \
    X(effects, meters,    T_DELTAS,       OPT,    ANY,      "add to meters (clamped to the bounds), e.g. `{ trust = -5 }`") \
    X(effects, set,       T_DELTAS,       OPT,    ANY,      "set meters, e.g. `{ trust = 50 }`")   \
    X(effects, cards,     T_NAMES(card),  OPT,    ANY,      "reveal cards on their boards")        \
    X(effects, deliver,   T_NAMES(event), OPT,    ANY,      "deliver events now")                  \
    X(effects, state,     T_STATES,       OPT,    ANY,      "set free state, e.g. `{ leaks = 1 }`") \
    X(effects, text,      T_STR,          OPT,    ANY,                                             \
      "an outcome line on the timeline, shown to the players who see its cause (the decision, "    \
      "action or inject it follows: a private inject's outcome only to the teams that received " \
      "it); delayed with `after`, to every team")                                                 \
    X(effects, finish,    T_NAME(ending), OPT,    ANY,      "end the game with this ending at the end of the turn") \
    X(effects, run,       T_FN("function(g)"), OPT, ANY,    "any other change, through `g`")       \
    X(effects, after,     T_INT,          DEF(0), R(0, CR_MAX_TURNS),                              \
      "apply the bundle that many turns later, at the start of that turn")                         \
    X(effects, chance,    T_NUM,          DEF(1), R(0, 1),  "apply it with this probability, drawn from the engine's generator") \
    X(effects, otherwise, T_TABLE("one bundle"), OPT, ANY,     "with `chance`: applied when the draw fails") \
    X(requires, chosen,     T_NAMES(option), OPT,    ANY, "those options were chosen")             \
    X(requires, not_chosen, T_NAMES(option), OPT,    ANY, "none of them was chosen")               \
    X(requires, delivered,  T_NAMES(event),  OPT,    ANY, "those events were delivered")           \
    X(requires, cards,      T_NAMES(card),   OPT,    ANY, "those cards are revealed")              \
    X(requires, min,        T_DELTAS,        OPT,    ANY, "meters at least, e.g. `{ trust = 40 }`") \
    X(requires, max,        T_DELTAS,        OPT,    ANY, "meters at most, e.g. `{ foothold = 20 }`") \
    X(requires, state,      T_STATES,        OPT,    ANY, "free state equals")                     \
    X(requires, turn,       T_INT,           DEF(0), R(0, CR_MAX_TURNS), "not before this turn")   \
    X(requires, why,        T_STR,           OPT,    ANY,                                          \
      "the reason shown when it does not hold (else one is written from the fields)")              \
    X(requires, check,      T_FN("function(g) → ok, reason"), OPT, ANY, "a function as well as the fields above") \
    X(board, id,          T_ID,   REQ,            ANY, "its id")                                   \
    X(board, title,       T_STR,  REQ,            ANY, "its heading")                              \
    X(board, text,        T_STR,  OPT,            ANY, "what it is for")                           \
    X(board, columns,     T_STRS, OPT,            ANY, "group its cards into these columns")       \
    X(board, rows,        T_STRS, OPT,            ANY, "and these rows")                           \
    X(board, column_attr, T_STR,  DEFS("supports"), ANY, "the card attribute that picks the column") \
    X(board, row_attr,    T_STR,  DEFS("level"),  ANY, "the card attribute that picks the row")    \
    X(board, hypotheses,  T_TABLE("list of `hypothesis`"), OPT, ANY,                               \
      "an analysis board: the competing hypotheses its cards are weighed against (a matrix of "    \
      "cards by hypotheses)")                                                                      \
    X(board, graded_by,   T_NAME(role), OPT,     ANY,                                              \
      "with `hypotheses`: the role that grades each card and marks it against each hypothesis")   \
    X(hypothesis, id,    T_ID,  REQ, ANY, "its id (a variant's `hypothesis` names it)")            \
    X(hypothesis, label, T_STR, OPT, ANY, "what the matrix shows (default: the id)")               \
    X(card, id,     T_ID,          REQ, ANY, "its id")                                             \
    X(card, board,  T_NAME(board), REQ, ANY, "the board it is pinned to")                          \
    X(card, title,  T_STR,         REQ, ANY, "its heading")                                        \
    X(card, text,   T_STR,         REQ, ANY, "what it says")                                       \
    X(card, source, T_NAMES(source), OPT, ANY,                                                     \
      "the citation, as an event's: a source id or a list of them; `\"fiction\"` marks invented content") \
    X(card, attrs,  T_TABLE("table name → string or number"), OPT, ANY,                            \
      "free attributes the window and the report show")                                            \
    X(card, reliability, T_CHOICE(api_reliability_names, 6), OPT, ANY,                             \
      "its source's true reliability, `\"A\"` (completely reliable) to `\"F\"` (cannot be judged); on " \
      "an analysis board shown only at the debrief, where the team's grade is scored against it") \
    X(card, credibility, T_INT, OPT, R(1, 6),                                                      \
      "its information's true credibility, 1 (confirmed) to 6 (cannot be judged); as "             \
      "`reliability`")                                                                             \
    X(card, fits,   T_TABLE("table hypothesis id → `\"consistent\"`, `\"inconsistent\"` or `\"neutral\"`"), \
      OPT, ANY,                                                                                    \
      "on an analysis board: the author's key, how the card really bears on each hypothesis "      \
      "(absent: neutral); shown only at the debrief")                                              \
    X(objective, id,    T_ID,  REQ, ANY, "its id")                                                 \
    X(objective, title, T_STR, REQ, ANY, "what is to be achieved")                                 \
    X(objective, text,  T_ANY("string, or function(g) → string"), OPT, ANY,                        \
      "how it is judged; a function is called once, at the end, to say how it went")               \
    X(objective, score, T_FN("function(g) → \"P\", \"S\", \"M\" or \"U\""), REQ, ANY,              \
      "its HSEEP rating at the end")                                                               \
    X(ending, id,    T_ID,   REQ,    ANY, "its id")                                                \
    X(ending, title, T_STR,  REQ,    ANY, "its heading")                                           \
    X(ending, text,  T_ANY("string, or function(g) → string"), REQ, ANY,                           \
      "what happened; a function is called once, when the ending is chosen, to tell this game's "  \
      "story")                                                                                     \
    X(ending, when,  T_FN("function(g) → boolean"), OPT, ANY,                                      \
      "when it applies (none: the fallback)")                                                      \
    X(ending, early, T_BOOL, DEF(0), ANY, "also checked at the end of every turn")                 \
    X(variant, id,     T_ID,  REQ,    ANY,                  "its id")                              \
    X(variant, title,  T_STR, REQ,    ANY,                  "its name")                            \
    X(variant, truth,  T_STR, REQ,    ANY,                  "the hidden truth, shown at the debrief") \
    X(variant, weight, T_NUM, DEF(1), R(0, HUGE_VAL),       "how often the seed picks it")         \
    X(variant, hypothesis, T_STR, OPT, ANY,                                                        \
      "the id of the hypothesis that is true in it, on the analysis boards: the debrief says "     \
      "whether the team's matrix pointed to it")                                                   \
    X(question, text,  T_STR, REQ,    ANY,                  "the question")                        \
    X(question, turn,  T_INT, DEF(0), R(0, CR_MAX_TURNS),                                          \
      "a pause point: the question is put to the room at the start of this turn (in a session "    \
      "that skips it, of the next turn it plays); 0: at the debrief only")                         \
    X(session, id,    T_ID,  REQ, ANY, "its id (`--session ID`)")                                  \
    X(session, title, T_STR, REQ, ANY, "e.g. \"A 90-minute class\"")                               \
    X(session, text,  T_STR, OPT, ANY, "what it leaves out, for the one who chooses")              \
    X(session, turns, T_TABLE("list of turns"), REQ, ANY,                                          \
      "the turns that stop for the teams; the others pass by themselves (their injects arrive, "   \
      "their decisions stay open until a played turn, their points are not carried over)")        \
    X(session, pauses, T_TABLE("list of question numbers"), OPT, ANY,                              \
      "the pause points it keeps (1 is the first question); the other questions wait for the "     \
      "debrief (default: every question with a turn)")                                             \
    X(start, seed,    T_INT, DEF(1), ANY, "the game's seed")                                       \
    X(start, variant, T_STR, OPT,    ANY, "a variant's id, or `\"random\"` (default: the first)") \
    X(start, session, T_STR, OPT,    ANY, "a session's id (default: every turn)")
// clang-format on

/* The game handle g ---------------------------------------------------------
   Methods: X(name, kind of the name they take (or none), use, args, doc).
   A READ method may be called in conditions; a CHANGE one only in effects.
   gameapi.c binds each to its function g_NAME. */
// clang-format off
#define API_G_METHODS(X)                                                                           \
    X(meter,     meter,  READ,   "(id)",          "current value")                                 \
    X(history,   meter,  READ,   "(id, turn)",    "value at the end of that turn (turn 0: the start)") \
    X(chosen,    option, READ,   "(\"event.option\")", "true when that option was chosen")         \
    X(choice,    event,  READ,   "(\"event\")",   "id of the chosen option, or nil")               \
    X(delivered, event,  READ,   "(\"event\")",   "true when delivered")                           \
    X(revealed,  card,   READ,   "(\"card\")",    "true when the card is revealed")                \
    X(uses,      action, READ,   "(\"action\" [, target])", "times the action was taken (on that target)") \
    X(role_name, role,   READ,   "(role)",        "the role's name now (`g:rename` changes it)")   \
    X(budget,    role,   READ,   "(role)",        "the action points the role gets each turn")     \
    X(points,    role,   READ,   "(role)",        "the action points it has left this turn")       \
    X(random,    none,   READ,   "([m [, n]])",   "the engine's generator, as `math.random`")      \
    X(assessment, board, READ,   "(board [, \"truth\"])",                                            \
      "an analysis board's assessment, from the team's grades and marks of the revealed cards: "   \
      "the leading hypothesis's id (nil: none leads), its likelihood (0 none, 1 likely, 2 very "   \
      "likely, 3 almost certain) and the confidence (`\"low\"`, `\"moderate\"`, `\"high\"`); with "  \
      "`\"truth\"`, the same from the true grades and the author's key: what the evidence revealed " \
      "so far really supports")                                                                    \
    X(grade,     card,   READ,   "(card)",        "the team's grade of a card: reliability, credibility (nil: not graded)") \
    X(session,   none,   READ,   "()",            "the id of the session played (nil: the full game)") \
    X(add,       meter,  CHANGE, "(id, delta)",   "add to a meter (clamped to its bounds)")        \
    X(set,       meter,  CHANGE, "(id, value)",   "set a meter")                                   \
    X(reveal,    card,   CHANGE, "(card)",        "reveal a card")                                 \
    X(deliver,   event,  CHANGE, "(event)",       "deliver an event now")                          \
    X(after,     event,  CHANGE, "(n, event)",    "deliver the event n turns later")               \
    X(cancel,    event,  CHANGE, "(event)",                                                        \
      "the event will not be delivered by what scheduled it (`after`, `g:after`) nor by its own "  \
      "`turn` or `when`; `g:deliver`, `g:after` or the facilitator still can. True when it was "    \
      "still to come")                                                                             \
    X(say,       none,   CHANGE, "(text)",        "an outcome line in the timeline")               \
    X(finish,    ending, CHANGE, "(ending)",      "end the game with that ending at the end of the turn") \
    X(rename,    role,   CHANGE, "(role, name [, short])",                                         \
      "the role's name (and short name) from now on, on every screen: an election, a new minister") \
    X(set_brief, role,   CHANGE, "(role, text)",  "the role's brief from now on")                  \
    X(add_budget, role,  CHANGE, "(role, n)",                                                      \
      "n more action points each turn from now on, this one too (n < 0: fewer, not below 0)")      \
    X(add_points, role,  CHANGE, "(role, n)",     "n more action points for this turn only (not below 0)")

/* Fields: X(name, doc). */
#define API_G_FIELDS(X)                                                                            \
    X(turn,    "current turn (1-based)")                                                           \
    X(turns,   "number of turns")                                                                  \
    X(role,    "id of the role whose move it is")                                                  \
    X(variant, "id of the variant in play (nil without variants)")                                 \
    X(target,  "inside an action's effects: the chosen target's id")                               \
    X(ended,   "true once the game has ended")                                                     \
    X(state,   "free state: `g.state.key` is a number, string or boolean; assigning it is a change")
// clang-format on

/* The test API (a scenario's tests/ *.lua) ----------------------------------
   X(name, where, args, doc): a GLOBAL function, a METHOD or FIELD of t. */
// clang-format off
#define API_TESTS(X)                                                                               \
    X(test,    GLOBAL, "(name, fn)",       "declare a test; `fn` receives `t`")                    \
    X(start,   METHOD, "{ seed =, variant =, session = }", "a new game (see `start` below)")     \
    X(cmd,     METHOD, "(line)",           "a command that must be taken")                         \
    X(refused, METHOD, "(line [, words])",                                                         \
      "a command that must be refused; with `words`, the refusal must contain them; returns the refusal") \
    X(play,    METHOD, "([policy])",                                                               \
      "automatic play to the end (`\"random\"`, the default, `\"first\"`, `\"historical\"`)")      \
    X(play_to, METHOD, "(turn [, policy])",                                                        \
      "automatic play to the start of that turn, with its first role to move")                     \
    X(g,       FIELD,  "",                                                                         \
      "the game handle, read-only as in conditions (`g:meter`, `g:chosen`, `g.turn`...)")          \
    X(ending,  METHOD, "()",               "the ending's id (nil while the game goes on)")         \
    X(texts,   METHOD, "()",                                                                       \
      "everything the players were shown so far (inject titles and texts, labels, cards, outcome " \
      "lines), one string, a line each")                                                           \
    X(debrief, METHOD, "()",                                                                       \
      "once the game has ended, what its debrief shows, a line each: the ending's title and text, " \
      "each objective's rating, title and text, each decision beside what really happened, then "  \
      "each question as `question N: put at turn T` or `question N: at the debrief` (nil before " \
      "the end)")                                                                      \
    X(check,   METHOD, "(cond, msg)",      "an assertion; a failure names the file:line and shows the last commands") \
    X(eq,      METHOD, "(a, b, msg)",      "an assertion that a equals b, showing both when not")
// clang-format on

/* Limits --------------------------------------------------------------------
   X(owner, NAME, value, unit, doc). SCRIPT limits are defined here (an enum
   constant NAME); CORE ones are core's constants, listed for the document
   (their value column is not used). A limit past which loading stops names
   the file and line. */
// clang-format off
#define API_LIMITS(X)                                                                              \
    X(SCRIPT, SCRIPT_MAX_FILE,    4 << 20,  BYTES, "one file of the scenario")                     \
    X(SCRIPT, SCRIPT_MAX_TOTAL,   16 << 20, BYTES, "all the scenario's files together")            \
    X(SCRIPT, SCRIPT_MAX_INCLUDES, 1000,    COUNT, "files included")                               \
    X(SCRIPT, SCRIPT_MAX_DECLS,   20000,    COUNT, "declarations (constructor calls)")             \
    X(SCRIPT, BUILD_MAX_EVENTS,   2000,     COUNT, "events")                                       \
    X(SCRIPT, BUILD_MAX_CARDS,    2000,     COUNT, "cards")                                        \
    X(SCRIPT, BUILD_MAX_MOVES,    10000,    COUNT, "options and actions together")                 \
    X(SCRIPT, BUILD_MAX_TEXT,     16384,    BYTES, "one text field (`title`, `text`, ...)")        \
    X(SCRIPT, BUILD_MAX_COPIED,   16 << 20, BYTES,                                                 \
      "all the text of the declarations together, each use of a string counted (one 16 KiB string in 1000 declarations is 16 MiB)") \
    X(CORE,   CR_MAX_TURNS,       (core),   COUNT, "turns")                                        \
    X(SCRIPT, BUILD_MAX_STEP_DAYS, 3650,    COUNT, "days one step of a dated clock may last (`\"520w\"`)") \
    X(CORE,   CR_MAX_ROLES,       (core),   COUNT, "roles")                                        \
    X(SCRIPT, SCRIPT_DEFAULT_INSTRUCTIONS, 20000000, COUNT,                                        \
      "instructions per callback, and for loading (about 0.1 s of plain Lua)")                     \
    X(SCRIPT, SCRIPT_TURN_INSTRUCTIONS, 100000000, COUNT,                                          \
      "instructions of all the callbacks of one turn together")                                    \
    X(SCRIPT, SCRIPT_GAME_INSTRUCTIONS, 1000000000, COUNT,                                         \
      "instructions of all the callbacks of one game together")                                    \
    X(SCRIPT, SCRIPT_DEFAULT_MEMORY, 64 << 20, BYTES, "memory of the scenario's Lua state")        \
    X(SCRIPT, SCRIPT_DEFAULT_TIME_MS, 1200, MS,                                                    \
      "wall-clock time per callback, behind the budget (`CRISISROOM_SCRIPT_TIME_MS` raises it)")   \
    X(SCRIPT, SCRIPT_TURN_TIME_MS, 5000, MS,                                                       \
      "wall-clock time of all the callbacks of one turn (raised in proportion with the above)")    \
    X(SCRIPT, SCRIPT_GAME_TIME_MS, 60000, MS,                                                      \
      "wall-clock time of all the callbacks of one game (raised in proportion with the above)")    \
    X(SCRIPT, SCRIPT_MAX_PRINT_CALL, 8192,  BYTES,                                                 \
      "output of `print` in one callback (or the load, or one test); past it lines are dropped and counted") \
    X(SCRIPT, SCRIPT_MAX_PRINT_GAME, 262144, BYTES,                                                \
      "output of `print` in one game (and outside games: the load and the tests together)")        \
    X(SCRIPT, GAPI_MAX_TEXT,      4000,     BYTES,                                                 \
      "text of `g:say`, a string in `g.state`, a computed ending or objective text, a name or brief of `g:rename` and `g:set_brief`") \
    X(SCRIPT, GAPI_MAX_KEY,       64,       BYTES, "a key of `g.state`")                           \
    X(CORE,   JOURNAL_MAX_LINES,  (core),   COUNT,                                                 \
      "lines of a save after its header, blank ones included (a longer save is refused at the line past it)") \
    X(CORE,   JOURNAL_LINE_MAX,   (core),   BYTES, "one line of a save (a longer one is refused with its number)") \
    X(CORE,   JOURNAL_CMD_MAX,    (core),   BYTES, "one command in a save (a longer one is refused with its line)") \
    X(SCRIPT, BUILD_MAX_ERRORS,   200,      COUNT, "problems `check` lists (past them one line says more follow)") \
    X(SCRIPT, TEST_MAX_COMMANDS,  200000,   COUNT, "commands of one `t:play` before it gives up")    \
    X(SCRIPT, TEST_MAX_INSTRUCTIONS, 50000000, COUNT,                                            \
      "instructions of one test (`crisisroom test`), its callbacks' included")                     \
    X(SCRIPT, TEST_TIME_MS,       120000,   MS,                                                    \
      "wall-clock time of all the tests of one `crisisroom test` run (raised in proportion with "  \
      "`CRISISROOM_SCRIPT_TIME_MS`)")
// clang-format on

/* What the lists above become ---------------------------------------------- */

typedef enum {
    K_none = -1, /* a method that takes no name */
#define API_X(name, cls, doc) K_##name,
    API_KINDS(API_X)
#undef API_X
        K_COUNT
} api_kind;

typedef enum {
#define API_X(kind, name, type, need, range, doc) F_##kind##_##name,
    API_FIELDS(API_X)
#undef API_X
        F_COUNT
} api_fid;

#define API_LIMIT_SCRIPT(name, value) name = (value),
#define API_LIMIT_CORE(name, value)
enum {
#define API_X(owner, name, value, unit, doc) API_LIMIT_##owner(name, value)
    API_LIMITS(API_X)
#undef API_X
};
#undef API_LIMIT_SCRIPT
#undef API_LIMIT_CORE

typedef enum { API_DECL, API_PART, API_FUNC } api_class;
typedef enum { API_READ, API_CHANGE } api_use;                /* of a g method */
typedef enum { API_GLOBAL, API_METHOD, API_FIELD } api_where; /* of a test API entry */
typedef enum { API_BYTES, API_COUNT, API_MS } api_unit;       /* of a limit */

/* How a field is read (and which Lua type it takes). */
typedef enum {
    API_STR,
    API_ID,
    API_NUM,
    API_INT,
    API_BOOL,
    API_FN,
    API_NAME,
    API_NAMES,
    API_STRS,
    API_DELTAS,
    API_STATES,
    API_EFFECTS,
    API_REQUIRES,
    API_CHOICE,
    API_TABLE,
    API_ANY
} api_type;

typedef struct api_kind_def {
    const char *name;
    api_class cls;
    const char *doc;
} api_kind_def;

typedef struct api_field {
    api_kind kind;
    const char *name;
    api_type type;
    api_kind ref;               /* API_NAME(S): what the names name */
    const char *const *choices; /* API_CHOICE: the words allowed, in their enum's order */
    int nchoices;
    const char *shape; /* how the document shows the type (NULL: from type) */
    int required;
    int has_def;
    double num;      /* default of a number or boolean */
    const char *str; /* default of a string */
    int has_range;
    double lo, hi;
    const char *doc;
} api_field;

extern const api_kind_def api_kinds[K_COUNT];
extern const api_field api_fields[F_COUNT];
extern const char *const api_good_names[];        /* meter.good, in def_good's order */
extern const char *const api_reliability_names[]; /* card.reliability: "A" .. "F" */

/* The field's name, as the author writes it. */
static inline const char *api_fname(api_fid f)
{
    return api_fields[f].name;
}

/* The fields of a kind: *n of them from the one returned (n = 0: none). */
const api_field *api_fields_of(api_kind k, int *n);
/* A field of a kind by name, or -1. */
int api_field_find(api_kind k, const char *name);
/* The kind's id field (its T_ID), or -1 for a kind without one. */
int api_id_field(api_kind k);
/* Edits (insert, delete, replace, swap two neighbours) from a to b. */
int api_edits(const char *a, const char *b);
/* b is near enough to a to be what was meant (two edits at most, and fewer
   than half of b): a typo, not another word. */
int api_is_typo(const char *a, const char *b);
/* The field of kind k nearest to a misspelt name (NULL when none is close). */
const char *api_field_near(api_kind k, const char *name);
/* Index of s among the choices of an API_CHOICE field, or -1. */
int api_choice(api_fid f, const char *s);

/* The things of a kind in a scenario (roles, meters, events, cards, boards,
   endings, variants, objectives, actions; other kinds have none): how many,
   the i-th one's id, and the index of one by id or -1 (for an action, its
   index among the moves). */
struct def_scenario;
int api_count(const struct def_scenario *sc, api_kind k);
const char *api_id(const struct def_scenario *sc, api_kind k, int i);
int api_find(const struct def_scenario *sc, api_kind k, const char *id);

/* The reference tables, as markdown: section is a kind's name (its fields),
   "g-read", "g-change", "test" or "limits". Returns -1 for an unknown one. */
struct strbuf;
int api_doc(const char *section, struct strbuf *out);
/* The i-th section api_doc knows (NULL past the last): every one must be
   in the documents. */
const char *api_doc_section(int i);

#endif
