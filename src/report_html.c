/* report_html.c: a report as one self-contained HTML file — inline CSS,
 * inline SVG line charts of the trends, excerpts of missed turns; no
 * network, every text escaped. */
#include <string.h>

#include "buf.h"
#include "report.h"

#define CHART_W 240
#define CHART_H 56
#define CHART_PAD 6

static const char style[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;"
    "margin:2em auto;max-width:60em;padding:0 1em;color:#1b1f24;"
    "background:#fff;line-height:1.4}"
    "h1{font-size:1.6em;margin-bottom:.2em}"
    "h2{font-size:1.3em;border-bottom:2px solid #d0d7de;padding-bottom:.2em;"
    "margin-top:2em}"
    "h3{font-size:1.05em;margin:1.2em 0 .4em}"
    "table{border-collapse:collapse;margin:.4em 0}"
    "th,td{text-align:left;padding:.25em .8em .25em 0;vertical-align:middle}"
    "th{font-weight:600;border-bottom:1px solid #d0d7de}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".example{border-left:3px solid #cf222e;padding:.3em .8em;margin:.5em 0;"
    "background:#fff8f8}"
    ".example .meta{color:#57606a;font-size:.9em;margin:0}"
    ".example p{margin:.2em 0}"
    ".muted{color:#57606a}"
    "svg .line{fill:none;stroke:#0969da;stroke-width:2}"
    "svg .dot{fill:#0969da}"
    "svg .axis{stroke:#d0d7de;stroke-width:1}";

/* Append at most n bytes of s with &, <, >, " and ' escaped. */
static void
esc_n(struct buf *b, const char *s, size_t n)
{
	for (; *s && n > 0; s++, n--) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
	}
}

static void
esc(struct buf *b, const char *s)
{
	esc_n(b, s, (size_t)-1);
}

/* The date part of an ISO 8601 time. */
static void
esc_date(struct buf *b, const char *iso)
{
	esc_n(b, iso, 10);
}

/* An SVG line chart of criterion c's share met per session (0..100%). */
static void
chart(struct buf *b, const struct report_stats *st, int c)
{
	const char *name = criterion_name((enum criterion)c);
	buf_printf(b, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-label=\"%s: share of turns met per session\">",
	    CHART_W, CHART_H, CHART_W, CHART_H, name);
	buf_printf(b, "<title>%s, per session, oldest first</title>", name);
	int top = CHART_PAD, bottom = CHART_H - CHART_PAD;
	buf_printf(b, "<line class=\"axis\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
	    bottom, CHART_W, bottom);
	buf_printf(b, "<line class=\"axis\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
	    top, CHART_W, top);
	double span = (double)(CHART_W - 2 * CHART_PAD);
	double step = st->ntrend > 1 ? span / (double)(st->ntrend - 1) : 0;
	struct buf pts = {0};
	for (size_t i = 0; i < st->ntrend; i++) {
		double x = CHART_PAD + (st->ntrend > 1 ? step * (double)i : span / 2);
		double y = bottom - st->trend[i].share[c] * (bottom - top);
		buf_printf(&pts, "%s%.1f,%.1f", i ? " " : "", x, y);
		buf_printf(b, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\">"
		    "<title>", x, y);
		esc(b, st->trend[i].started);
		buf_puts(b, " ");
		esc(b, st->trend[i].scenario_id);
		buf_printf(b, ": %.0f%%</title></circle>",
		    st->trend[i].share[c] * 100.0);
	}
	if (st->ntrend > 1)
		buf_printf(b, "<polyline class=\"line\" points=\"%s\"/>", pts.s);
	buf_free(&pts);
	buf_puts(b, "</svg>");
}

static void
examples(struct buf *b, const struct report_stats *st)
{
	buf_printf(b, "<h3>Weakest: %s (%.0f%% of turns met)</h3>\n",
	    criterion_name((enum criterion)st->weakest),
	    st->crit[st->weakest].share * 100.0);
	for (size_t i = 0; i < st->nex; i++) {
		const struct report_example *e = &st->ex[i];
		buf_puts(b, "<div class=\"example\"><p class=\"meta\">");
		esc(b, e->trainee);
		buf_puts(b, " · ");
		esc(b, e->scenario_title[0] ? e->scenario_title : e->scenario_id);
		buf_puts(b, " · ");
		esc_date(b, e->started);
		buf_printf(b, " · turn %d</p>", e->turn);
		if (e->customer) {
			buf_puts(b, "<p><b>Customer:</b> ");
			esc(b, e->customer);
			buf_puts(b, "</p>");
		}
		buf_puts(b, "<p><b>Reply:</b> ");
		esc(b, e->reply);
		buf_puts(b, "</p></div>\n");
	}
}

static void
section(struct buf *b, const struct report_stats *st)
{
	buf_puts(b, "<section>\n<h2>");
	esc(b, st->name ? st->name : "All trainees");
	buf_puts(b, "</h2>\n");
	if (st->sessions == 0) {
		buf_puts(b, "<p class=\"muted\">No sessions.</p>\n</section>\n");
		return;
	}
	buf_printf(b, "<p>%zu session%s, %zu turns, mean score %.0f.</p>\n",
	    st->sessions, st->sessions == 1 ? "" : "s", st->turns,
	    st->mean_overall);
	buf_puts(b, "<table><thead><tr><th>criterion</th><th>turns met</th>"
	    "<th>mean score</th><th>trend (oldest to newest)</th></tr></thead>"
	    "<tbody>\n");
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct report_crit *rc = &st->crit[c];
		buf_printf(b, "<tr><td>%s</td><td class=\"num\">%.0f%%</td>"
		    "<td class=\"num\">%.0f</td><td>",
		    criterion_name((enum criterion)c), rc->share * 100.0,
		    rc->mean_score);
		chart(b, st, c);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
	if (st->weakest >= 0)
		examples(b, st);
	buf_puts(b, "<h3>Best per scenario</h3>\n<table><thead><tr>"
	    "<th>scenario</th><th>best</th><th>by</th><th>sessions</th>"
	    "</tr></thead><tbody>\n");
	for (size_t i = 0; i < st->nbest; i++) {
		const struct report_best *bs = &st->best[i];
		buf_puts(b, "<tr><td>");
		esc(b, bs->scenario_title[0] ? bs->scenario_title : bs->scenario_id);
		buf_printf(b, "</td><td class=\"num\">%d</td><td>", bs->score);
		esc(b, bs->trainee);
		buf_puts(b, " <span class=\"muted\">");
		esc_date(b, bs->started);
		buf_printf(b, "</span></td><td class=\"num\">%zu</td></tr>\n",
		    bs->sessions);
	}
	buf_puts(b, "</tbody></table>\n<h3>Pitfalls</h3>\n");
	if (st->pitfalls[st->pit_order[0]] == 0) {
		buf_puts(b, "<p class=\"muted\">None.</p>\n");
	} else {
		buf_puts(b, "<ul>");
		for (int k = 0; k < PIT_COUNT && st->pitfalls[st->pit_order[k]]; k++)
			buf_printf(b, "<li>%s: %d</li>",
			    pitfall_name((enum pitfall)st->pit_order[k]),
			    st->pitfalls[st->pit_order[k]]);
		buf_puts(b, "</ul>\n");
	}
	if (st->overrides)
		buf_printf(b, "<p class=\"muted\">Supervisor overrides applied: "
		    "%d.</p>\n", st->overrides);
	buf_puts(b, "</section>\n");
}

char *
report_html(const struct report *r)
{
	struct buf b = {0};
	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>irate report</title>\n<style>");
	buf_puts(&b, style);
	buf_puts(&b, "</style>\n</head>\n<body>\n<h1>irate report</h1>\n");
	buf_printf(&b, "<p class=\"muted\">%zu trainee%s, %zu session%s, %zu "
	    "turns. Each chart shows the share of turns that met the criterion, "
	    "per session, oldest first.</p>\n", r->ntrainees,
	    r->ntrainees == 1 ? "" : "s", r->group.sessions,
	    r->group.sessions == 1 ? "" : "s", r->group.turns);
	section(&b, &r->group);
	for (size_t i = 0; i < r->ntrainees; i++)
		section(&b, &r->trainees[i]);
	buf_puts(&b, "</body>\n</html>\n");
	return buf_take(&b);
}
