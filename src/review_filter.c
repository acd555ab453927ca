/* review_filter.c: the review queue's rows, filter line and sort. */
#include "review_filter.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const col_names[RC_COUNT] = {
	"trainee", "scenario", "date", "mode", "ending", "overall",
	"calm", "restate", "empathy", "apology", "alternative",
};

/* The words ending: takes, besides the endings. */
static const char *const statuses[] = {
	"unfinished", "interrupted", "in_progress",
};

const char *
review_col_name(enum review_col c)
{
	return c < RC_COUNT ? col_names[c] : "?";
}

int
review_col_from_name(const char *name)
{
	for (int i = 0; i < RC_COUNT; i++)
		if (strcmp(name, col_names[i]) == 0)
			return i;
	return -1;
}

static void
push(char ***v, size_t *n, const char *s, size_t len)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrndup(s, len);
}

static void
free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
review_filter_free(struct review_filter *f)
{
	free_list(f->trainee, f->ntrainee);
	free_list(f->scenario, f->nscenario);
	free_list(f->words, f->nwords);
	free(f->ending);
	memset(f, 0, sizeof *f);
}

static bool
valid_ending(const char *w)
{
	if (ending_from_name(w) > END_NONE)
		return true;
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
		if (strcmp(w, statuses[i]) == 0)
			return true;
	return false;
}

/* YYYY-MM-DD with a plausible month and day. */
static bool
valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* "empathy<50", "overall<70": 0 and the test filled in, 1 when word is no
 * comparison at all, -1 with *err for a bad one. */
static int
parse_below(const char *w, struct review_below *b, char **err)
{
	const char *lt = strchr(w, '<');
	if (lt == NULL)
		return 1;
	char *name = xstrndup(w, (size_t)(lt - w));
	int c = strcmp(name, "overall") == 0 ? CRIT_COUNT :
	    criterion_from_name(name);
	if (c < 0) {
		*err = xasprintf("\"%s\": no criterion \"%s\" (calm, restate, "
		    "empathy, apology, alternative or overall)", w, name);
		free(name);
		return -1;
	}
	free(name);
	const char *v = lt + 1;
	if (*v == '=')
		v++; /* "<=" reads as "<" N+1 below */
	char *end;
	long n = *v ? strtol(v, &end, 10) : -1;
	if (*v == '\0' || *end != '\0' || n < 0 || n > 100) {
		*err = xasprintf("\"%s\": the limit must be a number from 0 to 100",
		    w);
		return -1;
	}
	b->criterion = c;
	b->below = (int)n + (lt[1] == '=' ? 1 : 0);
	return 0;
}

/* One word (key:value, CRIT<N or a bare word).  0, or -1 with *err. */
static int
parse_word(struct review_filter *f, const char *w, char **err)
{
	struct review_below b;
	int r = parse_below(w, &b, err);
	if (r < 0)
		return -1;
	if (r == 0) {
		if (f->nbelow == sizeof f->below / sizeof *f->below) {
			*err = xasprintf("\"%s\": too many limits", w);
			return -1;
		}
		f->below[f->nbelow++] = b;
		return 0;
	}
	const char *colon = strchr(w, ':');
	if (colon == NULL) {
		push(&f->words, &f->nwords, w, strlen(w));
		return 0;
	}
	size_t klen = (size_t)(colon - w);
	const char *v = colon + 1;
	if (*v == '\0') {
		*err = xasprintf("\"%s\": a value is missing after the colon", w);
		return -1;
	}
	if (klen == 7 && strncmp(w, "trainee", 7) == 0) {
		push(&f->trainee, &f->ntrainee, v, strlen(v));
	} else if (klen == 8 && strncmp(w, "scenario", 8) == 0) {
		push(&f->scenario, &f->nscenario, v, strlen(v));
	} else if (klen == 6 && strncmp(w, "ending", 6) == 0) {
		if (!valid_ending(v)) {
			*err = xasprintf("\"%s\": no ending \"%s\" (resolved, escalated, "
			    "hung_up, out_of_turns, unfinished, interrupted or "
			    "in_progress)", w, v);
			return -1;
		}
		free(f->ending);
		f->ending = xstrdup(v);
	} else if ((klen == 5 && strncmp(w, "since", 5) == 0) ||
	    (klen == 5 && strncmp(w, "until", 5) == 0)) {
		if (!valid_date(v)) {
			*err = xasprintf("\"%s\": the date must be YYYY-MM-DD", w);
			return -1;
		}
		memcpy(w[0] == 's' ? f->since : f->until, v, 11);
	} else {
		*err = xasprintf("\"%.*s:\" is not a filter (trainee:, scenario:, "
		    "ending:, since:, until: or CRITERION<N)", (int)klen, w);
		return -1;
	}
	return 0;
}

int
review_filter_parse(struct review_filter *f, const char *text, char **err)
{
	memset(f, 0, sizeof *f);
	*err = NULL;
	const char *p = text ? text : "";
	char *w = xmalloc(strlen(p) + 1);
	int rc = 0;
	while (rc == 0) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		/* a word: up to a space outside double quotes, quotes dropped */
		size_t n = 0;
		bool quoted = false;
		for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++) {
			if (*p == '"')
				quoted = !quoted;
			else
				w[n++] = *p;
		}
		w[n] = '\0';
		if (quoted) {
			*err = xasprintf("a double quote is not closed");
			rc = -1;
		} else if (n > 0) {
			rc = parse_word(f, w, err);
		}
	}
	free(w);
	if (rc != 0)
		review_filter_free(f);
	return rc;
}

/* Does hay contain needle, ignoring ASCII case? */
static bool
contains(const char *hay, const char *needle)
{
	if (hay == NULL)
		return false;
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		    tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

bool
review_filter_match(const struct review_filter *f, const struct review_row *r)
{
	for (size_t i = 0; i < f->ntrainee; i++)
		if (!contains(r->trainee, f->trainee[i]))
			return false;
	for (size_t i = 0; i < f->nscenario; i++)
		if (!contains(r->scenario_id, f->scenario[i]) &&
		    !contains(r->scenario_title, f->scenario[i]))
			return false;
	for (size_t i = 0; i < f->nwords; i++)
		if (!contains(r->trainee, f->words[i]) &&
		    !contains(r->scenario_id, f->words[i]) &&
		    !contains(r->scenario_title, f->words[i]))
			return false;
	if (f->ending && strcmp(f->ending, r->ending) != 0)
		return false;
	const char *date = r->started ? r->started : "";
	if (f->since[0] && strncmp(date, f->since, 10) < 0)
		return false;
	if (f->until[0] && strncmp(date, f->until, 10) > 0)
		return false;
	for (size_t i = 0; i < f->nbelow; i++) {
		int c = f->below[i].criterion;
		int v = c == CRIT_COUNT ? r->overall : r->share[c];
		if (v >= f->below[i].below)
			return false;
	}
	return true;
}

struct review_row *
review_rows_build(const struct report_data *rd, size_t *n)
{
	*n = rd->n;
	struct review_row *v = xcalloc(rd->n ? rd->n : 1, sizeof *v);
	for (size_t i = 0; i < rd->n; i++) {
		const struct report_session *s = &rd->v[i];
		const struct transcript *t = &s->t;
		struct review_row *r = &v[i];
		r->trainee = xstrdup(s->trainee);
		r->scenario_id = xstrdup(t->scenario_id ? t->scenario_id : "");
		r->scenario_title = xstrdup(t->scenario_title ? t->scenario_title : "");
		r->started = xstrdup(t->started ? t->started : "");
		r->mode = xstrdup(t->mode ? t->mode : "");
		const char *status = t->status ? t->status : "";
		r->ending = xstrdup(strcmp(status, "finished") == 0 ?
		    ending_name(t->ending) : status);
		r->overall = transcript_overall(t);
		r->turns = (int)t->nturns;
		for (int c = 0; c < CRIT_COUNT; c++) {
			size_t met = 0;
			for (size_t k = 0; k < t->nturns; k++)
				if (report_label(s, k, (enum criterion)c).met)
					met++;
			r->share[c] = t->nturns ?
			    (int)((200 * met + t->nturns) / (2 * t->nturns)) : 0;
		}
		for (size_t k = 0; k < s->reviews.n; k++)
			r->notes += (int)s->reviews.v[k].nnotes;
		r->path = xstrdup(t->path ? t->path : "");
		r->session = i;
	}
	return v;
}

void
review_rows_free(struct review_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].trainee);
		free(v[i].scenario_id);
		free(v[i].scenario_title);
		free(v[i].started);
		free(v[i].mode);
		free(v[i].ending);
		free(v[i].path);
	}
	free(v);
}

static int
cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

static int
cmp_col(const struct review_row *x, const struct review_row *y,
    enum review_col c)
{
	switch (c) {
	case RC_TRAINEE: return strcmp(x->trainee, y->trainee);
	case RC_SCENARIO: return strcmp(x->scenario_id, y->scenario_id);
	case RC_DATE: return strcmp(x->started, y->started);
	case RC_MODE: return strcmp(x->mode, y->mode);
	case RC_ENDING: return strcmp(x->ending, y->ending);
	case RC_OVERALL: return cmp_int(x->overall, y->overall);
	default:
		if (c >= RC_CALM && c < RC_COUNT)
			return cmp_int(x->share[c - RC_CALM], y->share[c - RC_CALM]);
		return 0;
	}
}

/* Insertion sort: the queue is small and the order must be stable. */
void
review_rows_sort(struct review_row *v, size_t n, enum review_col c,
    bool reverse)
{
	for (size_t i = 1; i < n; i++) {
		struct review_row r = v[i];
		size_t j = i;
		while (j > 0) {
			int k = cmp_col(&v[j - 1], &r, c);
			if (k == 0)
				k = strcmp(v[j - 1].started, r.started);
			if (k == 0)
				k = strcmp(v[j - 1].path, r.path);
			if (reverse)
				k = -k;
			if (k <= 0)
				break;
			v[j] = v[j - 1];
			j--;
		}
		v[j] = r;
	}
}
