/* fuzz_course.c: libFuzzer target for course_load and course_lint (the
 * course's steps name scenarios in the shipped library, run from the
 * source tree). */
#include <stdint.h>
#include <stdlib.h>

#include "course.h"
#include "diag.h"
#include "scratch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch(".json", data, size);
	struct course c;
	struct diags d = {0};
	if (course_load(&c, path, "scenarios", &d) == 0)
		course_lint(&c, &d);
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	course_free(&c);
	diags_free(&d);
	return 0;
}
