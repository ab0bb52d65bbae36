/*
 * emu-sdl: the virt board with its display in an SDL window. The command
 * line, the machine and the run loop are emu's (frontends/common); this
 * file adds the window: the framebuffer copied into a streaming texture at
 * 60 Hz and scaled to the window (aspect kept), keys sent to the virtio
 * keyboard as Linux key codes, and the mouse sent to the virtio tablet as
 * absolute coordinates (to a virtio mouse as motion, if that is what the
 * command line added).
 */
#include <SDL.h>
#include <stdio.h>

#include "frontend.h"
#include "keymap.h"

/* linux/input-event-codes.h */
enum { EV_SYN = 0, EV_KEY = 1, EV_REL = 2, EV_ABS = 3 };
enum { REL_X = 0, REL_Y = 1, REL_WHEEL = 8, ABS_X = 0, ABS_Y = 1 };
enum { BTN_LEFT = 0x110, BTN_RIGHT = 0x111, BTN_MIDDLE = 0x112 };
#define TABLET_MAX 32767

#define FRAME_MS (1000.0 / 60)

static SDL_Window *win;
static SDL_Renderer *ren;
static SDL_Texture *tex;
static emu_display disp;
static uint64_t last_frame;

static bool sdl_open(emu_machine *m, const fe_options *o)
{
    if (emu_display_get(m, &disp) != EMU_OK) {
        fprintf(stderr, "emu-sdl: %s\n", emu_last_error(m));
        return false;
    }
    /* emu's handlers for SIGINT and SIGTERM stay in charge */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr,
                "emu-sdl: cannot open a window: %s (--display none "
                "runs without one)\n",
                SDL_GetError());
        return false;
    }
    win = SDL_CreateWindow("emu-sdl", SDL_WINDOWPOS_UNDEFINED,
                           SDL_WINDOWPOS_UNDEFINED, (int)disp.width,
                           (int)disp.height, SDL_WINDOW_RESIZABLE);
    ren = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    if (!ren)
        ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    /* XRGB8888 as the display's pixels are: bytes B, G, R, unused */
    tex = ren ? SDL_CreateTexture(ren, SDL_PIXELFORMAT_XRGB8888,
                                  SDL_TEXTUREACCESS_STREAMING, (int)disp.width,
                                  (int)disp.height)
              : NULL;
    if (!tex) {
        fprintf(stderr, "emu-sdl: cannot open a window: %s\n", SDL_GetError());
        SDL_Quit();
        return false;
    }
    /* scaled to the window with its aspect kept; SDL also maps mouse
     * positions back to framebuffer pixels */
    SDL_RenderSetLogicalSize(ren, (int)disp.width, (int)disp.height);
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    (void)o;
    return true;
}

static void redraw(void)
{
    SDL_UpdateTexture(tex, NULL, disp.pixels, (int)disp.stride);
    SDL_RenderClear(ren);
    SDL_RenderCopy(ren, tex, NULL, NULL);
    SDL_RenderPresent(ren);
}

static int32_t to_abs(int v, uint32_t size)
{
    if (v < 0) v = 0;
    if ((uint32_t)v >= size) v = (int)size - 1;
    return size > 1 ? (int32_t)((int64_t)v * TABLET_MAX / (size - 1)) : 0;
}

static unsigned button(uint8_t b)
{
    switch (b) {
    case SDL_BUTTON_LEFT: return BTN_LEFT;
    case SDL_BUTTON_RIGHT: return BTN_RIGHT;
    case SDL_BUTTON_MIDDLE: return BTN_MIDDLE;
    default: return 0;
    }
}

/* One window event to the guest; false when the window was closed.
 * Devices that do not take an event (no tablet, say) just ignore it. */
static bool handle(emu_machine *m, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT: return false;
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
        /* the guest's own autorepeat (EV_REP) makes repeats */
        if (ev->key.repeat) break;
        unsigned code = sdl_to_linux_key(ev->key.keysym.scancode);
        if (!code) break;
        emu_input_event(m, EV_KEY, code, ev->type == SDL_KEYDOWN);
        emu_input_event(m, EV_SYN, 0, 0);
        break;
    }
    case SDL_MOUSEMOTION:
        emu_input_event(m, EV_ABS, ABS_X, to_abs(ev->motion.x, disp.width));
        emu_input_event(m, EV_ABS, ABS_Y, to_abs(ev->motion.y, disp.height));
        if (ev->motion.xrel) emu_input_event(m, EV_REL, REL_X, ev->motion.xrel);
        if (ev->motion.yrel) emu_input_event(m, EV_REL, REL_Y, ev->motion.yrel);
        emu_input_event(m, EV_SYN, 0, 0);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        unsigned b = button(ev->button.button);
        if (!b) break;
        emu_input_event(m, EV_ABS, ABS_X, to_abs(ev->button.x, disp.width));
        emu_input_event(m, EV_ABS, ABS_Y, to_abs(ev->button.y, disp.height));
        emu_input_event(m, EV_KEY, b, ev->type == SDL_MOUSEBUTTONDOWN);
        emu_input_event(m, EV_SYN, 0, 0);
        break;
    }
    case SDL_MOUSEWHEEL: {
        int y = ev->wheel.y;
        if (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) y = -y;
        if (y) {
            emu_input_event(m, EV_REL, REL_WHEEL, y);
            emu_input_event(m, EV_SYN, 0, 0);
        }
        break;
    }
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) redraw();
        break;
    default: break;
    }
    return true;
}

static bool sdl_poll(emu_machine *m, int timeout_ms)
{
    SDL_Event ev;
    if (timeout_ms > 0 && SDL_WaitEventTimeout(&ev, timeout_ms) &&
        !handle(m, &ev))
        return false;
    while (SDL_PollEvent(&ev))
        if (!handle(m, &ev)) return false;
    uint64_t now = SDL_GetTicks64();
    if ((double)(now - last_frame) >= FRAME_MS) {
        last_frame = now;
        redraw();
    }
    return true;
}

static void sdl_close(void)
{
    SDL_DestroyTexture(tex);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
}

int main(int argc, char **argv)
{
    static const fe_frontend sdl = {
        .prog = "emu-sdl",
        .has_window = true,
        .open = sdl_open,
        .poll = sdl_poll,
        .close = sdl_close,
    };
    return fe_main(&sdl, argc, argv);
}
