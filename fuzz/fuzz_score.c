/* fuzz_score.c: libFuzzer target for score_reply.  The input's first line
 * is the customer's message, the rest the reply; the scorer is loaded once
 * from assets/ (or $IRATE_ASSETS).  Input that is not UTF-8 is skipped:
 * every caller checks that before scoring (score.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "grading.h"
#include "score.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct scorer *scorer;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (scorer == NULL) {
		const char *assets = getenv("IRATE_ASSETS");
		struct diags d = {0};
		if (scorer_load(assets && *assets ? assets : "assets", "en", &scorer,
		    &d) != 0) {
			diags_print(&d, stderr);
			abort();
		}
		diags_free(&d);
	}
	const char *t = (const char *)data;
	size_t bad;
	if (!utf8_valid(t, size, &bad) || memchr(t, '\0', size))
		return 0;
	const char *nl = memchr(t, '\n', size);
	size_t clen = nl ? (size_t)(nl - t) : 0;
	char *customer = malloc(clen + 1);
	if (customer == NULL)
		abort();
	memcpy(customer, t, clen);
	customer[clen] = '\0';
	const char *reply = nl ? nl + 1 : t;
	size_t rlen = size - (size_t)(reply - t);

	const char *history[1] = {customer};
	struct score_ctx ctx = {
		.customer = clen ? customer : NULL,
		.at_fault = size % 2 == 0,
		.history = history,
		.nhistory = clen % 3 == 0 ? 1 : 0,
	};
	struct grading g;
	grading_init(&g);
	score_reply(scorer, &ctx, reply, rlen, &g);
	grading_free(&g);
	free(customer);
	return 0;
}
