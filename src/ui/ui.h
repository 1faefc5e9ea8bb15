/* ui.h -- the game window's one entry point, called by `chokepoint play`. */
#ifndef UI_H
#define UI_H

/* Run the game window with the arguments after `play`: --scenario NAME|FILE
 * (default baseline), --seed K (default 1), --screenshot FILE (render the
 * opening view at 1280x720, save it as PNG and exit). Returns the process
 * exit status: 0 done, 1 a runtime failure (no display, no font), 2 a bad
 * flag or scenario. */
int ui_main(int argc, char **argv);

#endif
