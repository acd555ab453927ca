/* calibrate_out.c: calibration results as text and as `irate grade` input. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "calibrate.h"

/* s on one line, control characters as spaces. */
static void
put_line(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
}

char *
calibrate_text(const struct calibration *c)
{
	struct buf b = {0};
	buf_printf(&b, "irate calibrate: %zu supervisor override%s in %zu "
	    "review%s\n\n", c->noverrides, c->noverrides == 1 ? "" : "s",
	    c->nreviews, c->nreviews == 1 ? "" : "s");
	buf_puts(&b, "criterion    overrides  agree  agreement  kappa\n");
	for (int k = 0; k < CRIT_COUNT; k++) {
		const struct calib_crit *cc = &c->crit[k];
		buf_printf(&b, "%-11s  %9zu  %5zu", criterion_name((enum criterion)k),
		    cc->n, cc->agree);
		if (cc->n)
			buf_printf(&b, "  %8.0f%%  %5.2f\n", cc->agreement * 100.0,
			    cc->kappa);
		else
			buf_puts(&b, "          -      -\n");
	}
	if (c->nitems == 0) {
		buf_puts(&b, "\nno disagreements\n");
		return buf_take(&b);
	}
	buf_printf(&b, "\n%zu repl%s where supervisors and the scorer disagree "
	    "(most disagreements first):\n", c->nitems,
	    c->nitems == 1 ? "y" : "ies");
	for (size_t i = 0; i < c->nitems; i++) {
		const struct calib_item *it = &c->items[i];
		buf_printf(&b, "\n%s, %s, %.10s, turn %d:", it->trainee,
		    it->scenario_id, it->started, it->turn);
		bool first = true;
		for (int k = 0; k < CRIT_COUNT; k++) {
			if (it->label[k] < 0 || it->label[k] == it->scorer[k])
				continue;
			buf_printf(&b, "%s %s (scorer %d, supervisor %d)",
			    first ? "" : ",", criterion_name((enum criterion)k),
			    it->scorer[k], it->label[k]);
			first = false;
		}
		buf_putc(&b, '\n');
		if (it->customer) {
			buf_puts(&b, "  customer: ");
			put_line(&b, it->customer);
			buf_putc(&b, '\n');
		}
		buf_puts(&b, "  reply:    ");
		put_line(&b, it->reply);
		buf_putc(&b, '\n');
	}
	return buf_take(&b);
}

char *
calibrate_export(const struct calibration *c)
{
	struct buf b = {0};
	for (size_t i = 0; i < c->nitems; i++) {
		const struct calib_item *it = &c->items[i];
		cJSON *o = cJSON_CreateObject();
		if (o == NULL)
			abort(); /* cJSON fails only when out of memory */
		/* trainee/transcript-file-stem#turn: unique and traceable. */
		size_t fl = strlen(it->file);
		if (fl > 5 && strcmp(it->file + fl - 5, ".json") == 0)
			fl -= 5;
		struct buf id = {0};
		buf_printf(&id, "%s/%.*s#%d", it->trainee, (int)fl, it->file,
		    it->turn);
		cJSON_AddStringToObject(o, "id", id.s);
		buf_free(&id);
		if (it->customer)
			cJSON_AddStringToObject(o, "customer", it->customer);
		cJSON_AddStringToObject(o, "reply", it->reply);
		cJSON_AddBoolToObject(o, "at_fault", it->at_fault);
		cJSON *l = cJSON_AddObjectToObject(o, "labels");
		for (int k = 0; k < CRIT_COUNT; k++)
			if (it->label[k] >= 0)
				cJSON_AddNumberToObject(l,
				    criterion_name((enum criterion)k), it->label[k]);
		char *s = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		if (s == NULL)
			abort();
		buf_puts(&b, s);
		buf_putc(&b, '\n');
		cJSON_free(s);
	}
	return buf_take(&b);
}
