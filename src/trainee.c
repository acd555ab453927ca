/* trainee.c: checking trainee names and encoding them as directory names. */
#include "trainee.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "buf.h"
#include "datadir.h"
#include "utf8.h"
#include "xalloc.h"

bool
trainee_valid(const char *name, const char **why)
{
	const char *reason = NULL;
	size_t len = strlen(name), chars = 0;
	bool visible = false;
	if (len == 0)
		reason = "the name is empty";
	for (size_t i = 0; i < len && !reason;) {
		uint32_t cp;
		size_t l = utf8_decode(name + i, len - i, &cp);
		if (l == 0) {
			reason = "the name is not valid UTF-8";
			break;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			reason = "the name contains a control character";
		else if ((cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f)
			reason = "the name contains a text-direction control";
		if (cp != ' ')
			visible = true;
		chars++;
		i += l;
	}
	if (!reason && chars > TRAINEE_MAX_CHARS)
		reason = "the name is longer than 64 characters";
	if (!reason && !visible)
		reason = "the name is only spaces";
	if (why)
		*why = reason;
	return reason == NULL;
}

static bool
keep_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

char *
trainee_dirname(const char *name)
{
	struct buf b = {0};
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (keep_byte(*p))
			buf_putc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	return buf_take(&b);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
trainee_from_dirname(const char *s)
{
	struct buf b = {0};
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '%') {
			int hi = hexval(s[i + 1]), lo = hi >= 0 ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0 || keep_byte((unsigned char)(hi * 16 + lo))) {
				buf_free(&b);
				return NULL;
			}
			buf_putc(&b, (char)(hi * 16 + lo));
			i += 2;
		} else if (keep_byte((unsigned char)s[i])) {
			buf_putc(&b, s[i]);
		} else {
			buf_free(&b);
			return NULL;
		}
	}
	char *name = buf_take(&b);
	if (!trainee_valid(name, NULL)) {
		free(name);
		return NULL;
	}
	return name;
}

char *
trainee_remembered(const char *data_dir)
{
	char *path = xasprintf("%s/last-trainee", data_dir);
	FILE *f = datadir_kind(path) == DATADIR_FILE ? fopen(path, "r") : NULL;
	free(path);
	if (f == NULL)
		return NULL;
	char line[512];
	char *name = NULL;
	if (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (trainee_valid(line, NULL))
			name = xstrdup(line);
	}
	fclose(f);
	return name;
}

int
trainee_remember(const char *data_dir, const char *name)
{
	char *path = xasprintf("%s/last-trainee", data_dir);
	char *text = xasprintf("%s\n", name);
	int rc = atomic_write_file(path, text, strlen(text), NULL);
	free(text);
	free(path);
	return rc;
}

char *
trainee_choose(const char *given, const char *data_dir)
{
	if (given)
		return xstrdup(given);
	char *r = trainee_remembered(data_dir);
	if (r)
		return r;
	const char *u = getenv("USER");
	if (u && trainee_valid(u, NULL))
		return xstrdup(u);
	return xstrdup("trainee");
}
