/*
 * hseep.h -- the evaluation of an exercise, in the terms of HSEEP (the US
 * Homeland Security Exercise and Evaluation Program) that the after-action
 * report / improvement plan uses: observations, the improvement plan and
 * the exercise's own particulars (sponsor, location, who took part).
 *
 * The facilitator and evaluators record them with journaled commands
 * (cmd.h: observe, cause, plan, owner, exercise), during play, while
 * paused and after the end (the hotwash). game_apply hands them here.
 *
 *   observation   tied to a scenario objective and to one of the 32 core
 *                 capabilities of FEMA's National Preparedness Goal (2nd
 *                 ed., 2015), marked a strength or an area for
 *                 improvement, with a root cause (`cause N`)
 *   plan row      a corrective action for an area for improvement: its
 *                 capability element (planning, organization, equipment,
 *                 training, exercises), the owner, start and completion
 *                 dates (YYYY-MM-DD, or "-" while not set)
 *   particulars   name, sponsor, location, facilitator, evaluators, and
 *                 the participants of each team
 *
 * They change nothing in the game's course: no meter, no inject, no
 * random number. So they are kept out of game_hash: the state hash is the
 * fingerprint of how the game played (replay and what-if compare it), and
 * two games that played alike have the same hash whatever was written
 * about them. They are journaled and replayed like every command, undone
 * by `undo`, and seen only by the facilitator and, after the end, the
 * debrief (view.h: view_sees_evaluation).
 */
#ifndef CR_HSEEP_H
#define CR_HSEEP_H

#include <stddef.h>

#include "cmd.h"
#include "def.h"

/* X(id, name, mission areas): the 32 core capabilities. The ids are what
   commands and scenarios (`capabilities = {...}`) write. */
// clang-format off
#define HSEEP_CAPABILITIES(X) \
    X(planning,                           "Planning",                                         "all") \
    X(public_information_and_warning,     "Public Information and Warning",                   "all") \
    X(operational_coordination,           "Operational Coordination",                         "all") \
    X(forensics_and_attribution,          "Forensics and Attribution",                        "prevention") \
    X(intelligence_and_information_sharing, "Intelligence and Information Sharing",           "prevention, protection") \
    X(interdiction_and_disruption,        "Interdiction and Disruption",                      "prevention, protection") \
    X(screening_search_and_detection,     "Screening, Search, and Detection",                 "prevention, protection") \
    X(access_control_and_identity_verification, "Access Control and Identity Verification",   "protection") \
    X(cybersecurity,                      "Cybersecurity",                                    "protection") \
    X(physical_protective_measures,       "Physical Protective Measures",                     "protection") \
    X(risk_management_for_protection,     "Risk Management for Protection Programs and Activities", "protection") \
    X(supply_chain_integrity_and_security, "Supply Chain Integrity and Security",             "protection") \
    X(community_resilience,               "Community Resilience",                             "mitigation") \
    X(long_term_vulnerability_reduction,  "Long-term Vulnerability Reduction",                "mitigation") \
    X(risk_and_disaster_resilience_assessment, "Risk and Disaster Resilience Assessment",     "mitigation") \
    X(threats_and_hazards_identification, "Threats and Hazards Identification",               "mitigation") \
    X(critical_transportation,            "Critical Transportation",                          "response") \
    X(environmental_response_health_and_safety, "Environmental Response/Health and Safety",   "response") \
    X(fatality_management_services,       "Fatality Management Services",                     "response") \
    X(fire_management_and_suppression,    "Fire Management and Suppression",                  "response") \
    X(logistics_and_supply_chain_management, "Logistics and Supply Chain Management",         "response") \
    X(mass_care_services,                 "Mass Care Services",                               "response") \
    X(mass_search_and_rescue_operations,  "Mass Search and Rescue Operations",                "response") \
    X(on_scene_security_protection_and_law_enforcement, "On-scene Security, Protection, and Law Enforcement", "response") \
    X(operational_communications,         "Operational Communications",                       "response") \
    X(public_health_healthcare_and_ems,   "Public Health, Healthcare, and Emergency Medical Services", "response") \
    X(situational_assessment,             "Situational Assessment",                           "response") \
    X(infrastructure_systems,             "Infrastructure Systems",                           "response, recovery") \
    X(economic_recovery,                  "Economic Recovery",                                "recovery") \
    X(health_and_social_services,         "Health and Social Services",                       "recovery") \
    X(housing,                            "Housing",                                          "recovery") \
    X(natural_and_cultural_resources,     "Natural and Cultural Resources",                   "recovery")

/* X(id, name): the capability elements of an improvement plan (POETE). */
#define HSEEP_ELEMENTS(X) \
    X(planning,     "Planning") \
    X(organization, "Organization") \
    X(equipment,    "Equipment") \
    X(training,     "Training") \
    X(exercises,    "Exercises")

/* X(id, label, needs a team): the particulars `exercise FIELD` sets. */
#define HSEEP_FIELDS(X) \
    X(name,         "Exercise name", 0) \
    X(sponsor,      "Sponsor",       0) \
    X(location,     "Location",      0) \
    X(facilitator,  "Facilitator",   0) \
    X(evaluators,   "Evaluators",    0) \
    X(participants, "Participants",  1)
// clang-format on

#define HSEEP_ENUM_(id, ...) HSEEP_##id,
typedef enum { HSEEP_CAPABILITIES(HSEEP_ENUM_) HSEEP_NCAPABILITIES } hseep_capability;
#undef HSEEP_ENUM_
#define HSEEP_ENUM_(id, ...) HSEEP_EL_##id,
typedef enum { HSEEP_ELEMENTS(HSEEP_ENUM_) HSEEP_NELEMENTS } hseep_element;
#undef HSEEP_ENUM_
#define HSEEP_ENUM_(id, ...) HSEEP_F_##id,
typedef enum { HSEEP_FIELDS(HSEEP_ENUM_) HSEEP_NFIELDS } hseep_field;
#undef HSEEP_ENUM_

typedef struct hseep_name {
    const char *id, *name, *missions; /* missions: capabilities only */
    int per_team;                     /* fields only */
} hseep_name;
extern const hseep_name hseep_capabilities[HSEEP_NCAPABILITIES];
extern const hseep_name hseep_elements[HSEEP_NELEMENTS];
extern const hseep_name hseep_fields[HSEEP_NFIELDS];

/* Records one exercise may hold: a report's tables past these would not
   be read, and a runaway script of commands should stop with a reason. */
#define HSEEP_MAX_OBSERVATIONS 500
#define HSEEP_MAX_PLAN         500
#define HSEEP_DATE_MAX         11 /* "2024-12-31" and its terminator */

typedef enum { HSEEP_STRENGTH, HSEEP_AREA } hseep_kind;
extern const char *const hseep_kind_names[2]; /* "strength", "area" */

typedef struct hseep_obs {
    int turn;      /* when it was recorded */
    int objective; /* index in the scenario's objectives */
    int capability;
    hseep_kind kind;
    char *text;  /* the observation statement */
    char *cause; /* its root cause (analysis), NULL while not given */
    /* who sent it is the journal's (its provenance): the report reads it */
} hseep_obs;

typedef struct hseep_plan {
    int obs; /* the area for improvement it answers (index) */
    int element;
    char *action;
    char *owner; /* responsible organisation and point of contact, NULL none */
    char start[HSEEP_DATE_MAX], done[HSEEP_DATE_MAX]; /* "" while not set */
} hseep_plan;

typedef struct hseep_eval {
    hseep_obs *obs;
    int nobs, cobs;
    hseep_plan *plan;
    int nplan, cplan;
    char *field[HSEEP_NFIELDS];       /* NULL while not set; participants: unused */
    char *participants[CR_MAX_ROLES]; /* by role */
} hseep_eval;

/* 1 for the commands handled here. */
int hseep_is_command(cmd_kind k);
/* Apply one of them: 0, or -1 with the reason in err (nothing changed). */
int hseep_apply(hseep_eval *e, const def_scenario *sc, int turn, const cmd *c, char *err,
                size_t errlen);
/* Forget everything (a game reset); the arrays are kept for reuse. */
void hseep_clear(hseep_eval *e);
void hseep_free(hseep_eval *e);

/* A capability by its id, or by an unambiguous start of it ("cyber");
   -1 when none or several match. */
int hseep_capability_find(const char *word);
/* A capability element by its id; -1 when unknown. */
int hseep_element_find(const char *word);
/* 1 when s is "YYYY-MM-DD" and a date of the calendar. */
int hseep_date_ok(const char *s);

#endif
