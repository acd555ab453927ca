/* report_text.c: a report as plain text, with Unicode sparklines for trends. */
#include <string.h>

#include "buf.h"
#include "report.h"
#include "utf8.h"

#define SPARK_MAX 40   /* newest sessions shown in a sparkline */
#define TEXT_COLS 100  /* columns of a quoted reply or customer line */

static const char *const bars[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

/* s on one line: control characters as spaces, cut at TEXT_COLS columns
 * (never inside a character) with an ellipsis. */
static void
put_line(struct buf *b, const char *s)
{
	size_t n = strlen(s), used;
	size_t fit = utf8_fit(s, n, TEXT_COLS, &used);
	for (size_t i = 0; i < fit; i++)
		buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
	if (fit < n)
		buf_puts(b, "…");
}

static void
put_spark(struct buf *b, const struct report_stats *st, int c)
{
	size_t from = st->ntrend > SPARK_MAX ? st->ntrend - SPARK_MAX : 0;
	if (from)
		buf_puts(b, "…");
	for (size_t i = from; i < st->ntrend; i++) {
		int k = (int)(st->trend[i].share[c] * 7.0 + 0.5);
		buf_puts(b, bars[k < 0 ? 0 : k > 7 ? 7 : k]);
	}
}

static void
put_stats(struct buf *b, const struct report_stats *st, bool group)
{
	if (group)
		buf_puts(b, "== All trainees ==\n");
	else
		buf_printf(b, "== %s ==\n", st->name);
	if (st->sessions == 0) {
		buf_puts(b, "no sessions\n");
		return;
	}
	buf_printf(b, "sessions %zu, turns %zu, mean score %.0f\n", st->sessions,
	    st->turns, st->mean_overall);
	buf_puts(b, "criterion     met  score  trend (oldest to newest)\n");
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct report_crit *rc = &st->crit[c];
		buf_printf(b, "%-11s  %3.0f%%  %5.0f  ", criterion_name((enum criterion)c),
		    rc->share * 100.0, rc->mean_score);
		put_spark(b, st, c);
		buf_putc(b, '\n');
	}
	if (st->weakest >= 0) {
		buf_printf(b, "weakest: %s (%.0f%% of turns met)\n",
		    criterion_name((enum criterion)st->weakest),
		    st->crit[st->weakest].share * 100.0);
		for (size_t i = 0; i < st->nex; i++) {
			const struct report_example *e = &st->ex[i];
			buf_printf(b, "  %s, %s, %.10s, turn %d\n", e->trainee,
			    e->scenario_id, e->started, e->turn);
			if (e->customer) {
				buf_puts(b, "    customer: ");
				put_line(b, e->customer);
				buf_putc(b, '\n');
			}
			buf_puts(b, "    reply:    ");
			put_line(b, e->reply);
			buf_putc(b, '\n');
		}
	}
	buf_puts(b, "best per scenario:\n");
	for (size_t i = 0; i < st->nbest; i++) {
		const struct report_best *bs = &st->best[i];
		buf_printf(b, "  %-24s %3d  %s (%.10s), %zu session%s\n",
		    bs->scenario_id, bs->score, bs->trainee, bs->started,
		    bs->sessions, bs->sessions == 1 ? "" : "s");
	}
	buf_puts(b, "pitfalls:");
	bool any = false;
	for (int k = 0; k < PIT_COUNT; k++) {
		int p = st->pit_order[k];
		if (st->pitfalls[p] == 0)
			break;
		buf_printf(b, "%s %s %d", any ? "," : "",
		    pitfall_name((enum pitfall)p), st->pitfalls[p]);
		any = true;
	}
	buf_puts(b, any ? "\n" : " none\n");
	if (st->overrides)
		buf_printf(b, "supervisor overrides applied: %d\n", st->overrides);
}

char *
report_text(const struct report *r)
{
	struct buf b = {0};
	buf_printf(&b, "irate report: %zu trainee%s, %zu session%s, %zu turn%s\n\n",
	    r->ntrainees, r->ntrainees == 1 ? "" : "s", r->group.sessions,
	    r->group.sessions == 1 ? "" : "s", r->group.turns,
	    r->group.turns == 1 ? "" : "s");
	put_stats(&b, &r->group, true);
	for (size_t i = 0; i < r->ntrainees; i++) {
		buf_putc(&b, '\n');
		put_stats(&b, &r->trainees[i], false);
	}
	return buf_take(&b);
}
