#ifndef DEMO_HTIF_H
#define DEMO_HTIF_H

void put_str(const char *s);
void put_uint(unsigned long v);
void put_hex(unsigned long v);
void exit(int status) __attribute__((noreturn));

#endif
