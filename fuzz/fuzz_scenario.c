/* fuzz_scenario.c: libFuzzer target for scenario_load (and scenario_lint on
 * what loads). */
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "scratch.h"
#include "scenario_lint.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch(".json", data, size);
	struct scenario sc;
	struct diags d = {0};
	if (scenario_load(&sc, path, &d) == 0)
		scenario_lint(&sc, &d);
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	scenario_free(&sc);
	diags_free(&d);
	return 0;
}
