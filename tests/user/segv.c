/* A NULL write with no handler: the default action ends the program
 * with 128 + SIGSEGV. */
int main(void)
{
    *(volatile int *)0 = 1;
    return 0;
}
