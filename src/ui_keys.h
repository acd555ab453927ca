/* ui_keys.h: the one key table of the terminal interface.
 *
 * Every key the screens understand is a row of UI_KEY_TABLE: what it does,
 * which key, its label, the screens it works on, the word the footer of
 * those screens shows for it (NULL: not shown), and the line the help screen prints for it.  The
 * screens look keys up here (ui_keys_find) and the help screen and footers
 * are generated from it, so they cannot drift apart (tig's request.h). */
#ifndef IRATE_UI_KEYS_H
#define IRATE_UI_KEYS_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>

/* Screens, as bits, for the table. */
enum {
	SB_START = 1u << 0,
	SB_PLAY = 1u << 1,
	SB_FEEDBACK = 1u << 2,
	SB_RESULT = 1u << 3,
	SB_TRANSCRIPT = 1u << 4,
	SB_HELP = 1u << 5,
	SB_COURSES = 1u << 6,     /* the list of courses (ui_courses.c) */
	SB_COURSE = 1u << 7,      /* one course: its steps (ui_course.c) */
	SB_REVIEW = 1u << 8,      /* the review browser (typing: its filter) */
	SB_REVIEW_VIEW = 1u << 9, /* one transcript under review */
	SB_REVIEW_NOTE = 1u << 10,/* writing a comment or an override */
};
#define SB_EDIT (SB_START | SB_PLAY | SB_REVIEW | SB_REVIEW_NOTE)
#define SB_VIEW (SB_FEEDBACK | SB_RESULT | SB_TRANSCRIPT | SB_HELP | SB_REVIEW_VIEW)
#define SB_COURSE_SCREENS (SB_COURSES | SB_COURSE)
#define SB_ALL (SB_EDIT | SB_VIEW | SB_COURSE_SCREENS)

#define CTRL(c) ((c) & 0x1f)
/* How a row names its key: a curses key code or a character. */
#define UK_CODE true   /* the key is a curses key code */
#define UK_CHAR false  /* the key is a character */

/* K(action, kind, key, label, screens, footer word or NULL, help) */
#define UI_KEY_TABLE(K) \
	K(HELP,      UK_CODE, KEY_F(1),      "F1",        SB_ALL, "help", "show this help") \
	K(HELP,      UK_CHAR, '?',           "?",         SB_VIEW & ~SB_HELP, NULL, "show this help") \
	K(QUIT,      UK_CODE, KEY_F(10),     "F10",       SB_EDIT | SB_HELP, "quit", "quit irate (a call in progress is saved as unfinished)") \
	K(QUIT,      UK_CHAR, 'q',           "q",         SB_FEEDBACK | SB_RESULT | SB_TRANSCRIPT, "quit", "quit irate (a call in progress is saved as unfinished)") \
	K(QUIT,      UK_CODE, KEY_F(10),     "F10",       SB_FEEDBACK | SB_RESULT | SB_TRANSCRIPT, NULL, "quit irate (a call in progress is saved as unfinished)") \
	K(QUIT,      UK_CHAR, CTRL('X'),     "Ctrl-X",    SB_ALL, NULL, "quit irate (a call in progress is saved as unfinished)") \
	K(QUIT,      UK_CHAR, CTRL('C'),     "Ctrl-C",    SB_ALL, NULL, "quit at once (a call in progress is saved as interrupted)") \
	K(CLOSE,     UK_CHAR, 'q',           "q",         SB_HELP, "close", "close the help") \
	K(CLOSE,     UK_CHAR, 27,            "Esc",       SB_HELP, NULL, "close the help") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_START, "play", "play the selected scenario (in the name field: use the name)") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_PLAY, "send", "send the reply") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_FEEDBACK, "continue", "go on with the call") \
	K(ENTER,     UK_CHAR, ' ',           "Space",     SB_FEEDBACK, NULL, "go on with the call") \
	K(ENTER,     UK_CHAR, '\r',          "Enter",     SB_START | SB_PLAY | SB_FEEDBACK, NULL, NULL) \
	K(ENTER,     UK_CODE, KEY_ENTER,     "Enter",     SB_START | SB_PLAY | SB_FEEDBACK, NULL, NULL) \
	K(FOCUS,     UK_CHAR, '\t',          "Tab",       SB_START, "name/filter", "switch between the trainee name and the scenario filter") \
	K(SORT,      UK_CODE, KEY_F(2),      "F2",        SB_START, "sort", "sort by difficulty, title, industry or your best score") \
	K(SORT,      UK_CHAR, CTRL('O'),     "Ctrl-O",    SB_START, NULL, "sort by difficulty, title, industry or your best score") \
	K(CANCEL,    UK_CHAR, 27,            "Esc",       SB_START, NULL, "clear the filter (in the name field: undo the edit)") \
	K(CANCEL,    UK_CHAR, 27,            "Esc",       SB_PLAY, "leave call", "leave the call (saved as unfinished) and see the result") \
	K(MODEL,     UK_CODE, KEY_F(5),      "F5",        SB_PLAY, "model reply", "show a model reply for this point (practice mode)") \
	K(MODEL,     UK_CHAR, CTRL('T'),     "Ctrl-T",    SB_PLAY, NULL, "show a model reply for this point (practice mode)") \
	K(UP,        UK_CODE, KEY_UP,        "Up",        SB_START, NULL, "previous scenario") \
	K(DOWN,      UK_CODE, KEY_DOWN,      "Down",      SB_START, NULL, "next scenario") \
	K(UP,        UK_CODE, KEY_UP,        "Up",        SB_PLAY, NULL, "recall an earlier reply") \
	K(DOWN,      UK_CODE, KEY_DOWN,      "Down",      SB_PLAY, NULL, "a later reply, back to the one being typed") \
	K(UP,        UK_CODE, KEY_UP,        "Up",        SB_VIEW, NULL, "scroll up a line") \
	K(UP,        UK_CHAR, 'k',           "k",         SB_VIEW, NULL, "scroll up a line") \
	K(DOWN,      UK_CODE, KEY_DOWN,      "Down",      SB_VIEW, NULL, "scroll down a line") \
	K(DOWN,      UK_CHAR, 'j',           "j",         SB_VIEW, NULL, "scroll down a line") \
	K(PGUP,      UK_CODE, KEY_PPAGE,     "PgUp",      SB_START, NULL, "a page of scenarios up") \
	K(PGDN,      UK_CODE, KEY_NPAGE,     "PgDn",      SB_START, NULL, "a page of scenarios down") \
	K(PGUP,      UK_CODE, KEY_PPAGE,     "PgUp",      SB_PLAY, "scroll", "scroll the conversation back") \
	K(PGDN,      UK_CODE, KEY_NPAGE,     "PgDn",      SB_PLAY, NULL, "scroll the conversation forward") \
	K(PGUP,      UK_CODE, KEY_PPAGE,     "PgUp",      SB_VIEW, NULL, "scroll up a page") \
	K(PGUP,      UK_CHAR, 'b',           "b",         SB_VIEW, NULL, "scroll up a page") \
	K(PGDN,      UK_CODE, KEY_NPAGE,     "PgDn",      SB_VIEW, NULL, "scroll down a page") \
	K(PGDN,      UK_CHAR, ' ',           "Space",     SB_RESULT | SB_TRANSCRIPT | SB_HELP, NULL, "scroll down a page") \
	K(TOP,       UK_CODE, KEY_HOME,      "Home",      SB_VIEW, NULL, "go to the top") \
	K(TOP,       UK_CHAR, 'g',           "g",         SB_VIEW, NULL, "go to the top") \
	K(BOTTOM,    UK_CODE, KEY_END,       "End",       SB_VIEW, NULL, "go to the bottom") \
	K(BOTTOM,    UK_CHAR, 'G',           "G",         SB_VIEW, NULL, "go to the bottom") \
	K(LEFT,      UK_CODE, KEY_LEFT,      "Left",      SB_EDIT, NULL, "cursor a character left") \
	K(RIGHT,     UK_CODE, KEY_RIGHT,     "Right",     SB_EDIT, NULL, "cursor a character right") \
	K(HOME,      UK_CODE, KEY_HOME,      "Home",      SB_EDIT, NULL, "cursor to the start of the line") \
	K(HOME,      UK_CHAR, CTRL('A'),     "Ctrl-A",    SB_EDIT, NULL, "cursor to the start of the line") \
	K(END,       UK_CODE, KEY_END,       "End",       SB_EDIT, NULL, "cursor to the end of the line") \
	K(END,       UK_CHAR, CTRL('E'),     "Ctrl-E",    SB_EDIT, NULL, "cursor to the end of the line") \
	K(BACKSPACE, UK_CODE, KEY_BACKSPACE, "Backspace", SB_EDIT, NULL, "delete the character before the cursor") \
	K(BACKSPACE, UK_CHAR, 127,           "Backspace", SB_EDIT, NULL, NULL) \
	K(BACKSPACE, UK_CHAR, CTRL('H'),     "Backspace", SB_EDIT, NULL, NULL) \
	K(DELETE,    UK_CODE, KEY_DC,        "Delete",    SB_EDIT, NULL, "delete the character under the cursor") \
	K(DELETE,    UK_CHAR, CTRL('D'),     "Ctrl-D",    SB_EDIT, NULL, "delete the character under the cursor") \
	K(DELWORD,   UK_CHAR, CTRL('W'),     "Ctrl-W",    SB_EDIT, NULL, "delete the word before the cursor") \
	K(DELSTART,  UK_CHAR, CTRL('U'),     "Ctrl-U",    SB_EDIT, NULL, "delete to the start of the line") \
	K(RETRY,     UK_CHAR, 'r',           "r",         SB_RESULT | SB_TRANSCRIPT, "retry", "play this scenario again") \
	K(TRANSCRIPT, UK_CHAR, 't',          "t",         SB_RESULT, "transcript", "read the transcript: every turn with its grading") \
	K(BACK,      UK_CHAR, 27,            "Esc",       SB_TRANSCRIPT, "back", "back to the result") \
	K(BACK,      UK_CHAR, 't',           "t",         SB_TRANSCRIPT, NULL, "back to the result") \
	K(LIBRARY,   UK_CHAR, 'l',           "l",         SB_RESULT | SB_TRANSCRIPT, "library", "back to the scenario library") \
	K(REVIEW,    UK_CODE, KEY_F(3),      "F3",        SB_START, "review", "review saved transcripts: browse, re-grade, comment, override") \
	K(REVIEW,    UK_CHAR, CTRL('R'),     "Ctrl-R",    SB_START, NULL, "review saved transcripts: browse, re-grade, comment, override") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_REVIEW, "open", "open the selected transcript") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_REVIEW_NOTE, "save", "save the note (an override asks for a reason first)") \
	K(ENTER,     UK_CHAR, '\r',          "Enter",     SB_REVIEW | SB_REVIEW_NOTE, NULL, NULL) \
	K(ENTER,     UK_CODE, KEY_ENTER,     "Enter",     SB_REVIEW | SB_REVIEW_NOTE, NULL, NULL) \
	K(UP,        UK_CODE, KEY_UP,        "Up",        SB_REVIEW, NULL, "previous transcript") \
	K(DOWN,      UK_CODE, KEY_DOWN,      "Down",      SB_REVIEW, NULL, "next transcript") \
	K(PGUP,      UK_CODE, KEY_PPAGE,     "PgUp",      SB_REVIEW, NULL, "a page of transcripts up") \
	K(PGDN,      UK_CODE, KEY_NPAGE,     "PgDn",      SB_REVIEW, NULL, "a page of transcripts down") \
	K(SORT,      UK_CODE, KEY_F(2),      "F2",        SB_REVIEW, "sort", "sort by the next column") \
	K(SORT,      UK_CHAR, CTRL('O'),     "Ctrl-O",    SB_REVIEW, NULL, "sort by the next column") \
	K(REVERSE,   UK_CODE, KEY_F(3),      "F3",        SB_REVIEW, "reverse", "reverse the sort") \
	K(REVERSE,   UK_CHAR, CTRL('R'),     "Ctrl-R",    SB_REVIEW, NULL, "reverse the sort") \
	K(CANCEL,    UK_CHAR, 27,            "Esc",       SB_REVIEW, "clear/back", "clear the filter; when it is empty, back to the library") \
	K(NEXT,      UK_CHAR, 'n',           "n",         SB_REVIEW_VIEW, "next turn", "select the next turn") \
	K(NEXT,      UK_CODE, KEY_RIGHT,     "Right",     SB_REVIEW_VIEW, NULL, "select the next turn") \
	K(PREV,      UK_CHAR, 'p',           "p",         SB_REVIEW_VIEW, "previous", "select the previous turn") \
	K(PREV,      UK_CODE, KEY_LEFT,      "Left",      SB_REVIEW_VIEW, NULL, "select the previous turn") \
	K(COMMENT,   UK_CHAR, 'c',           "c",         SB_REVIEW_VIEW, "comment", "comment on the selected turn") \
	K(OVERRIDE,  UK_CHAR, 'o',           "o",         SB_REVIEW_VIEW, "override", "override a criterion on the selected turn (a reason is required)") \
	K(WITHDRAW,  UK_CHAR, 'x',           "x",         SB_REVIEW_VIEW, "withdraw", "withdraw your newest note on the selected turn (asks first; others' notes stay)") \
	K(BACK,      UK_CHAR, 27,            "Esc",       SB_REVIEW_VIEW, "back", "back to the transcript list (the filter is kept)") \
	K(QUIT,      UK_CHAR, 'q',           "q",         SB_REVIEW_VIEW, "quit", "quit irate") \
	K(QUIT,      UK_CODE, KEY_F(10),     "F10",       SB_REVIEW_VIEW, NULL, "quit irate") \
	K(CANCEL,    UK_CHAR, 27,            "Esc",       SB_REVIEW_NOTE, "cancel", "drop the note") \
	K(COURSES,   UK_CODE, KEY_F(4),      "F4",        SB_START, "courses", "courses: your progress through each, play the next step") \
	K(RESUME,    UK_CODE, KEY_F(5),      "F5",        SB_START, NULL, "take up the selected scenario's unfinished call where it stopped") \
	K(RESUME,    UK_CHAR, CTRL('G'),     "Ctrl-G",    SB_START, NULL, "take up the selected scenario's unfinished call where it stopped") \
	K(COURSES,   UK_CHAR, CTRL('K'),     "Ctrl-K",    SB_START, NULL, "courses: your progress through each, play the next step") \
	K(BACK,      UK_CHAR, 27,            "Esc",       SB_RESULT, "back", "back to the course when the call was a course step, else to the library") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_COURSES, "open", "show the selected course: its steps and your progress") \
	K(ENTER,     UK_CHAR, '\n',          "Enter",     SB_COURSE, "play", "play the selected step (a locked one says what to pass first)") \
	K(ENTER,     UK_CHAR, '\r',          "Enter",     SB_COURSE_SCREENS, NULL, NULL) \
	K(ENTER,     UK_CODE, KEY_ENTER,     "Enter",     SB_COURSE_SCREENS, NULL, NULL) \
	K(PLAYNEXT,  UK_CHAR, 'n',           "n",         SB_COURSE_SCREENS, "next step", "play the course's next step: the first one open or failed, in its mode") \
	K(UP,        UK_CODE, KEY_UP,        "Up",        SB_COURSES, NULL, "previous course") \
	K(UP,        UK_CHAR, 'k',           "k",         SB_COURSES, NULL, "previous course") \
	K(DOWN,      UK_CODE, KEY_DOWN,      "Down",      SB_COURSES, NULL, "next course") \
	K(DOWN,      UK_CHAR, 'j',           "j",         SB_COURSES, NULL, "next course") \
	K(UP,        UK_CODE, KEY_UP,        "Up",        SB_COURSE, NULL, "select the step above") \
	K(UP,        UK_CHAR, 'k',           "k",         SB_COURSE, NULL, "select the step above") \
	K(DOWN,      UK_CODE, KEY_DOWN,      "Down",      SB_COURSE, NULL, "select the step below") \
	K(DOWN,      UK_CHAR, 'j',           "j",         SB_COURSE, NULL, "select the step below") \
	K(BACK,      UK_CHAR, 27,            "Esc",       SB_COURSES, "back", "back to the library") \
	K(BACK,      UK_CHAR, 27,            "Esc",       SB_COURSE, "back", "back to the list of courses") \
	K(HELP,      UK_CHAR, '?',           "?",         SB_COURSE_SCREENS, NULL, "show this help") \
	K(QUIT,      UK_CHAR, 'q',           "q",         SB_COURSE_SCREENS, "quit", "quit irate") \
	K(QUIT,      UK_CODE, KEY_F(10),     "F10",       SB_COURSE_SCREENS, NULL, "quit irate")

/* The actions.  ACT_NONE: not in the table (typed text, or nothing). */
enum ui_action {
	ACT_NONE,
	ACT_HELP, ACT_QUIT, ACT_CLOSE, ACT_ENTER, ACT_FOCUS, ACT_SORT,
	ACT_CANCEL, ACT_MODEL, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_TOP,
	ACT_BOTTOM, ACT_LEFT, ACT_RIGHT, ACT_HOME, ACT_END, ACT_BACKSPACE,
	ACT_DELETE, ACT_DELWORD, ACT_DELSTART, ACT_RETRY, ACT_TRANSCRIPT,
	ACT_BACK, ACT_LIBRARY, ACT_REVIEW, ACT_REVERSE, ACT_NEXT, ACT_PREV,
	ACT_COMMENT, ACT_OVERRIDE, ACT_COURSES, ACT_PLAYNEXT, ACT_RESUME, ACT_WITHDRAW,
};

/* One key press as the screens see it. */
struct ui_key {
	enum ui_action act;
	bool text;       /* a printable character to type (act is ACT_NONE) */
	wint_t ch;       /* the character or curses key code */
};

/* The action of a key on screen (an SB_* bit): keycode is true for a
 * curses key code (get_wch returned KEY_CODE_YES).  On screens where the
 * user types (typing true) printable characters are text, never actions. */
struct ui_key ui_keys_find(unsigned screen, bool keycode, wint_t ch,
    bool typing);

/* Rows of the table for the help screen and footers, in table order. */
struct ui_key_row {
	enum ui_action act;
	bool keycode;
	wint_t ch;
	const char *label;
	unsigned screens;
	const char *footer; /* a word for the footer, or NULL */
	const char *help; /* NULL: an alias not listed in the help */
};
/* The table; *n gets its length. */
const struct ui_key_row *ui_keys_table(size_t *n);

struct lineedit;
/* Apply a typed character or a line-editing action (left, right, home,
 * end, backspace, delete, delete word, delete to start) to e.  Returns
 * true if the key was one of those and changed e. */
bool ui_edit_key(struct lineedit *e, const struct ui_key *k);

#endif
