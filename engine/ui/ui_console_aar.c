/*
 * ui_console_aar.c -- the facilitator console's after-action tab: an
 * observation (an objective, a core capability, strength or area for
 * improvement, what was seen and its root cause), a corrective action for
 * an area (capability element, owner, start and completion dates), and the
 * exercise's particulars (name, sponsor, location, facilitator, evaluators,
 * each team's participants). Each is sent as a journaled command (cmd.h:
 * observe, cause, plan, owner, exercise), so it replays and reaches the
 * after-action report; none changes the game (hseep.h).
 *
 * The console draws the tab switch and this tab (ui_console.c); typing in
 * its fields comes here first (ui_console_ctl.c hands text and keys on).
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

/* The app holding the game: the console's own window is a view of it. */
static ui_app *players(ui_app *v)
{
    return v->peer ? v->peer : v;
}

/* The choices start afresh for each game: the scenario's first core
   capability, an area for improvement, across objectives. */
static void set_up(ui_app *m)
{
    ui_aar_form *f = &m->aar;
    if (f->ses == m->ses) return;
    int on = f->on;
    memset(f, 0, sizeof *f);
    f->ses = m->ses, f->on = on;
    f->objective = f->area = -1;
    f->kind = HSEEP_AREA;
    f->meta = HSEEP_F_sponsor;
    int k = m->ses->sc->ncapabilities ? hseep_capability_find(m->ses->sc->capabilities[0]) : -1;
    f->capability = k >= 0 ? k : HSEEP_cybersecurity;
}

static void take(ui_app *m, int field, char *out, size_t size)
{
    char tmp[sizeof m->aar.buf[0]];
    str_fmt(tmp, sizeof tmp, "%s", m->aar.buf[field]);
    str_fmt(out, size, "%s", ui_console_clean(tmp));
}

/* What the buttons send ------------------------------------------------------------- */

static void observe(ui_app *m)
{
    ui_aar_form *f = &m->aar;
    const def_scenario *sc = m->ses->sc;
    char text[600], cause[600], line[1400];
    take(m, AF_OBS, text, sizeof text), take(m, AF_CAUSE, cause, sizeof cause);
    if (!text[0]) {
        ui_console_say(m, 1, _("Write what was observed first (one statement)."));
        f->field = AF_OBS;
        return;
    }
    str_fmt(line, sizeof line, "%s %s %s %s -- %s", cmd_names[CMD_OBSERVE],
            f->objective >= 0 && f->objective < sc->nobjectives ? sc->objectives[f->objective].id
                                                                : "-",
            hseep_capabilities[f->capability].id, hseep_kind_names[f->kind], text);
    if (ui_console_apply(m, line)) return;
    int n = m->ses->g->eval.nobs;
    if (cause[0]) {
        str_fmt(line, sizeof line, "%s %d -- %s", cmd_names[CMD_CAUSE], n, cause);
        if (ui_console_apply(m, line)) return;
    }
    ui_console_say(m, 0, _("Observation %d recorded (journaled); the report lists it."), n);
    f->buf[AF_OBS][0] = f->buf[AF_CAUSE][0] = '\0', f->field = AF_NONE;
    if (f->kind == HSEEP_AREA) f->area = n - 1; /* ready for its corrective action */
}

static void date_word(ui_app *m, int field, char *out, size_t size)
{
    take(m, field, out, size);
    if (!out[0]) str_fmt(out, size, "-");
}

static void plan(ui_app *m)
{
    ui_aar_form *f = &m->aar;
    const hseep_eval *e = &m->ses->g->eval;
    char action[600], owner[600], start[64], done[64], line[1400];
    if (f->area < 0 || f->area >= e->nobs || e->obs[f->area].kind != HSEEP_AREA) {
        ui_console_say(
            m, 1, _("Pick the area for improvement it answers (one of the observations above)."));
        return;
    }
    take(m, AF_ACTION, action, sizeof action), take(m, AF_OWNER, owner, sizeof owner);
    date_word(m, AF_START, start, sizeof start), date_word(m, AF_DONE, done, sizeof done);
    if (!action[0]) {
        ui_console_say(m, 1, _("Write the corrective action first."));
        f->field = AF_ACTION;
        return;
    }
    str_fmt(line, sizeof line, "%s %d %s %s %s -- %s", cmd_names[CMD_PLAN], f->area + 1,
            hseep_elements[f->element].id, start, done, action);
    if (ui_console_apply(m, line)) return;
    int n = e->nplan;
    if (owner[0]) {
        str_fmt(line, sizeof line, "%s %d -- %s", cmd_names[CMD_OWNER], n, owner);
        if (ui_console_apply(m, line)) return;
    }
    ui_console_say(m, 0, _("Corrective action %d is in the improvement plan (journaled)."), n);
    for (int k = AF_ACTION; k <= AF_DONE; k++) f->buf[k][0] = '\0';
    f->field = AF_NONE;
}

static void set_meta(ui_app *m)
{
    ui_aar_form *f = &m->aar;
    const def_scenario *sc = m->ses->sc;
    char value[600], line[1400];
    take(m, AF_META, value, sizeof value);
    if (!value[0]) {
        ui_console_say(m, 1, _("Type the value first."));
        f->field = AF_META;
        return;
    }
    if (f->meta < HSEEP_NFIELDS)
        str_fmt(line, sizeof line, "%s %s -- %s", cmd_names[CMD_EXERCISE], hseep_fields[f->meta].id,
                value);
    else
        str_fmt(line, sizeof line, "%s %s %s -- %s", cmd_names[CMD_EXERCISE],
                hseep_fields[HSEEP_F_participants].id, sc->roles[f->meta - HSEEP_NFIELDS].id,
                value);
    if (!ui_console_apply(m, line)) f->buf[AF_META][0] = '\0', f->field = AF_NONE;
}

/* The value set so far of a particular (meta as ACT_AAR_META's arg). */
static const char *meta_value(const ui_app *m, int meta)
{
    const hseep_eval *e = &m->ses->g->eval;
    return meta < HSEEP_NFIELDS ? e->field[meta] : e->participants[meta - HSEEP_NFIELDS];
}

static void pick_meta(ui_app *m, int meta)
{
    if (meta < 0 || meta == HSEEP_F_participants || meta >= HSEEP_NFIELDS + m->ses->sc->nroles)
        return;
    const char *v = meta_value(m, meta);
    m->aar.meta = meta;
    str_fmt(m->aar.buf[AF_META], sizeof m->aar.buf[AF_META], "%s", v ? v : "");
    m->aar.field = AF_META;
}

static void start_typing(ui_app *v, int field)
{
    ui_app *m = players(v);
    m->aar.field = field;
    m->con.field = CF_NONE; /* one field types at a time */
    if (v->win) SDL_StartTextInput();
}

void ui_console_aar_do(ui_app *v, int action, int arg)
{
    ui_app *m = players(v);
    if (!m->ses) return;
    set_up(m);
    ui_aar_form *f = &m->aar;
    switch (action) {
    case ACT_AAR_TAB:
        f->on = arg != 0, f->field = AF_NONE, m->con.field = CF_NONE;
        break;
    case ACT_AAR_FIELD:
        if (arg > AF_NONE && arg < AF_COUNT) start_typing(v, arg);
        break;
    case ACT_AAR_OBJ:
        if (arg >= -1 && arg < m->ses->sc->nobjectives) f->objective = arg;
        break;
    case ACT_AAR_CAP:
        if (arg >= 0 && arg < HSEEP_NCAPABILITIES) f->capability = arg;
        break;
    case ACT_AAR_ALLCAPS:
        f->allcaps = !f->allcaps;
        break;
    case ACT_AAR_KIND:
        f->kind = arg == HSEEP_STRENGTH ? HSEEP_STRENGTH : HSEEP_AREA;
        break;
    case ACT_AAR_OBSERVE:
        observe(m);
        break;
    case ACT_AAR_AREA:
        f->area = arg;
        break;
    case ACT_AAR_ELEMENT:
        if (arg >= 0 && arg < HSEEP_NELEMENTS) f->element = arg;
        break;
    case ACT_AAR_PLAN:
        plan(m);
        break;
    case ACT_AAR_META:
        pick_meta(m, arg), start_typing(v, AF_META);
        break;
    case ACT_AAR_SET:
        set_meta(m);
        break;
    }
    ui_console_redraw(m);
}

/* Typing -------------------------------------------------------------------------------- */

static int typing_here(ui_app *m)
{
    return m->ses && m->aar.on && m->aar.field != AF_NONE && m->con.field == CF_NONE;
}

int ui_console_aar_text(ui_app *v, const char *text)
{
    ui_app *m = players(v);
    if (!typing_here(m)) return 0;
    str_cat(m->aar.buf[m->aar.field], sizeof m->aar.buf[0], "%s", text);
    ui_console_redraw(m);
    return 1;
}

/* Enter sends the form the field belongs to; Tab goes round its fields. */
static void submit(ui_app *v, int field)
{
    ui_console_aar_do(v,
                      field <= AF_CAUSE  ? ACT_AAR_OBSERVE
                      : field == AF_META ? ACT_AAR_SET
                                         : ACT_AAR_PLAN,
                      0);
}

static int next_field(int field)
{
    if (field <= AF_CAUSE) return field == AF_OBS ? AF_CAUSE : AF_OBS;
    if (field == AF_META) return AF_META;
    return field == AF_DONE ? AF_ACTION : field + 1;
}

int ui_console_aar_key(ui_app *v, SDL_Keycode k)
{
    ui_app *m = players(v);
    if (!typing_here(m)) return 0;
    char *b = m->aar.buf[m->aar.field];
    size_t n = strlen(b);
    ui_console_redraw(m);
    if (k == SDLK_BACKSPACE) {
        while (n > 0 && (b[n - 1] & 0xC0) == 0x80) n--; /* a whole UTF-8 character */
        if (n > 0) n--;
        b[n] = '\0';
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        submit(v, m->aar.field);
    else if (k == SDLK_TAB)
        start_typing(v, next_field(m->aar.field));
    else if (k == SDLK_ESCAPE) {
        m->aar.field = AF_NONE;
        if (v->win) SDL_StopTextInput();
    } else if (k >= SDLK_F1 && k <= SDLK_F12)
        return 0; /* F9 and F5 still work while typing */
    return 1;
}

/* Drawing ------------------------------------------------------------------------------ */

static int chip(ui_app *v, SDL_Rect r, const char *label, int action, int arg, int on)
{
    SDL_Color bg = on ? v->th->accent : ui_is_hover(v, r) ? v->th->hover : v->th->raised;
    ui_round(v, r, ui_px(v, 6), bg);
    ui_text(v, ST_SMALL_B, on ? v->th->on_accent : v->th->text, ui_inset(r, ui_px(v, 4)), label,
            TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    ui_focus_ring(v, r, action, arg);
    ui_hit_add(v, r, action, arg, 1);
    return r.w;
}

/* Chips laid out in rows within r from y; returns the y after them. */
typedef struct chip_row {
    ui_app *v;
    SDL_Rect r;
    int x, y, h;
} chip_row;

static void chips_begin(chip_row *c, ui_app *v, SDL_Rect r, int y)
{
    *c = (chip_row){v, r, r.x, y, ui_line_h(v, ST_SMALL_B) + ui_px(v, 12)};
}

static void chips_add(chip_row *c, const char *label, int action, int arg, int on)
{
    int gap = ui_px(c->v, 6), w = ui_text_width(c->v, ST_SMALL_B, label) + ui_px(c->v, 20);
    if (w > c->r.w) w = c->r.w;
    if (c->x > c->r.x && c->x + w > c->r.x + c->r.w) c->x = c->r.x, c->y += c->h + gap;
    chip(c->v, ui_rect(c->x, c->y, w, c->h), label, action, arg, on);
    c->x += w + gap;
}

static int chips_end(const chip_row *c)
{
    return c->y + c->h + ui_px(c->v, 8);
}

static int section(ui_app *v, SDL_Rect r, int y, const char *title)
{
    y += ui_px(v, 6);
    ui_text(v, ST_SMALL_B, v->th->dim, ui_rect(r.x, y, r.w, ui_line_h(v, ST_SMALL_B)), title,
            TX_ELLIPSIS);
    return y + ui_line_h(v, ST_SMALL_B) + ui_px(v, 6);
}

/* Shows the end of what is typed when it is longer than the box. */
static const char *tail(ui_app *v, const char *s, int w)
{
    while (*s && ui_text_width(v, ST_BODY, s) > w) {
        s++;
        while ((*s & 0xC0) == 0x80) s++;
    }
    return s;
}

static int field(ui_app *v, ui_app *m, SDL_Rect r, int f, const char *hint, int lines)
{
    int pad = ui_px(v, 8), on = m->aar.field == f && m->con.field == CF_NONE;
    char shown[sizeof m->aar.buf[0] + 8];
    str_fmt(shown, sizeof shown, "%s%s", m->aar.buf[f], on ? "|" : "");
    const char *text = m->aar.buf[f][0] || on ? shown : hint;
    int w = r.w - 2 * pad, lh = ui_line_h(v, ST_BODY);
    int th = lines > 1 ? ui_text_h(v, ST_BODY, text, w) : lh;
    r.h = (th > lh * lines ? th : lh * lines) + 2 * pad;
    ui_round(v, r, ui_px(v, 6), v->th->bg);
    ui_frame(v, r, ui_px(v, 6), on ? ui_px(v, 3) : 1, on ? v->th->accent : v->th->border);
    SDL_Color c = m->aar.buf[f][0] || on ? v->th->text : v->th->dim;
    if (lines > 1)
        ui_text(v, ST_BODY, c, ui_inset(r, pad), text, TX_FLOW);
    else
        ui_text(v, ST_BODY, c, ui_inset(r, pad), on ? tail(v, text, w) : text, TX_ELLIPSIS);
    ui_hit_add(v, r, ACT_AAR_FIELD, f, 1);
    return r.h;
}

static int button(ui_app *v, SDL_Rect r, int y, const char *label, int action)
{
    int bh = ui_line_h(v, ST_BODY_B) + ui_px(v, 18);
    ui_button(v, ui_rect(r.x, y, r.w, bh), label, action, 0, 0);
    return y + bh + ui_px(v, 10);
}

static int small_line(ui_app *v, SDL_Rect r, int y, SDL_Color c, const char *text)
{
    return y + ui_text(v, ST_SMALL, c, ui_rect(r.x, y, r.w, 0), text, TX_FLOW) + ui_px(v, 4);
}

static int capabilities(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const def_scenario *sc = m->ses->sc;
    const ui_aar_form *f = &m->aar;
    chip_row c;
    chips_begin(&c, v, r, y);
    if (f->allcaps || !sc->ncapabilities)
        for (int k = 0; k < HSEEP_NCAPABILITIES; k++)
            chips_add(&c, hseep_capabilities[k].name, ACT_AAR_CAP, k, f->capability == k);
    else
        for (int i = 0; i < sc->ncapabilities; i++) {
            int k = hseep_capability_find(sc->capabilities[i]);
            if (k >= 0)
                chips_add(&c, hseep_capabilities[k].name, ACT_AAR_CAP, k, f->capability == k);
        }
    if (sc->ncapabilities)
        chips_add(&c, f->allcaps ? _("The scenario's only") : _("All 32…"), ACT_AAR_ALLCAPS, 0, 0);
    return chips_end(&c);
}

static int observe_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const def_scenario *sc = m->ses->sc;
    const ui_aar_form *f = &m->aar;
    int gap = ui_px(v, 6);
    chip_row c;
    y = section(v, r, y, _("OBSERVATION · objective"));
    chips_begin(&c, v, r, y);
    chips_add(&c, _("Across objectives"), ACT_AAR_OBJ, -1, f->objective < 0);
    for (int i = 0; i < sc->nobjectives; i++)
        chips_add(&c, sc->objectives[i].title, ACT_AAR_OBJ, i, f->objective == i);
    y = section(v, r, chips_end(&c), _("CORE CAPABILITY"));
    y = section(v, r, capabilities(v, m, r, y), _("STRENGTH OR AREA FOR IMPROVEMENT"));
    chips_begin(&c, v, r, y);
    chips_add(&c, _("Strength"), ACT_AAR_KIND, HSEEP_STRENGTH, f->kind == HSEEP_STRENGTH);
    chips_add(&c, _("Area for improvement"), ACT_AAR_KIND, HSEEP_AREA, f->kind == HSEEP_AREA);
    y = chips_end(&c);
    y += field(v, m, ui_rect(r.x, y, r.w, 0), AF_OBS, _("What was observed (one statement)"), 2) +
         gap;
    y += field(v, m, ui_rect(r.x, y, r.w, 0), AF_CAUSE, _("Its root cause (why it happened)"), 2) +
         gap;
    return button(v, r, y, _("Record the observation"), ACT_AAR_OBSERVE);
}

static int observations(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const hseep_eval *e = &m->ses->g->eval;
    const def_scenario *sc = m->ses->sc;
    char title[80], line[1600];
    str_fmt(title, sizeof title, _("OBSERVATIONS · %d · click an area to plan for it"), e->nobs);
    y = section(v, r, y, title);
    for (int i = 0; i < e->nobs; i++) {
        const hseep_obs *o = &e->obs[i];
        str_fmt(line, sizeof line, "%d · %s · %s · %s: %s%s%s", i + 1,
                o->kind == HSEEP_AREA ? _("Area") : _("Strength"),
                hseep_capabilities[o->capability].name,
                o->objective >= 0 ? sc->objectives[o->objective].title : _("across objectives"),
                o->text, o->cause ? _(" — cause: ") : "", o->cause ? o->cause : "");
        int pad = ui_px(v, 6), h = ui_text_h(v, ST_SMALL, line, r.w - 2 * pad) + 2 * pad;
        SDL_Rect row = ui_rect(r.x, y, r.w, h);
        int sel = m->aar.area == i && o->kind == HSEEP_AREA;
        if (sel || ui_is_hover(v, row))
            ui_round(v, row, ui_px(v, 6), sel ? v->th->raised : v->th->hover);
        if (sel) ui_frame(v, row, ui_px(v, 6), ui_px(v, 2), v->th->accent);
        ui_text(v, ST_SMALL, o->kind == HSEEP_AREA ? v->th->text : v->th->good, ui_inset(row, pad),
                line, 0);
        if (o->kind == HSEEP_AREA) ui_hit_add(v, row, ACT_AAR_AREA, i, 1);
        y += h + ui_px(v, 2);
    }
    if (!e->nobs) y = small_line(v, r, y, v->th->dim, _("None yet."));
    return y + ui_px(v, 4);
}

static int plan_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const hseep_eval *e = &m->ses->g->eval;
    const ui_aar_form *f = &m->aar;
    char title[200];
    int gap = ui_px(v, 6);
    if (f->area >= 0 && f->area < e->nobs)
        str_fmt(title, sizeof title, _("CORRECTIVE ACTION · for area %d"), f->area + 1);
    else
        str_fmt(title, sizeof title, _("CORRECTIVE ACTION · pick an area above"));
    y = section(v, r, y, title);
    chip_row c;
    chips_begin(&c, v, r, y);
    for (int k = 0; k < HSEEP_NELEMENTS; k++)
        chips_add(&c, hseep_elements[k].name, ACT_AAR_ELEMENT, k, f->element == k);
    y = chips_end(&c);
    y += field(v, m, ui_rect(r.x, y, r.w, 0), AF_ACTION, _("The corrective action"), 2) + gap;
    y += field(v, m, ui_rect(r.x, y, r.w, 0), AF_OWNER,
               _("Responsible organisation, point of contact"), 1) +
         gap;
    int half = (r.w - gap) / 2;
    int h = field(v, m, ui_rect(r.x, y, half, 0), AF_START, _("Start YYYY-MM-DD"), 1);
    field(v, m, ui_rect(r.x + half + gap, y, r.w - half - gap, 0), AF_DONE,
          _("Completion YYYY-MM-DD"), 1);
    return button(v, r, y + h + gap, _("Add to the improvement plan"), ACT_AAR_PLAN);
}

static int plan_list(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const hseep_eval *e = &m->ses->g->eval;
    char title[80], line[1600];
    str_fmt(title, sizeof title, _("THE IMPROVEMENT PLAN · %d"), e->nplan);
    y = section(v, r, y, title);
    for (int i = 0; i < e->nplan; i++) {
        const hseep_plan *p = &e->plan[i];
        str_fmt(line, sizeof line, _("%d · area %d · %s: %s — %s (%s to %s)"), i + 1, p->obs + 1,
                hseep_elements[p->element].name, p->action, p->owner ? p->owner : _("no owner yet"),
                p->start[0] ? p->start : "?", p->done[0] ? p->done : "?");
        y = small_line(v, r, y, v->th->text, line);
    }
    if (!e->nplan) y = small_line(v, r, y, v->th->dim, _("No corrective action yet."));
    return y + ui_px(v, 4);
}

static int meta_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const def_scenario *sc = m->ses->sc;
    char label[200], line[900];
    chip_row c;
    y = section(v, r, y, _("THE EXERCISE · on the report's cover"));
    chips_begin(&c, v, r, y);
    for (int k = 0; k < HSEEP_NFIELDS; k++)
        if (!hseep_fields[k].per_team)
            chips_add(&c, hseep_fields[k].name, ACT_AAR_META, k, m->aar.meta == k);
    for (int i = 0; i < sc->nroles; i++) {
        const def_role *ro = &sc->roles[i];
        str_fmt(label, sizeof label, _("Participants: %s"),
                ro->shortname ? ro->shortname : ro->name);
        chips_add(&c, label, ACT_AAR_META, HSEEP_NFIELDS + i, m->aar.meta == HSEEP_NFIELDS + i);
    }
    y = chips_end(&c);
    y += field(v, m, ui_rect(r.x, y, r.w, 0), AF_META, _("Its value (click a field above)"), 1) +
         ui_px(v, 6);
    y = button(v, r, y, _("Set it"), ACT_AAR_SET);
    for (int k = 0; k < HSEEP_NFIELDS + sc->nroles; k++) {
        if (k == HSEEP_F_participants || !meta_value(m, k)) continue;
        str_fmt(line, sizeof line, _("%s: %s"),
                k < HSEEP_NFIELDS ? hseep_fields[k].name : ui_role_name(m, k - HSEEP_NFIELDS),
                meta_value(m, k));
        y = small_line(v, r, y, v->th->text, line);
    }
    return y;
}

/* Two buttons, one above the other: the controls, or this tab. */
void ui_console_aar_tabs(ui_app *v, ui_app *m, SDL_Rect r)
{
    set_up(m);
    int gap = ui_px(v, 6), h = (r.h - gap) / 2;
    chip(v, ui_rect(r.x, r.y, r.w, h), _("Controls"), ACT_AAR_TAB, 0, !m->aar.on);
    chip(v, ui_rect(r.x, r.y + h + gap, r.w, r.h - h - gap), _("After-action"), ACT_AAR_TAB, 1,
         m->aar.on);
}

void ui_console_aar_draw(ui_app *v, ui_app *m, SDL_Rect r)
{
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(v, r, _("AFTER-ACTION · for the report, journaled"), SREG_FIFTH, &body,
                             &view),
        y = y0;
    y = observe_form(v, m, body, y);
    y = observations(v, m, body, y);
    y = plan_form(v, m, body, y);
    y = plan_list(v, m, body, y);
    y = meta_form(v, m, body, y);
    ui_scroll_end(v, SREG_FIFTH, view, y - y0);
}
