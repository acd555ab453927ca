/* ui_keys.c: looking keys up in the one key table (ui_keys.h). */
#include "ui_keys.h"

#include <wctype.h>

#include "lineedit.h"

#define UI_KEY_ROW(a, kind, k, label, scr, foot, help) \
	{ACT_##a, kind, k, label, scr, foot, help},

static const struct ui_key_row rows[] = {
	UI_KEY_TABLE(UI_KEY_ROW)
};

const struct ui_key_row *
ui_keys_table(size_t *n)
{
	*n = sizeof rows / sizeof *rows;
	return rows;
}

static bool
printable(wint_t ch)
{
	return ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0);
}

struct ui_key
ui_keys_find(unsigned screen, bool keycode, wint_t ch, bool typing)
{
	struct ui_key k = {ACT_NONE, false, ch};
	if (!keycode && typing && printable(ch)) {
		k.text = true;
		return k;
	}
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		if ((rows[i].screens & screen) && rows[i].keycode == keycode &&
		    rows[i].ch == ch) {
			k.act = rows[i].act;
			return k;
		}
	}
	return k;
}

bool
ui_edit_key(struct lineedit *e, const struct ui_key *k)
{
	if (k->text)
		return lineedit_insert_cp(e, k->ch);
	switch (k->act) {
	case ACT_LEFT: return lineedit_left(e);
	case ACT_RIGHT: return lineedit_right(e);
	case ACT_HOME: return lineedit_home(e);
	case ACT_END: return lineedit_end(e);
	case ACT_BACKSPACE: return lineedit_backspace(e);
	case ACT_DELETE: return lineedit_delete(e);
	case ACT_DELWORD: return lineedit_delete_word(e);
	case ACT_DELSTART: return lineedit_delete_to_start(e);
	default: return false;
	}
}
