/* ui_state.h: what the screens of the terminal interface share — the one
 * struct ui that ui_run owns, and each screen's draw and key functions,
 * dispatched from ui_main.c (ncdu's browse_draw/browse_key). */
#ifndef IRATE_UI_STATE_H
#define IRATE_UI_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "history.h"
#include "library.h"
#include "lineedit.h"
#include "play.h"
#include "session.h"
#include "ui_keys.h"

enum ui_screen {
	UI_START,
	UI_PLAY,
	UI_FEEDBACK,
	UI_RESULT,
	UI_TRANSCRIPT,
	UI_HELP,
	UI_REVIEW,          /* the review browser (ui_review.c) */
	UI_REVIEW_VIEW,     /* one transcript under review (ui_review_view.c) */
	UI_REVIEW_NOTE,     /* the viewer, writing a note */
	UI_COURSES,         /* the list of courses (ui_courses.c) */
	UI_COURSE,          /* one course, its steps (ui_course.c) */
	UI_NSCREENS
};

enum ui_sort { SORT_DIFFICULTY, SORT_TITLE, SORT_INDUSTRY, SORT_BEST, SORT_COUNT };

/* Owned by ui_run; the screens borrow it.  Strings and structs inside are
 * owned here unless marked borrowed. */
struct ui {
	const struct play_options *o; /* borrowed */
	struct scorer *scorer;        /* borrowed */
	enum ui_screen screen;
	enum ui_screen help_from;     /* where the help screen returns to */
	bool quit;
	int rc;                       /* exit status so far */
	char *msg;                    /* one-line message for the footer */
	bool msg_error;
	int cur_y, cur_x;             /* where the cursor shows, or -1 */

	char *trainee;
	struct history hist;

	/* the start screen */
	struct library lib;
	bool lib_loaded;
	size_t lib_problems;          /* scenario files left out */
	struct lineedit name, filter;
	bool name_focus;
	enum ui_sort sort;
	size_t *shown;                /* indexes into lib.v, filtered and sorted */
	size_t nshown, sel, top;

	/* the scenario being played */
	const struct scenario *sc;    /* borrowed from lib or own_sc */
	struct scenario own_sc;
	bool have_own_sc;
	int nsessions;
	bool exam;                    /* this call's mode: o->exam, or a course
	                                 step's */
	bool from_course;             /* this call is a course step: the result
	                                 goes back to the course */
	struct session s;
	bool in_session;              /* s is started and not freed */
	bool ended;                   /* session_end done */
	int best_before;              /* best finished score before, or -1 */
	int sessions_before;
	struct lineedit input;
	double asked;                 /* when the customer's line appeared */
	int conv_scroll;              /* lines scrolled back from the newest */
	bool show_model;              /* F5: the model reply is shown */
	struct session_turn last;     /* the last reply's grading */
	bool have_last;
	int view_scroll;              /* feedback, result, transcript, help */

	struct ui_review *rv;         /* the review screens' state (ui_review.h);
	                                 kept while irate runs, so the filter
	                                 survives going in and out */
	struct ui_courses *cs;        /* the course screens' state
	                                 (ui_courses.h), kept while irate runs */
};

/* Set the footer message (formatted, copied). */
void ui_message(struct ui *u, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Switch screen, resetting the view's scroll. */
void ui_go(struct ui *u, enum ui_screen s);

/* The screens: draw the whole screen; handle one key. */
void ui_start_draw(struct ui *u);
void ui_start_key(struct ui *u, const struct ui_key *k);
void ui_play_draw(struct ui *u);
void ui_play_key(struct ui *u, const struct ui_key *k);
void ui_feedback_draw(struct ui *u);
void ui_feedback_key(struct ui *u, const struct ui_key *k);
void ui_result_draw(struct ui *u);
void ui_result_key(struct ui *u, const struct ui_key *k);
void ui_transcript_draw(struct ui *u);
void ui_transcript_key(struct ui *u, const struct ui_key *k);
void ui_help_draw(struct ui *u);
void ui_help_key(struct ui *u, const struct ui_key *k);
void ui_review_draw(struct ui *u);
void ui_review_key(struct ui *u, const struct ui_key *k);
void ui_review_view_draw(struct ui *u);
void ui_review_view_key(struct ui *u, const struct ui_key *k);
void ui_review_note_key(struct ui *u, const struct ui_key *k);
void ui_courses_draw(struct ui *u);
void ui_courses_key(struct ui *u, const struct ui_key *k);
void ui_course_draw(struct ui *u);
void ui_course_key(struct ui *u, const struct ui_key *k);

/* The list of courses: load the courses (once) and the trainee's progress
 * in each (every time), and show it. */
void ui_courses_enter(struct ui *u);
/* Back from a call that was a course step: progress read again, a line
 * saying whether the step was passed, and the course shown. */
void ui_course_after_call(struct ui *u);
void ui_courses_free(struct ui *u);

/* The review browser: (re)load the transcripts of the data directory,
 * keeping the filter, sort and selection; reviewer is who annotates
 * (copied). */
void ui_review_enter(struct ui *u, const char *reviewer);
void ui_review_free(struct ui *u);

/* The start screen: load the library (once) and the trainee's history. */
void ui_start_enter(struct ui *u);
/* Start a session of sc (borrowed) in u->exam's mode and show the play
 * screen.  Returns 0, or -1 with a message set. */
int ui_play_begin(struct ui *u, const struct scenario *sc);
/* Take up again the unfinished call saved at path, of sc (borrowed), in
 * the mode it was played in (session_resume), and show the play screen.
 * Returns 0, or -1 with a message set. */
int ui_play_resume(struct ui *u, const struct scenario *sc, const char *path);
/* End the session in progress, if any, with status ("unfinished" or
 * "interrupted"; "finished" is used when it reached an ending), and set
 * u->rc from how it ended.  Safe to call twice. */
void ui_play_end(struct ui *u, const char *status);
/* Let go of the session (after ui_play_end). */
void ui_play_free(struct ui *u);
/* Scroll a view by a key's action; true when the key was a scroll key. */
bool ui_view_scroll(struct ui *u, const struct ui_key *k, int page);

#endif
