/* emu: the command-line frontend (frontends/common/frontend.c does the
 * work; emu has no window, so --display sdl points to emu-sdl). */
#include "frontend.h"

int main(int argc, char **argv)
{
    static const fe_frontend cli = {.prog = "emu"};
    return fe_main(&cli, argc, argv);
}
