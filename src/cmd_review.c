/* cmd_review.c: `irate review` — the supervisor's review of saved
 * transcripts: the browser and viewer on a terminal, or as plain text
 * (--list, --show FILE) for scripts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "mood_chart.h"
#include "paths.h"
#include "play.h"
#include "regrade.h"
#include "report.h"
#include "review.h"
#include "review_filter.h"
#include "score.h"
#include "termtext.h"
#include "trainee.h"
#include "utf8.h"
#include "xalloc.h"

void
cmd_review_usage(FILE *f)
{
	termtext_printf(f,
	    "usage: irate review [--reviewer NAME] [FILTER...]\n"
	    "       irate review --list [--sort COLUMN] [--reverse] [FILTER...]\n"
	    "       irate review [--reviewer NAME] --show FILE\n"
	    "\n"
	    "Review saved transcripts: browse every session in the data directory,\n"
	    "read one turn by turn with its grading, the current scorer's\n"
	    "re-grading and every reviewer's notes, and add comments and\n"
	    "overrides (saved beside the transcript in the reviewer's own sidecar;\n"
	    "the transcript is never edited).  On a terminal this opens the\n"
	    "browser; --list and --show print plain text instead.\n"
	    "\n"
	    "  --reviewer NAME  who is reviewing (default: the trainee name, chosen\n"
	    "                   as for play)\n"
	    "  --list           print the browser's table: trainee, scenario, date,\n"
	    "                   mode, ending, overall, each criterion (%% of turns\n"
	    "                   met), notes, file\n"
	    "  --sort COLUMN    trainee, scenario, date (default), mode, ending,\n"
	    "                   overall, calm, restate, empathy, apology, alternative\n"
	    "  --reverse        the other way round\n"
	    "  --show FILE      print one transcript with its gradings, the\n"
	    "                   differences a re-grade finds, and the notes\n"
	    "\n"
	    "FILTER words (all must hold): trainee:NAME scenario:TEXT\n"
	    "ending:WORD since:YYYY-MM-DD until:YYYY-MM-DD CRITERION<N overall<N,\n"
	    "or a bare word found in the trainee or scenario.\n"
	    "Exit status: 0 success; 1 a file cannot be read; 2 usage.\n");
}

/* Print s padded to w columns (display width, not bytes). */
static void
put_col(const char *s, size_t w)
{
	size_t used = utf8_width(s, strlen(s));
	termtext_puts(s, stdout);
	for (; used < w; used++)
		putchar(' ');
}

static size_t
width_of(const char *s)
{
	return utf8_width(s, strlen(s));
}

static int
list(const char *data_dir, const char *filter, int sort, bool reverse)
{
	struct review_filter f;
	char *err;
	if (review_filter_parse(&f, filter, &err) != 0) {
		termtext_printf(stderr, "irate review: bad filter: %s\n", err);
		free(err);
		return EXIT_USAGE;
	}
	struct report_data rd;
	struct diags d = {0};
	int rc = report_data_load(&rd, data_dir, NULL, 0, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	if (rc != 0) {
		review_filter_free(&f);
		report_data_free(&rd);
		return EXIT_PROBLEMS;
	}
	size_t n;
	struct review_row *v = review_rows_build(&rd, &n);
	review_rows_sort(v, n, (enum review_col)sort, reverse);
	size_t wt = 7, ws = 8;
	for (size_t i = 0; i < n; i++) {
		if (width_of(v[i].trainee) > wt)
			wt = width_of(v[i].trainee);
		if (width_of(v[i].scenario_id) > ws)
			ws = width_of(v[i].scenario_id);
	}
	put_col("TRAINEE", wt + 2);
	put_col("SCENARIO", ws + 2);
	termtext_printf(stdout, "%-10s  %-8s  %-12s  %7s  %4s  %7s  %7s  %7s  %11s  %5s  %s\n",
	    "DATE", "MODE", "ENDING", "OVERALL", "CALM", "RESTATE", "EMPATHY",
	    "APOLOGY", "ALTERNATIVE", "NOTES", "FILE");
	for (size_t i = 0; i < n; i++) {
		const struct review_row *r = &v[i];
		if (!review_filter_match(&f, r))
			continue;
		put_col(r->trainee, wt + 2);
		put_col(r->scenario_id, ws + 2);
		termtext_printf(stdout, "%-10.10s  %-8s  %-12s  %7d  %4d  %7d  %7d  %7d  %11d  %5d  %s\n",
		    r->started, r->mode, r->ending, r->overall, r->share[CRIT_CALM],
		    r->share[CRIT_RESTATE], r->share[CRIT_EMPATHY],
		    r->share[CRIT_APOLOGY], r->share[CRIT_ALTERNATIVE], r->notes,
		    r->path);
	}
	review_rows_free(v, n);
	report_data_free(&rd);
	review_filter_free(&f);
	return EXIT_OK;
}

static void
show_grading(const struct grading *g)
{
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *r = &g->crit[c];
		termtext_printf(stdout, "  %-11s %-6s %3d", criterion_name((enum criterion)c),
		    r->met ? "met" : "MISSED", r->score);
		for (size_t i = 0; i < r->nev; i++)
			termtext_printf(stdout, "  %c\"%s\"", r->ev[i].positive ? '+' : '-',
			    r->ev[i].text ? r->ev[i].text : "");
		putchar('\n');
	}
	if (g->npits == 0)
		termtext_printf(stdout, "  pitfalls: none\n");
	for (size_t i = 0; i < g->npits; i++)
		termtext_printf(stdout, "  pitfall %s%s%s%s\n", pitfall_name(g->pits[i].kind),
		    g->pits[i].text && *g->pits[i].text ? ": \"" : "",
		    g->pits[i].text && *g->pits[i].text ? g->pits[i].text : "",
		    g->pits[i].text && *g->pits[i].text ? "\"" : "");
}

static void
show_notes(const struct review_set *rs, int turn)
{
	for (size_t k = 0; k < rs->n; k++) {
		const struct review *rv = &rs->v[k];
		for (size_t i = 0; i < rv->nnotes; i++) {
			const struct review_note *no = &rv->notes[i];
			if (no->turn != turn)
				continue;
			termtext_printf(stdout, "  note by %s, %s:", rv->reviewer, no->time);
			if (no->criterion >= 0) {
				const struct review *by = NULL;
				const struct review_note *h = review_set_override(rs, turn,
				    (enum criterion)no->criterion, &by);
				termtext_printf(stdout, " override %s: %s", criterion_name(
				    (enum criterion)no->criterion), no->detected ?
				    "detected" : "not detected");
				if (no->reason)
					termtext_printf(stdout, " (%s)", no->reason);
				if (h != no)
					termtext_printf(stdout, " [replaced by a later note]");
			}
			if (no->comment)
				termtext_printf(stdout, "%s comment: %s", no->criterion >= 0 ? ";" : "",
				    no->comment);
			putchar('\n');
		}
	}
}

static int
show(const char *path, struct scorer *scorer)
{
	struct transcript t;
	struct diags d = {0};
	if (transcript_load(&t, path, &d) != 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		transcript_free(&t);
		return EXIT_PROBLEMS;
	}
	struct review_set rs = {0};
	review_load_all(path, &rs, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	struct regrade rg;
	regrade_transcript(&rg, &t, scorer);

	const char *status = t.status ? t.status : "";
	termtext_printf(stdout, "Transcript: %s\n", path);
	termtext_printf(stdout, "Trainee: %s\nScenario: %s (%s)\nStarted: %s\nMode: %s\n",
	    t.trainee, t.scenario_title, t.scenario_id, t.started, t.mode);
	char *resumed = transcript_resumed_note(&t);
	if (*resumed)
		termtext_printf(stdout, "Taken up again: %s\n", resumed + strlen("resumed "));
	free(resumed);
	termtext_printf(stdout, "Ending: %s\nOverall: %d of 100\n", strcmp(status, "finished") == 0 ?
	    ending_name(t.ending) : status, transcript_overall(&t));
	char *sum = regrade_summary(&rg);
	termtext_printf(stdout, "%s\n", sum);
	free(sum);
	size_t nl;
	char **chart = mood_chart(&t, 5, &nl);
	putchar('\n');
	for (size_t i = 0; i < nl; i++) {
		termtext_printf(stdout, "%s\n", chart[i]);
		free(chart[i]);
	}
	free(chart);
	termtext_printf(stdout, "\nCustomer: %s\n", t.opening ? t.opening : "");
	for (size_t i = 0; i < t.nturns; i++) {
		const struct transcript_turn *tu = &t.turns[i];
		termtext_printf(stdout, "\nTurn %d - score %d of 100, mood %d -> %d\n", tu->n,
		    tu->grading.overall, tu->mood_before, tu->mood_after);
		termtext_printf(stdout, "  customer: %s\n  reply:    %s\n", tu->customer ? tu->customer :
		    "", tu->reply ? tu->reply : "");
		show_grading(&tu->grading);
		size_t first, n = regrade_turn(&rg, tu->n, &first);
		for (size_t k = 0; k < n; k++) {
			char *s = regrade_diff_text(&rg.v[first + k]);
			termtext_printf(stdout, "  re-graded now: %s\n", s);
			free(s);
		}
		show_notes(&rs, tu->n);
	}
	if (t.closing)
		termtext_printf(stdout, "\nCustomer: %s\n", t.closing);
	regrade_free(&rg);
	review_set_free(&rs);
	transcript_free(&t);
	return EXIT_OK;
}

int
cmd_review(int argc, char **argv, const struct globals *g)
{
	const char *reviewer_opt = NULL, *show_path = NULL;
	bool do_list = false, reverse = false;
	int sort = RC_DATE;
	size_t flen = 1;
	for (int i = 1; i < argc; i++)
		flen += strlen(argv[i]) + 3;
	char *filter = xcalloc(flen, 1);
	int rc = EXIT_USAGE;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--reviewer") == 0 || strncmp(a, "--reviewer=", 11) == 0) {
			reviewer_opt = a[10] == '=' ? a + 11 : i + 1 < argc ? argv[++i] :
			    NULL;
			if (reviewer_opt == NULL) {
				termtext_printf(stderr, "irate review: --reviewer needs a name\n");
				goto out;
			}
		} else if (strcmp(a, "--list") == 0) {
			do_list = true;
		} else if (strcmp(a, "--reverse") == 0) {
			reverse = true;
		} else if (strcmp(a, "--sort") == 0 || strcmp(a, "--show") == 0) {
			if (i + 1 >= argc) {
				termtext_printf(stderr, "irate review: %s needs a value\n", a);
				goto out;
			}
			if (a[3] == 'h') {
				show_path = argv[++i];
			} else if ((sort = review_col_from_name(argv[++i])) < 0) {
				termtext_printf(stderr, "irate review: cannot sort by \"%s\" (trainee, "
				    "scenario, date, mode, ending, overall, calm, restate, "
				    "empathy, apology or alternative)\n", argv[i]);
				goto out;
			}
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_review_usage(stdout);
			rc = EXIT_OK;
			goto out;
		} else if (a[0] == '-' && a[1] != '\0') {
			termtext_printf(stderr, "irate review: unknown option %s\n", a);
			goto out;
		} else {
			/* filter words; keep spaces inside one argument quoted */
			if (*filter)
				strcat(filter, " ");
			bool sp = strchr(a, ' ') != NULL && strchr(a, '"') == NULL;
			const char *colon = strchr(a, ':');
			if (sp && colon) {
				strncat(filter, a, (size_t)(colon - a) + 1);
				strcat(filter, "\"");
				strcat(filter, colon + 1);
				strcat(filter, "\"");
			} else {
				strcat(filter, a);
			}
		}
	}
	if (do_list && show_path) {
		termtext_printf(stderr, "irate review: --list or --show, not both\n");
		goto out;
	}
	char *data_dir = paths_data_dir(g->data_dir);
	char *assets = paths_assets_dir(g->assets_dir);
	char *scen_dir = paths_scenarios_dir(NULL);
	char *reviewer = trainee_choose(reviewer_opt ? reviewer_opt : g->trainee,
	    data_dir);
	struct scorer *scorer = NULL;
	struct diags d = {0};
	const char *why;
	rc = EXIT_PROBLEMS;
	if (do_list) {
		rc = list(data_dir, filter, sort, reverse);
		goto done;
	}
	if (!trainee_valid(reviewer, &why)) {
		termtext_printf(stderr, "irate review: reviewer name refused: %s\n", why);
		rc = EXIT_USAGE;
		goto done;
	}
	if (scorer_load(assets, "en", &scorer, &d) != 0) {
		diags_print(&d, stderr);
		termtext_printf(stderr, "irate: cannot load the lexicon from %s\n", assets);
		goto done;
	}
	if (show_path) {
		rc = show(show_path, scorer);
		goto done;
	}
	if (g->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		termtext_printf(stderr, "irate review: the browser needs a terminal; "
		    "use --list or --show FILE for plain text\n");
		rc = EXIT_USAGE;
		goto done;
	}
	struct review_filter f;
	char *err;
	if (review_filter_parse(&f, filter, &err) != 0) {
		termtext_printf(stderr, "irate review: bad filter: %s\n", err);
		free(err);
		rc = EXIT_USAGE;
		goto done;
	}
	review_filter_free(&f);
	char *trainee = trainee_choose(g->trainee, data_dir);
	struct play_options o = {
		.trainee = trainee_valid(trainee, NULL) ? trainee : reviewer,
		.data_dir = data_dir,
		.scenarios_dir = scen_dir,
		.no_color = g->no_color,
		.review = true,
		.reviewer = reviewer,
		.review_filter = filter,
	};
	rc = ui_run(NULL, scorer, &o);
	free(trainee);
done:
	diags_free(&d);
	scorer_free(scorer);
	free(reviewer);
	free(scen_dir);
	free(assets);
	free(data_dir);
out:
	free(filter);
	return rc;
}
