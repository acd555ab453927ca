/* eval.c: grade a labelled JSONL file and report agreement per criterion.
 *
 * usage: eval [-v] [-r] [-a ASSETS] FILE.jsonl
 * Each line: {"id", "customer", "at_fault", "facts": [...], "reply",
 * "labels": {"calm": 0|1, ...}} (facts may be strings or {"text",
 * "paraphrases"}; "history" is optional).  Prints accuracy, precision,
 * recall, F1 and Cohen's kappa of `detected` against the labels; with -v
 * every disagreement with its evidence; with -r the rules alone, without
 * the learned model (wordmodel.h). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "grading.h"
#include "labelled.h"
#include "paths.h"
#include "score.h"
#include "stats.h"
#include "xalloc.h"

static void
print_evidence(const struct crit_result *r)
{
	for (size_t i = 0; i < r->nev; i++)
		printf("      %c [%zu,%zu) \"%s\": %s\n", r->ev[i].positive ? '+' : '-',
		    r->ev[i].start, r->ev[i].end, r->ev[i].text, r->ev[i].why);
}

int
main(int argc, char **argv)
{
	int verbose = 0, rules_only = 0, opt;
	const char *assets = NULL;
	while ((opt = getopt(argc, argv, "vra:")) != -1) {
		if (opt == 'v')
			verbose = 1;
		else if (opt == 'r')
			rules_only = 1;
		else if (opt == 'a')
			assets = optarg;
		else
			goto usage;
	}
	if (optind + 1 != argc)
		goto usage;
	char *dir = paths_assets_dir_here(assets);
	struct diags d = {0};
	struct scorer *sc;
	if (scorer_load(dir, "en", &sc, &d) < 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		free(dir);
		return 2;
	}
	free(dir);
	if (rules_only)
		scorer_use_model(sc, false);
	FILE *f = fopen(argv[optind], "r");
	if (f == NULL) {
		perror(argv[optind]);
		scorer_free(sc);
		return 2;
	}
	struct stats_confusion conf[CRIT_COUNT] = {{0}};
	char *line = NULL;
	size_t cap = 0, lineno = 0, nitems = 0;
	ssize_t n;
	int rc = 0;
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		cJSON *o = cJSON_ParseWithLength(line, (size_t)n);
		struct labelled it;
		if (labelled_read(&it, o) < 0 ||
		    !cJSON_IsObject(cJSON_GetObjectItem(o, "labels"))) {
			fprintf(stderr, "%s:%zu: not a labelled item (needs \"reply\" and \"labels\")\n",
			    argv[optind], lineno);
			rc = 1;
			labelled_free(&it);
			cJSON_Delete(o);
			continue;
		}
		struct grading g;
		grading_init(&g);
		score_reply(sc, &it.ctx, it.reply, strlen(it.reply), &g);
		nitems++;
		for (int c = 0; c < CRIT_COUNT; c++) {
			if (it.label[c] < 0)
				continue;
			bool want = it.label[c] == 1;
			stats_add(&conf[c], want, g.crit[c].detected);
			if (verbose && want != g.crit[c].detected) {
				printf("%s %-11s label=%d detected=%d score=%d\n    %s\n",
				    it.id ? it.id : "?", criterion_name(c), want,
				    g.crit[c].detected, g.crit[c].score, it.reply);
				print_evidence(&g.crit[c]);
			}
		}
		grading_free(&g);
		labelled_free(&it);
		cJSON_Delete(o);
	}
	free(line);
	fclose(f);
	scorer_free(sc);
	printf("%zu replies\n%-12s %6s %6s %6s %6s %6s   %s\n", nitems, "criterion",
	    "acc", "prec", "recall", "F1", "kappa", "tp/fp/fn/tn");
	for (int c = 0; c < CRIT_COUNT; c++)
		printf("%-12s %6.3f %6.3f %6.3f %6.3f %6.3f   %zu/%zu/%zu/%zu\n",
		    criterion_name(c), stats_accuracy(&conf[c]),
		    stats_precision(&conf[c]), stats_recall(&conf[c]),
		    stats_f1(&conf[c]), stats_kappa(&conf[c]), conf[c].tp,
		    conf[c].fp, conf[c].fn, conf[c].tn);
	return rc;
usage:
	fprintf(stderr, "usage: eval [-v] [-r] [-a ASSETS] FILE.jsonl\n");
	return 2;
}
