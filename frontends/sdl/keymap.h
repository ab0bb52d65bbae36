/* SDL scancodes to Linux input key codes (keymap.c). */
#ifndef SDL_KEYMAP_H
#define SDL_KEYMAP_H

/* The Linux KEY_* code of an SDL_Scancode, or 0 for keys without one. */
unsigned sdl_to_linux_key(int scancode);

#endif
