/*
 * build_clock.c -- the clock: turn labels given one by one, or computed
 * from a start date and each turn's length ("6h", "2d"). The dates are
 * computed here, not with mktime and strftime, whose results depend on the
 * machine's time zone and locale: a scenario's labels are the same
 * everywhere.
 */
#include <stdlib.h>

#include "build.h"

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void clock_label(long minutes, char *buf, size_t size)
{
    static const char *const wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
    long mins = minutes - days * 1440;
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    str_fmt(buf, size, "%s %d %s %d, %02ld:%02ld", wd[((days % 7) + 7) % 7], d, mo[m - 1], y,
            mins / 60, mins % 60);
}

/* "6h" -> 360 minutes; -1 when it is not a length, -2 when it is longer
   than BUILD_MAX_STEP_DAYS (the dates stay in range, and so does the
   arithmetic: "9223372036854775807w" would overflow). */
static long parse_step(const char *s)
{
    static const struct {
        char unit;
        long minutes;
    } units[] = {{'m', 1}, {'h', 60}, {'d', 1440}, {'w', 10080}};
    const char *p = s;
    while (*p >= '0' && *p <= '9') p++;
    if (p == s || !p[0] || p[1]) return -1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (*p != units[i].unit) continue;
        long max = (long)BUILD_MAX_STEP_DAYS * 1440 / units[i].minutes, n = 0;
        for (const char *q = s; q < p; q++) {
            n = n * 10 + (*q - '0');
            if (n > max) return -2;
        }
        return n > 0 ? n * units[i].minutes : -1;
    }
    return -1;
}

/* A number of at most `digits` digits at *s, within [lo, hi]; advances *s. */
static int date_part(const char **s, int digits, int lo, int hi, int *out)
{
    int n = 0, k = 0;
    while (k < digits && (*s)[k] >= '0' && (*s)[k] <= '9') n = n * 10 + ((*s)[k++] - '0');
    *s += k;
    *out = n;
    return k > 0 && n >= lo && n <= hi;
}

/* "2022-07-15" or "2022-07-15 08:00", years 1 to 9999. */
static int parse_date(const char *s, int *y, int *mo, int *d, int *h, int *mi)
{
    *h = *mi = 0;
    if (!date_part(&s, 4, 1, 9999, y) || *s++ != '-' || !date_part(&s, 2, 1, 12, mo) ||
        *s++ != '-' || !date_part(&s, 2, 1, 31, d))
        return -1;
    if (!*s) return 0;
    if (*s++ != ' ' || !date_part(&s, 2, 0, 23, h) || *s++ != ':' || !date_part(&s, 2, 0, 59, mi))
        return -1;
    return *s ? -1 : 0;
}

static void build_clock_steps(bld *b, int t)
{
    char *start = bld_str(b, t, F_clock_start);
    int y, mo, d, h = 0, mi = 0;
    if (!start || parse_date(start, &y, &mo, &d, &h, &mi)) {
        if (start)
            bld_err(b, "%s '%s' must look like \"2022-07-15 08:00\"", api_fname(F_clock_start),
                    start);
        free(start);
        return;
    }
    free(start);
    long now = days_from_civil(y, mo, d) * 1440 + h * 60 + mi;
    char label[64];
    clock_label(now, label, sizeof label);
    def_add_turn(b->sc, label);
    if (bld_push_need(b, t, F_clock_steps, 1) <= 0) return; /* required with a start */
    int st = lua_gettop(b->L);
    lua_Integer n = (lua_Integer)lua_rawlen(b->L, st);
    for (lua_Integer i = 1; i <= n; i++) {
        bld_point(b, st, NULL, i);
        lua_rawgeti(b->L, st, i);
        long step = lua_type(b->L, -1) == LUA_TSTRING ? parse_step(lua_tostring(b->L, -1)) : -1;
        if (step == -2)
            bld_err(b, "%s[%lld] '%s' is too long: a turn lasts at most %d days",
                    api_fname(F_clock_steps), (long long)i, lua_tostring(b->L, -1),
                    BUILD_MAX_STEP_DAYS);
        else if (step < 0)
            bld_err(b, "%s[%lld] must look like \"6h\", \"2d\", \"1w\" or \"30m\"",
                    api_fname(F_clock_steps), (long long)i);
        else {
            now += step;
            clock_label(now, label, sizeof label);
            def_add_turn(b->sc, label);
        }
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

/* clock { "label", "label", ... }: one turn each. */
static void build_clock_labels(bld *b, int t)
{
    lua_Integer n = (lua_Integer)lua_rawlen(b->L, t);
    for (lua_Integer i = 1; i <= n; i++) {
        bld_point(b, t, NULL, i);
        if (lua_rawgeti(b->L, t, i) == LUA_TSTRING)
            def_add_turn(b->sc, lua_tostring(b->L, -1));
        else
            bld_err(b, "%s[%lld] must be a label (a string)", api_kinds[K_clock].name,
                    (long long)i);
        lua_pop(b->L, 1);
    }
}

void bld_clock(bld *b, int t, int i)
{
    (void)i;
    if (b->sc->nturns) {
        bld_err(b, "%s {} is declared twice", api_kinds[K_clock].name);
        return;
    }
    bld_check_fields(b, t, K_clock);
    int has_start = bld_raw(b->L, t, api_fname(F_clock_start)) != LUA_TNIL;
    lua_pop(b->L, 1);
    if (has_start)
        build_clock_steps(b, t);
    else
        build_clock_labels(b, t);
    bld_point_decl(b);
    if (b->sc->nturns > CR_MAX_TURNS) bld_err(b, "more than %d turns", CR_MAX_TURNS);
    if (b->sc->nturns == 0) bld_err(b, "the clock has no turns");
}
