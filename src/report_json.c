/* report_json.c: a report as one JSON document (docs/reports.md). */
#include <math.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "report.h"

#define REPORT_JSON_FORMAT 1

/* x rounded to 4 decimals, so shares print without binary noise. */
static double
r4(double x)
{
	return round(x * 10000.0) / 10000.0;
}

static cJSON *
stats_json(const struct report_stats *st)
{
	cJSON *o = cJSON_CreateObject();
	if (st->name)
		cJSON_AddStringToObject(o, "name", st->name);
	cJSON_AddNumberToObject(o, "sessions", (double)st->sessions);
	cJSON_AddNumberToObject(o, "turns", (double)st->turns);
	cJSON_AddNumberToObject(o, "mean_score", r4(st->mean_overall));
	cJSON *crit = cJSON_AddObjectToObject(o, "criteria");
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct report_crit *rc = &st->crit[c];
		cJSON *j = cJSON_AddObjectToObject(crit,
		    criterion_name((enum criterion)c));
		cJSON_AddNumberToObject(j, "turns", (double)rc->turns);
		cJSON_AddNumberToObject(j, "met", (double)rc->met);
		cJSON_AddNumberToObject(j, "share", r4(rc->share));
		cJSON_AddNumberToObject(j, "mean_score", r4(rc->mean_score));
		cJSON *tr = cJSON_AddArrayToObject(j, "trend");
		for (size_t i = 0; i < st->ntrend; i++)
			cJSON_AddItemToArray(tr,
			    cJSON_CreateNumber(r4(st->trend[i].share[c])));
	}
	cJSON *ss = cJSON_AddArrayToObject(o, "sessions_in_order");
	for (size_t i = 0; i < st->ntrend; i++) {
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "started", st->trend[i].started);
		cJSON_AddStringToObject(j, "scenario", st->trend[i].scenario_id);
		cJSON_AddNumberToObject(j, "overall", st->trend[i].overall);
		cJSON_AddItemToArray(ss, j);
	}
	if (st->weakest >= 0)
		cJSON_AddStringToObject(o, "weakest",
		    criterion_name((enum criterion)st->weakest));
	else
		cJSON_AddNullToObject(o, "weakest");
	cJSON *ex = cJSON_AddArrayToObject(o, "examples");
	for (size_t i = 0; i < st->nex; i++) {
		const struct report_example *e = &st->ex[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "trainee", e->trainee);
		cJSON_AddStringToObject(j, "scenario", e->scenario_id);
		cJSON_AddStringToObject(j, "scenario_title", e->scenario_title);
		cJSON_AddStringToObject(j, "started", e->started);
		cJSON_AddNumberToObject(j, "turn", e->turn);
		if (e->customer)
			cJSON_AddStringToObject(j, "customer", e->customer);
		else
			cJSON_AddNullToObject(j, "customer");
		cJSON_AddStringToObject(j, "reply", e->reply);
		cJSON_AddItemToArray(ex, j);
	}
	cJSON *best = cJSON_AddArrayToObject(o, "best");
	for (size_t i = 0; i < st->nbest; i++) {
		const struct report_best *b = &st->best[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "scenario", b->scenario_id);
		cJSON_AddStringToObject(j, "title", b->scenario_title);
		cJSON_AddNumberToObject(j, "score", b->score);
		cJSON_AddStringToObject(j, "trainee", b->trainee);
		cJSON_AddStringToObject(j, "started", b->started);
		cJSON_AddNumberToObject(j, "sessions", (double)b->sessions);
		cJSON_AddItemToArray(best, j);
	}
	cJSON *pits = cJSON_AddObjectToObject(o, "pitfalls");
	for (int k = 0; k < PIT_COUNT; k++) {
		int p = st->pit_order[k];
		if (st->pitfalls[p] == 0)
			break;
		cJSON_AddNumberToObject(pits, pitfall_name((enum pitfall)p),
		    st->pitfalls[p]);
	}
	cJSON_AddNumberToObject(o, "overrides", st->overrides);
	return o;
}

char *
report_json(const struct report *r)
{
	cJSON *o = cJSON_CreateObject();
	if (o == NULL)
		abort(); /* cJSON fails only when out of memory */
	cJSON_AddNumberToObject(o, "format", REPORT_JSON_FORMAT);
	cJSON_AddItemToObject(o, "group", stats_json(&r->group));
	cJSON *tr = cJSON_AddArrayToObject(o, "trainees");
	for (size_t i = 0; i < r->ntrainees; i++)
		cJSON_AddItemToArray(tr, stats_json(&r->trainees[i]));
	char *s = cJSON_Print(o);
	cJSON_Delete(o);
	if (s == NULL)
		abort();
	/* cJSON_Print's memory is malloc'd with the default hooks: the
	 * caller frees it with free(). */
	return s;
}
