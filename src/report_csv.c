/* report_csv.c: a report as CSV (RFC 4180): one row per trainee and one for
 * the group. */
#include <string.h>

#include "buf.h"
#include "report.h"

/* One field, quoted when it holds a comma, a quote, CR or LF. */
static void
field(struct buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
header(struct buf *b)
{
	buf_puts(b, "scope,trainee,sessions,turns,mean_score");
	for (int c = 0; c < CRIT_COUNT; c++) {
		const char *n = criterion_name((enum criterion)c);
		buf_printf(b, ",%s_turns,%s_met,%s_met_pct,%s_mean_score,%s_trend",
		    n, n, n, n, n);
	}
	buf_puts(b, ",weakest,best,pitfalls,overrides\r\n");
}

static void
row(struct buf *b, const struct report_stats *st)
{
	buf_puts(b, st->name ? "trainee," : "group,");
	field(b, st->name ? st->name : "");
	buf_printf(b, ",%zu,%zu,%.1f", st->sessions, st->turns, st->mean_overall);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct report_crit *rc = &st->crit[c];
		buf_printf(b, ",%zu,%zu,%.1f,%.1f,", rc->turns, rc->met,
		    rc->share * 100.0, rc->mean_score);
		for (size_t i = 0; i < st->ntrend; i++)
			buf_printf(b, "%s%.0f", i ? ";" : "",
			    st->trend[i].share[c] * 100.0);
	}
	buf_printf(b, ",%s,", st->weakest >= 0 ?
	    criterion_name((enum criterion)st->weakest) : "");
	struct buf f = {0};
	for (size_t i = 0; i < st->nbest; i++)
		buf_printf(&f, "%s%s:%d", i ? ";" : "", st->best[i].scenario_id,
		    st->best[i].score);
	field(b, f.s ? f.s : "");
	buf_free(&f);
	buf_putc(b, ',');
	for (int k = 0; k < PIT_COUNT && st->pitfalls[st->pit_order[k]]; k++)
		buf_printf(b, "%s%s:%d", k ? ";" : "",
		    pitfall_name((enum pitfall)st->pit_order[k]),
		    st->pitfalls[st->pit_order[k]]);
	buf_printf(b, ",%d\r\n", st->overrides);
}

char *
report_csv(const struct report *r)
{
	struct buf b = {0};
	header(&b);
	row(&b, &r->group);
	for (size_t i = 0; i < r->ntrainees; i++)
		row(&b, &r->trainees[i]);
	return buf_take(&b);
}
