/* fuzz_gradeline.c: libFuzzer target for gradeline_parse — one input line
 * of `irate grade` — and what `irate grade` does with the result. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "gradeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gradeline gl;
	struct diags d = {0};
	enum gradeline_status st = gradeline_parse(&gl, "fuzz.jsonl", 1,
	    (const char *)data, size, &d);
	cJSON_Delete(gradeline_id_json(&gl));
	if (st == GRADELINE_OK) {
		struct score_ctx ctx;
		gradeline_ctx(&gl, &ctx);
	} else if (st == GRADELINE_BAD) {
		free(gradeline_error_text(&d, 0));
	}
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	gradeline_free(&gl);
	diags_free(&d);
	return 0;
}
