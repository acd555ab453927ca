/* labelled.c: reading one labelled reply (labelled.h). */
#include "labelled.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *
string_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The strings of array a, in a fresh NULL-terminated array; *n its count. */
static const char **
strings_of(const cJSON *a, size_t *n)
{
	size_t cap = cJSON_IsArray(a) ? (size_t)cJSON_GetArraySize(a) : 0;
	const char **v = xcalloc(cap + 1, sizeof *v);
	*n = 0;
	const cJSON *x;
	cJSON_ArrayForEach(x, a)
		if (cJSON_IsString(x))
			v[(*n)++] = x->valuestring;
	return v;
}

int
labelled_read(struct labelled *l, const cJSON *o)
{
	memset(l, 0, sizeof *l);
	for (int c = 0; c < CRIT_COUNT; c++)
		l->label[c] = -1;
	if (!cJSON_IsObject(o) || (l->reply = string_of(o, "reply")) == NULL)
		return -1;
	l->id = string_of(o, "id");
	l->ctx.customer = string_of(o, "customer");
	l->ctx.at_fault = !cJSON_IsFalse(cJSON_GetObjectItem(o, "at_fault"));
	const cJSON *facts = cJSON_GetObjectItemCaseSensitive(o, "facts");
	size_t nf = cJSON_IsArray(facts) ? (size_t)cJSON_GetArraySize(facts) : 0;
	l->facts = xcalloc(nf + 1, sizeof *l->facts);
	l->paraphrases = xcalloc(nf + 1, sizeof *l->paraphrases);
	size_t k = 0;
	const cJSON *f;
	cJSON_ArrayForEach(f, facts) {
		const char *text = cJSON_IsString(f) ? f->valuestring :
		    string_of(f, "text");
		if (text == NULL)
			continue;
		l->facts[k].text = text;
		if (cJSON_IsObject(f)) {
			l->paraphrases[k] = strings_of(
			    cJSON_GetObjectItemCaseSensitive(f, "paraphrases"),
			    &l->facts[k].nparaphrases);
			l->facts[k].paraphrases = l->paraphrases[k];
		}
		k++;
	}
	l->ctx.facts = l->facts;
	l->ctx.nfacts = k;
	l->history = strings_of(cJSON_GetObjectItemCaseSensitive(o, "history"),
	    &l->ctx.nhistory);
	l->ctx.history = l->history;
	const cJSON *labels = cJSON_GetObjectItemCaseSensitive(o, "labels");
	for (int c = 0; c < CRIT_COUNT; c++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(labels,
		    criterion_name((enum criterion)c));
		if (cJSON_IsBool(v))
			l->label[c] = cJSON_IsTrue(v);
		else if (cJSON_IsNumber(v))
			l->label[c] = v->valuedouble != 0;
	}
	return 0;
}

void
labelled_free(struct labelled *l)
{
	for (size_t i = 0; l->paraphrases && i < l->ctx.nfacts; i++)
		free(l->paraphrases[i]);
	free(l->paraphrases);
	free(l->facts);
	free(l->history);
	memset(l, 0, sizeof *l);
}
