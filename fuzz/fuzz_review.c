/* fuzz_review.c: libFuzzer target for review_load; a review that loads is
 * saved and must load again with the same notes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "review.h"
#include "scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch(".json", data, size);
	struct review r;
	struct diags d = {0};
	if (review_load(&r, path, &d) == 0) {
		const char *out = fuzz_scratch(".out.json", (const uint8_t *)"", 0);
		free(r.path);
		r.path = strdup(out);
		if (r.path == NULL || review_save(&r, &d) != 0)
			abort();
		struct review r2;
		if (review_load(&r2, out, &d) != 0) {
			diags_print(&d, stderr);
			abort(); /* what irate writes, irate must read */
		}
		if (r2.nnotes != r.nnotes || strcmp(r2.reviewer, r.reviewer) != 0)
			abort();
		while (r2.nnotes > 0) /* withdrawing every note works too */
			review_remove_note(&r2, r2.nnotes - 1);
		review_free(&r2);
	}
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	review_free(&r);
	diags_free(&d);
	return 0;
}
