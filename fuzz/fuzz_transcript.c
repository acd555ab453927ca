/* fuzz_transcript.c: libFuzzer target for transcript_load; a transcript
 * that loads is saved and must load again the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "scratch.h"
#include "transcript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch(".json", data, size);
	struct transcript t;
	struct diags d = {0};
	if (transcript_load(&t, path, &d) == 0) {
		(void)transcript_overall(&t);
		const char *out = fuzz_scratch(".out.json", (const uint8_t *)"", 0);
		free(t.path);
		t.path = strdup(out);
		if (t.path == NULL || transcript_save(&t, &d) != 0)
			abort();
		struct transcript t2;
		if (transcript_load(&t2, out, &d) != 0) {
			diags_print(&d, stderr);
			abort(); /* what irate writes, irate must read */
		}
		if (t2.nturns != t.nturns || strcmp(t2.trainee, t.trainee) != 0)
			abort();
		transcript_free(&t2);
	}
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	transcript_free(&t);
	diags_free(&d);
	return 0;
}
