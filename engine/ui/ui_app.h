/*
 * ui_app.h -- what the modules of the GUI share: the application state, the
 * screens, the hit areas that make every widget clickable and focusable, and
 * the functions each module exports. Internal to engine/ui/.
 *
 * The GUI is immediate-mode: each frame a screen draws itself from the game
 * state and registers the hit areas of its widgets; input is matched against
 * the hit areas of the last frame. Nothing is redrawn without an event.
 */
#ifndef CR_UI_APP_H
#define CR_UI_APP_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>

#include "report.h"
#include "movetimer.h"
#include "script.h"
#include "session.h"
#include "ui.h"
#include "view.h"

#define UI_PATH_MAX 1024
#define UI_PI       3.14159265f

typedef enum {
    SCR_TITLE,
    SCR_BRIEFING,
    SCR_HANDOVER,
    SCR_DASHBOARD,
    SCR_EVIDENCE,
    SCR_DIPLOMACY,
    SCR_TIMELINE,
    SCR_DEBRIEF,
    SCR_WHATIF,  /* the debrief's what-if: a past decision taken otherwise */
    SCR_CONSOLE, /* the facilitator's console (its own window, or F9 on one display) */
    SCR_JOIN,    /* the projector's join screen of `crisisroom host` */
    SCR_COUNT
} ui_screen;

/* Text styles: a face and a size, combined as face * TS_COUNT + size. */
typedef enum { FACE_REG, FACE_BOLD, FACE_ITALIC, FACE_COUNT } ui_face;
typedef enum { TS_SMALL, TS_BODY, TS_H3, TS_H2, TS_H1, TS_DISPLAY, TS_COUNT } ui_tsize;
#define ST(face, size) ((face)*TS_COUNT + (size))
#define ST_SMALL       ST(FACE_REG, TS_SMALL)
#define ST_BODY        ST(FACE_REG, TS_BODY)
#define ST_BODY_B      ST(FACE_BOLD, TS_BODY)
#define ST_BODY_I      ST(FACE_ITALIC, TS_BODY)
#define ST_SMALL_B     ST(FACE_BOLD, TS_SMALL)
#define ST_H3          ST(FACE_BOLD, TS_H3)
#define ST_H2          ST(FACE_BOLD, TS_H2)
#define ST_H1          ST(FACE_BOLD, TS_H1)
#define ST_DISPLAY     ST(FACE_BOLD, TS_DISPLAY)
#define ST_COUNT       (FACE_COUNT * TS_COUNT)

typedef struct ui_theme {
    const char *name;
    SDL_Color bg, panel, raised, border, text, dim, accent, on_accent, good, bad, warn, focus,
        hover, unread, shadow;
    SDL_Color roles[6];
} ui_theme;

/* What a hit area does when activated (click, tap, Enter on focus). */
typedef enum {
    ACT_NONE,
    ACT_SCREEN,      /* arg: screen */
    ACT_PICK_SCEN,   /* arg: scenario entry */
    ACT_NEW_GAME,    /* arg: scenario entry */
    ACT_VARIANT,     /* toggle variant mode */
    ACT_NEW_SEED,    /* draw another seed */
    ACT_RESUME,      /* arg: save entry */
    ACT_START,       /* briefing -> first hand-over */
    ACT_HANDOVER_OK, /* hand-over -> dashboard */
    ACT_ITEM,        /* arg: inbox item, -1 private brief */
    ACT_OPTION,      /* arg: move */
    ACT_ACTION,      /* arg: move */
    ACT_TARGET,      /* arg: target index in the confirm dialog */
    ACT_CONFIRM,
    ACT_CANCEL,
    ACT_RATIONALE, /* focus the rationale field */
    ACT_END_MOVE,
    ACT_CARD, /* arg: card */
    ACT_MENU,
    ACT_MENU_PAGE, /* arg: page */
    ACT_SAVE,
    ACT_LOAD,  /* arg: save entry */
    ACT_SCALE, /* arg: +1 / -1 */
    ACT_FULLSCREEN,
    ACT_CONTRAST,
    ACT_TO_TITLE,
    ACT_QUIT,
    ACT_REPORT, /* debrief: write the HTML report */
    /* The what-if screen (ui_screens_whatif.c). */
    ACT_WI_PICK,   /* arg: journal entry of a past decision */
    ACT_WI_OPTION, /* arg: the move to take instead */
    ACT_WI_POLICY, /* arg: the policy that plays on (policy_kind) */
    ACT_WI_RUN,
    /* The console's after-action tab (ui_console_aar.c). */
    ACT_AAR_TAB,     /* arg: 0 the controls, 1 the after-action tab */
    ACT_AAR_FIELD,   /* arg: its text field (AF_*) */
    ACT_AAR_OBJ,     /* arg: objective, -1 across objectives */
    ACT_AAR_CAP,     /* arg: core capability (hseep.h) */
    ACT_AAR_ALLCAPS, /* the 32 core capabilities, or the scenario's */
    ACT_AAR_KIND,    /* arg: strength or area (hseep_kind) */
    ACT_AAR_OBSERVE, /* record the observation */
    ACT_AAR_AREA,    /* arg: the observation a corrective action answers */
    ACT_AAR_ELEMENT, /* arg: capability element */
    ACT_AAR_PLAN,    /* add the corrective action */
    ACT_AAR_META,    /* arg: a particular (hseep_field), or HSEEP_NFIELDS + role */
    ACT_AAR_SET,     /* set it */
    ACT_CON_SHOW,    /* Yes: show the console on the players' screen */
    /* The facilitator's console (ui_console.c). */
    ACT_CON_PAUSE,  /* pause or resume */
    ACT_CON_TIMER,  /* arg: minutes, 0 off */
    ACT_CON_FIELD,  /* arg: text field to type in */
    ACT_CON_TO,     /* arg: inject recipient, -1 all */
    ACT_CON_INJECT, /* send the ad-hoc inject */
    ACT_CON_METER,  /* arg: meter to override */
    ACT_CON_SET,    /* apply the override */
    ACT_CON_NOTE,   /* pin the note */
    ACT_CON_SCHED,  /* arg: event selected in the schedule */
    ACT_CON_FIRE,
    ACT_CON_SUPPRESS,
    ACT_CON_UNDO,    /* asks first */
    ACT_CON_FINISH,  /* asks first */
    ACT_CON_CLOSE,   /* hosting: close the turn (teams move at once) */
    ACT_CON_REVOKE,  /* hosting: arg: join slot; asks first */
    ACT_CON_VIA,     /* arg: the inject's channel, -1 none */
    ACT_CON_DECIDES, /* arg: the role that answers the inject's options */
    ACT_CON_HELD,    /* send the inject at the resume (paused) */
    ACT_CON_POLICY,  /* arg: the policy of a jump */
    ACT_CON_JUMP,    /* jump to a turn; asks first */
    ACT_CON_YES,
    ACT_CON_NO,
    ACT_CON_HIDE,
    ACT_HOLD,       /* the projector's hold, on or off (F8, the console's button) */
    ACT_END_ANYWAY, /* the warning before End move: end it */
    ACT_ADHOC_OPT,  /* arg: item * ADHOC_OPT_BASE + option of an ad-hoc decision */
    /* An analysis board's matrix (ui_analysis_ctl.c). */
    ACT_MX_CELL, /* arg: card * 16 + column (0 the grade, 1.. the hypotheses) */
    ACT_MX_REL,  /* arg: card * 8 + reliability (0 A .. 5 F) */
    ACT_MX_CRED, /* arg: card * 8 + credibility - 1 */
    ACT_MX_FIT   /* arg: (card * 16 + hypothesis) * 4 + def_fit */
} ui_action;
#define ADHOC_OPT_BASE 16 /* more than an ad-hoc decision's options (9) */

typedef struct ui_hit {
    SDL_Rect r; /* pixels: what can be clicked (empty when scrolled out of sight) */
    int action, arg;
    int focusable;
    SDL_Rect full; /* the widget whole, where it lies in its scroll region */
    int sreg;      /* the index in sregs of its scroll region, -1 none */
} ui_hit;

typedef struct ui_sreg { /* a scrollable region */
    SDL_Rect r;
    int id;
} ui_sreg;

enum { SREG_MAIN, SREG_SIDE, SREG_THIRD, SREG_FOURTH, SREG_FIFTH, SREG_COUNT };

typedef struct ui_scen_entry {
    char *dir, *id, *title, *summary, *roles, *error;
    int nturns, nroles, nvariants;
} ui_scen_entry;

typedef struct ui_save_entry {
    char *path, *scenario, *started;
    int commands;
} ui_save_entry;

/* The move timer (movetimer.h) runs on ui_clock (milliseconds), which
   tests replace so that they need not sleep. */
typedef uint32_t (*ui_clock_fn)(void);
extern ui_clock_fn ui_clock;

/* Text fields of the console. */
enum { CF_NONE, CF_TITLE, CF_TEXT, CF_OPTIONS, CF_VALUE, CF_REASON, CF_NOTE, CF_TURN, CF_COUNT };
enum { CON_ASK_NONE, CON_ASK_UNDO, CON_ASK_FINISH, CON_ASK_REVOKE, CON_ASK_JUMP };

typedef struct ui_console {
    int on;      /* shown in the players' window instead of their screens */
    int back;    /* the players' screen to go back to when it is hidden */
    int to;      /* inject recipient: -1 all, else a role */
    int via;     /* inject channel: -1 none given, else CH_* */
    int decides; /* the role answering the inject's options: -1 the recipient (all: the moving one)
                  */
    int policy;  /* the policy of a jump (policy_kind) */
    int meter;   /* meter to override */
    int sched;   /* event selected in the schedule, -1 none */
    int field;   /* the field being typed in, CF_NONE none */
    int ask;     /* CON_ASK_*: a confirmation is on screen */
    int revoke;  /* CON_ASK_REVOKE: the join slot */
    char buf[CF_COUNT][600];
    char msg[1200]; /* what the last action did (or why not) */
    int msg_bad;
} ui_console;

/* The console's after-action tab: observations, the improvement plan and
   the exercise's particulars, each sent as a journaled command. */
enum { AF_NONE, AF_OBS, AF_CAUSE, AF_ACTION, AF_OWNER, AF_START, AF_DONE, AF_META, AF_COUNT };
typedef struct ui_aar_form {
    const session *ses; /* the game its choices are for (set up again for another) */
    int on;             /* the console shows this tab instead of its controls */
    int field;          /* the field being typed in, AF_NONE none */
    int objective, capability, kind, allcaps;
    int area, element; /* the corrective action's observation and element */
    int meta;          /* the particular to set */
    char buf[AF_COUNT][600];
} ui_aar_form;

/* The what-if screen: the decision picked, the option and policy instead,
   and the last replay (its session's, while nothing was journaled since). */
typedef struct ui_whatif {
    int entry, option, policy;
    int have;
    report_whatif w;
    const session *ses;
    int nlog;
    char msg[600];
    int bad;
} ui_whatif;

/* What the join screen shows (ui_screens_join.c): the host's line (ui.h's
   ui_join) for each team, in the roles' order, or sample codes for a
   screenshot. The observers' and the facilitator's lines are never here:
   the room's screen does not show them. */
#define UI_JOIN_MAX 16 /* CR_MAX_ROLES: every team of a scenario has a card */
typedef struct ui_join_screen {
    char url[256]; /* "http://HOST:PORT/" */
    int nteams;
    ui_join team[UI_JOIN_MAX];
    int sample; /* sample codes: a screenshot without a server */
} ui_join_screen;

/* MODAL_CONSOLE asks before the console takes the players' screen (F9);
   MODAL_END says what End move would leave undone (game_end_warning). */
typedef enum { MODAL_NONE, MODAL_CONFIRM, MODAL_MENU, MODAL_CONSOLE, MODAL_END } ui_modal;
enum { MENU_MAIN, MENU_LOAD, MENU_SETTINGS };

typedef struct ui_app {
    /* Output. In screenshot mode win is NULL and ren draws on surf. */
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *surf;
    int pw, ph;          /* output size in pixels */
    float px_per_pt;     /* pixels per window coordinate (high-DPI) */
    float user_scale, s; /* s: pixels per design unit (1080p = 1.0) */
    int high_contrast, fullscreen;
    const ui_theme *th;

    /* Fonts. */
    char font_dir[UI_PATH_MAX];
    TTF_Font *font[ST_COUNT];
    int font_px[ST_COUNT];
    char font_err[4 * UI_PATH_MAX];

    /* Input: last frame's hit areas and scroll regions. */
    ui_hit hits[768];
    int nhits;
    int focus_act, focus_arg; /* the focused widget, ACT_NONE none */
    SDL_Rect clip;
    int clipping;
    int mx, my; /* mouse, pixels */
    int block_hits;
    ui_sreg sregs[8];
    int nsregs, cur_sreg; /* cur_sreg: the region being drawn, -1 none */
    int scroll[SCR_COUNT][SREG_COUNT];
    int scroll_max[SCR_COUNT][SREG_COUNT];

    /* Where things are (datadir.h): scen_root lists the folders searched for
       scenarios, for messages; save_dir is "" when there is none. */
    char scen_root[4 * UI_PATH_MAX], save_dir[UI_PATH_MAX];

    /* Title screen. */
    ui_scen_entry *scens;
    int nscens, scen_sel;
    ui_save_entry *saves;
    int nsaves;
    int variant_mode;
    char session_id[64]; /* --session: the scenario's session a new game plays ("": every turn) */
    uint64_t seed;

    /* The game in play. */
    script *scr;
    session *ses;
    char save_path[UI_PATH_MAX]; /* journal being written, "" none */
    char warning[1024];          /* shown as a banner while set */
    char error[2048];            /* load failures, shown on the title */
    char status[512];            /* short toast */
    uint32_t status_until;

    /* Screens. */
    ui_screen screen, after_handover;
    int modal, menu_page;
    int sel_item; /* inbox item shown in full; -1 private brief */
    int sel_card; /* evidence board */
    /* The analysis matrix's cursor: its card (-1 none) and column, and a
       source letter typed before its digit (0 none). */
    int mx_card, mx_col;
    char mx_rel;
    uint8_t *read;  /* [nitems * nroles] read marks */
    int read_items; /* items covered by read */
    int seen_role, seen_turn;

    /* The confirm dialog: a move (pend_move), or with pend_move -1 an
       ad-hoc decision's option (pend_item, pend_opt). */
    int pend_move, pend_target, pend_item, pend_opt;
    /* The warning before End move: its sentence, and the move it was given
       in (once a move: End again ends it). */
    char end_warning[1200];
    int warned_turn, warned_role;
    char rationale[400];
    int typing;
    /* A number key opens the dialog, and the same press then arrives as
       text: that one character is not the rationale's (see ui_handle). */
    int key_char, swallow_char;

    int quit, dirty;
    int no_autosave;
    int presenter; /* --presenter: this window is projected; the console never shows in it */
    /* `crisisroom host` (ui.h): the teams play on their devices; this window
       shows what an observer sees. NULL when playing hot-seat. */
    const struct ui_host *host;
    Uint32 wake_event; /* the server's wake-up (an SDL user event) */
    /* Partial frames: a frame drawn with limit set (w > 0) is clipped to it,
       so that a change confined there (the timer's second) is redrawn and
       sent to the screen alone. timer_at is where the last frame showed the
       timer (w == 0: nowhere); sw says the window is drawn in software, so
       what is on screen outside the limit stays valid. */
    SDL_Rect limit, timer_at;
    int sw;

    /* The facilitator's side. The players' app owns the console's state and
       the timer; a second window is a view (its own renderer, fonts, hit
       areas and scrolling) whose peer is the players' app. */
    ui_console con;
    ui_aar_form aar;
    ui_whatif wi;
    movetimer timer;
    int began;           /* the first team has passed a hand-over: the exercise runs */
    int hold;            /* the projector is held: the players' window shows the card */
    struct ui_app *peer; /* console window: the players' app */
    struct ui_app *cwin; /* players' app: the console window, NULL none */
    SDL_Color under;     /* what scrolled content is drawn on */
    char report_msg[UI_PATH_MAX + 600];
    int report_bad;
} ui_app;

/* ui_theme.c */
const ui_theme *ui_theme_get(int high_contrast);
SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t);
SDL_Color ui_role_color(const ui_app *a, int role);

/* ui_geom.c: rectangles. */
int ui_px(const ui_app *a, float units); /* design units -> pixels */
SDL_Rect ui_rect(int x, int y, int w, int h);
SDL_Rect ui_inset(SDL_Rect r, int d);
SDL_Rect ui_cut_top(SDL_Rect *r, int h, int gap);
SDL_Rect ui_cut_left(SDL_Rect *r, int w, int gap);
SDL_Rect ui_cut_right(SDL_Rect *r, int w, int gap);
SDL_Rect ui_cut_bottom(SDL_Rect *r, int h, int gap);

/* ui_draw.c: primitives and the text cache. Coordinates in pixels. */
int ui_fonts_open(ui_app *a);
void ui_fonts_close(ui_app *a);
void ui_text_cache_flush(void);
void ui_color(ui_app *a, SDL_Color c);
void ui_fill(ui_app *a, SDL_Rect r, SDL_Color c);
void ui_round(ui_app *a, SDL_Rect r, int radius, SDL_Color c);
void ui_frame(ui_app *a, SDL_Rect r, int radius, int thick, SDL_Color c);
void ui_line(ui_app *a, float x0, float y0, float x1, float y1, float thick, SDL_Color c);
void ui_disc(ui_app *a, float cx, float cy, float radius, SDL_Color c);
void ui_ring(ui_app *a, float cx, float cy, float radius, float thick, SDL_Color c);
void ui_tri(ui_app *a, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c);
/* A test hook: while set, every line of text drawn is appended to it, one
   per line, so that tests can check what reached a screen (nothing hidden). */
extern struct strbuf *ui_drawn;
/* One line of text at (x, y) (top-left); returns its width. */
int ui_draw_line(ui_app *a, int style, SDL_Color c, int x, int y, const char *text);
int ui_text_width(ui_app *a, int style, const char *text);
int ui_line_h(ui_app *a, int style);

/* ui_layout.c: wrapped text in boxes, with an overflow reporter. */
enum {
    TX_CENTER = 1,   /* centre each line */
    TX_RIGHT = 2,    /* right-align */
    TX_VCENTER = 4,  /* centre vertically in the box */
    TX_ELLIPSIS = 8, /* one line, cut with "…" when too long (not an overflow) */
    TX_MEASURE = 16, /* measure only */
    TX_FLOW = 32,    /* box height is unbounded (scrolled content) */
    TX_CLAMP = 64    /* the lines the box holds, the last cut with "…" (not an overflow) */
};
int ui_text(ui_app *a, int style, SDL_Color c, SDL_Rect box, const char *text, int flags);
int ui_text_h(ui_app *a, int style, const char *text, int width);
void ui_layout_reset(void);
int ui_layout_overflows(void);
const char *ui_layout_overflow(int i);
void ui_layout_note(const char *what, const SDL_Rect *r, int need);

/* ui_widgets.c: hit areas, focus, panels, buttons, scroll regions. */
void ui_hit_add(ui_app *a, SDL_Rect r, int action, int arg, int focusable);
/* A focusable widget scrolled out of sight, not drawn: Tab still reaches
   it, and scrolls it into view (ui_input.c). */
void ui_hit_hidden(ui_app *a, SDL_Rect r, int action, int arg);
int ui_hit_at(const ui_app *a, int x, int y);
int ui_is_focus(const ui_app *a, int action, int arg);
int ui_is_hover(const ui_app *a, SDL_Rect r);
void ui_panel(ui_app *a, SDL_Rect r, const char *title, SDL_Rect *body);
int ui_button(ui_app *a, SDL_Rect r, const char *label, int action, int arg, int primary);
void ui_chip(ui_app *a, SDL_Rect r, const char *label, SDL_Color bg, SDL_Color fg);
int ui_chip_w(ui_app *a, const char *label);
int ui_button_key(ui_app *a, SDL_Rect r, const char *label, const char *key, int action, int arg,
                  int primary);
void ui_focus_ring(ui_app *a, SDL_Rect r, int action, int arg);
void ui_clip(ui_app *a, const SDL_Rect *r); /* NULL: none (but a->limit) */
/* Scroll regions: begin clips to r and returns the content offset. */
int ui_scroll_begin(ui_app *a, int id, SDL_Rect r);
/* A titled panel whose body scrolls in region id: the body (less the
   scrollbar's strip) to *body, the visible rectangle to *view (for
   ui_scroll_end); returns the y at which its content starts. */
int ui_scroll_panel(ui_app *a, SDL_Rect r, const char *title, int id, SDL_Rect *body,
                    SDL_Rect *view);
void ui_scroll_end(ui_app *a, int id, SDL_Rect r, int content_h);
int ui_visible(const ui_app *a, SDL_Rect r);
void ui_scroll_by(ui_app *a, int x, int y, int dy);
void ui_key_hint(ui_app *a, int x, int y, const char *key);

/* ui_icons.c: channel and state icons drawn with primitives. */
void ui_icon_channel(ui_app *a, int channel, SDL_Rect r, SDL_Color c);
void ui_icon_arrow(ui_app *a, SDL_Rect r, int dir, SDL_Color c);
void ui_icon_check(ui_app *a, SDL_Rect r, SDL_Color c);
void ui_icon_lock(ui_app *a, SDL_Rect r, SDL_Color c);
void ui_icon_card(ui_app *a, SDL_Rect r, SDL_Color c);
void ui_icon_clock(ui_app *a, SDL_Rect r, SDL_Color c);
void ui_icon_bolt(ui_app *a, SDL_Rect r, SDL_Color c);
void ui_icon_flag(ui_app *a, SDL_Rect r, SDL_Color c);

/* ui_timer.c: the move timer follows the game (a new move starts it from
   full, a pause stops it) and the players' app (ui_can_act: it waits on
   the briefing, the hand-over, the menu and the hold). a is the players'. */
int ui_can_act(const ui_app *a);
void ui_timer_sync(ui_app *a);
/* A loaded save: the move in progress goes on from what it had used. */
void ui_timer_restore(ui_app *a);
long long ui_timer_left(const movetimer *t); /* ms left (0 when over), -1 no timer */
/* "9:41"; *amber in the last minute. */
void ui_timer_text(const movetimer *t, const game *g, char *buf, size_t size, int *amber);
uint32_t ui_timer_wait(const movetimer *t); /* ms to the next visible change, 0 none */

/* ui_console.c, ui_console_ctl.c: the facilitator's console. */
void ui_console_draw(ui_app *v);
int ui_console_key(ui_app *v, SDL_Keycode k);
void ui_console_text(ui_app *v, const char *text);
void ui_console_do(ui_app *v, int action, int arg);
ui_app *ui_players(ui_app *v);      /* the app that holds the game */
int ui_is_console(const ui_app *a); /* v shows the console (its window, or F9 in place) */
/* One line per upcoming inject; see ui_console_ctl.c. */
int ui_schedule_line(const ui_app *a, int ev, char *buf, size_t size);
/* The role that answers the ad-hoc inject's options, as the console sends it. */
int ui_inject_decider(const ui_app *m);
/* The console's message line (bad: an error), and a redraw of both windows. */
void ui_console_say(ui_app *m, int bad, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_console_redraw(ui_app *m);
/* A command as the facilitator's, said on the message line: 0 or -1. */
int ui_console_apply(ui_app *m, const char *line);
/* A field's text made fit for one command line, in place. */
const char *ui_console_clean(char *s);

/* ui_console_aar.c: the console's after-action tab. tabs draws the switch
   between it and the controls in r; text and key take typing into its
   fields (1 when taken). */
void ui_console_aar_tabs(ui_app *v, ui_app *m, SDL_Rect r);
void ui_console_aar_draw(ui_app *v, ui_app *m, SDL_Rect r);
void ui_console_aar_do(ui_app *v, int action, int arg);
int ui_console_aar_text(ui_app *v, const char *text);
int ui_console_aar_key(ui_app *v, SDL_Keycode k);

/* ui_screens_whatif.c: the debrief's what-if. */
void ui_whatif_draw(ui_app *a);
void ui_whatif_do(ui_app *a, int action, int arg);
void ui_whatif_reset(ui_app *a); /* forget the replay (ui_game_close frees it too) */

/* ui_png.c */
int ui_png_write(const char *path, const SDL_Surface *rgba, char *err, size_t errlen);

/* ui_game.c: the game in play, scenarios and saves on disk. */
void ui_find_dirs(ui_app *a);
void ui_scan_scenarios(ui_app *a);
void ui_scan_saves(ui_app *a);
void ui_free_lists(ui_app *a);
int ui_game_new(ui_app *a, const char *dir, uint64_t seed, const char *variant, const char *save);
int ui_game_load(ui_app *a, const char *path);
/* A game started elsewhere (`host`): the app takes scr and s. */
void ui_game_adopt(ui_app *a, script *scr, session *s, const char *save);
void ui_game_close(ui_app *a);
int ui_apply_file(ui_app *a, const char *path);
uint64_t ui_fresh_seed(void); /* from the clock, for a new game */
int ui_is_read(ui_app *a, int item, int role);
void ui_mark_read(ui_app *a, int item, int role);
void ui_set_status(ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *ui_role_name(const ui_app *a, int role);
const char *ui_item_title(const ui_app *a, int item);
/* Core names roles by id ("decided by akshi"); players read short names. */
void ui_role_words(const ui_app *a, const char *in, char *out, size_t size);
/* F5: the scenario again from disk, the game replayed on it (reload.h):
   0 with the outcome as a toast, or on the banner when commands were left
   out; -1 with why on the banner, the game unchanged. */
int ui_game_reload(ui_app *a);
/* The debrief's report next to the save; the outcome in a->report_msg. */
int ui_write_report(ui_app *a);

/* ui_window.c: set-up, windows and sizes. */
void ui_begin_app(ui_app *a);
int ui_init_offscreen(ui_app *a, int w, int h);
int ui_resize_offscreen(ui_app *a, int w, int h);
void ui_shutdown(ui_app *a);
void ui_set_size(ui_app *a, int pw, int ph);
void ui_refresh_size(ui_app *a); /* after the window changed size or screen */
SDL_Renderer *ui_make_renderer(SDL_Window *w);
int ui_is_software(SDL_Renderer *r);
/* The console's own window at `at` (or on the second display). 0 or -1. */
int ui_console_open(ui_app *a, SDL_Rect at);
SDL_Rect ui_beside(ui_app *a); /* beside the players' window, the same size */

/* ui_input.c: one event. */
void ui_handle(ui_app *a, const SDL_Event *e);

/* ui_loop.c: one frame, and the interactive loop until the window closes. */
void ui_render(ui_app *a);
void ui_loop(ui_app *a, Uint64 t_start);

/* Screens (ui_screens_*.c) and their shared chrome (ui_chrome.c). */
SDL_Rect ui_chrome(ui_app *a, const char *heading);
/* Whom a window shows the game to (view.h): the console's window the
   facilitator, the players' window the moving team (the debrief at the end). */
viewer ui_view(const ui_app *a);
void ui_title_draw(ui_app *a);
void ui_briefing_draw(ui_app *a);
void ui_handover_draw(ui_app *a);
void ui_hold_draw(ui_app *a); /* the projector's hold: "Exercise paused" */
void ui_dashboard_draw(ui_app *a);
int ui_dashboard_key(ui_app *a, SDL_Keycode k);
void ui_evidence_draw(ui_app *a);
/* An analysis board (analysis.h) on the evidence screen: the assessment and
   the matrix from y in r (returns the y below); the card panel's grading
   part; what its clicks and keys do (ui_analysis_ctl.c). */
int ui_analysis_editable(const ui_app *a, int board);
int ui_analysis_board(ui_app *a, int board, SDL_Rect r, int y);
int ui_analysis_card(ui_app *a, int card, SDL_Rect r, int y);
void ui_analysis_do(ui_app *a, int action, int arg);
int ui_evidence_key(ui_app *a, SDL_Keycode k);
void ui_diplomacy_draw(ui_app *a);
void ui_timeline_draw(ui_app *a);
void ui_debrief_draw(ui_app *a);
void ui_join_draw(ui_app *a);
void ui_join_get(const ui_app *a, ui_join_screen *j);
void ui_join_sample(const ui_app *a, ui_join_screen *j); /* the screenshot's codes */
void ui_menu_draw(ui_app *a);
void ui_confirm_draw(ui_app *a);
void ui_end_warning_draw(ui_app *a);
void ui_console_ask_draw(ui_app *a);
void ui_meter_row(ui_app *a, SDL_Rect r, int meter, int show_spark);
void ui_sparkline(ui_app *a, SDL_Rect r, int meter, SDL_Color c, int axes);
void ui_move_card(ui_app *a, SDL_Rect r, int move, int number, int *height, int measure);
/* A standing action in a list: its label, a line of its text, its cost and
   why it is locked; its risk is the confirm dialog's. */
void ui_action_card(ui_app *a, SDL_Rect r, int move, int *height, int measure);
/* The hit a move card registers, for one scrolled out of sight. */
void ui_move_hit(ui_app *a, SDL_Rect r, int move);
int ui_move_state(ui_app *a, int move, char *why, size_t len);

#endif
