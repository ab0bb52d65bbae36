#!/usr/bin/env python3
"""
Differential check of the A64 Advanced SIMD executor against qemu-aarch64.

Random instruction words from the Advanced SIMD groups (or the words given
with --words FILE, one hex word a line) run once under qemu-aarch64 in a
small static guest program and once on a bare a64_cpu built from
src/cpu/arm64/*.c; the registers V0-V31, X0-X7 and FPSR.QC after each word
(four input data sets) are compared, and the differing words are listed
with their disassembly. UNDEF on our side is expected for floating-point
and crypto words (those executors are separate); any other line is a bug.

Needs aarch64-linux-gnu-gcc, -as, -objdump and qemu-aarch64 (Debian's
gcc-aarch64-linux-gnu, binutils-aarch64-linux-gnu, qemu-user). Not part of
the meson test suite: run it by hand after changing the executor.

    tests/a64_simd_qemu_diff.py [--count N] [--seed S] [--words FILE]
"""
import argparse, collections, os, random, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (mask, value) of each Advanced SIMD group, Arm ARM C4.1.96
GROUPS = [(0x9f200400, 0x0e200400), (0x9f200c00, 0x0e200000),
          (0x9f3e0c00, 0x0e200800), (0x9f3e0c00, 0x0e300800),
          (0x9f800400, 0x0f000400), (0x9f000400, 0x0f000000),
          (0x9fe08400, 0x0e000400), (0xbf208c00, 0x0e000000),
          (0xbf208c00, 0x0e000800), (0xbf208400, 0x2e000000),
          (0xdfe08400, 0x5e000400), (0xdf3e0c00, 0x5e200800),
          (0xdf3e0c00, 0x5e300800), (0xdf200c00, 0x5e200000),
          (0xdf200400, 0x5e200400), (0xdf800400, 0x5f000400),
          (0xdf000400, 0x5f000000), (0x9ff80400, 0x0f000400)]

COMMON = r"""#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
struct st { uint8_t v[32][16]; uint64_t x[8]; uint64_t fpsr; uint64_t pad; };
static uint64_t rng;
static uint64_t nx(void){ rng = rng*6364136223846793005ull + 1442695040888963407ull; return rng >> 33 ^ rng << 7; }
static const uint8_t spec[] = {0x00,0x01,0x7f,0x80,0xff,0xfe,0x81,0x40,0x3f,0xc0,0x02,0x10,0x08,0x7e,0x20,0xf0};
static void gen(struct st *s, int seed){
    rng = seed * 0x9e3779b97f4a7c15ull + 1;
    for (int r=0;r<32;r++) for (int i=0;i<16;i++) {
        uint64_t k = nx();
        if (seed == 0) s->v[r][i] = spec[(k >> 5) & 15];
        else if (seed == 1) s->v[r][i] = (i & 1) || (i&3)==2 ? spec[(k>>3)&15] : (uint8_t)k;
        else if (seed == 2) s->v[r][i] = (uint8_t)(k % 24);
        else s->v[r][i] = (uint8_t)k;
    }
    if (seed == 2) for (int r=0;r<32;r++) for (int i=0;i<16;i++) if (i % 2 == 1) s->v[r][i] = (uint8_t)(0 - (s->v[r][i] & 7) * (i & 2 ? 1 : 0));
    for (int i=0;i<8;i++) s->x[i] = nx() ^ (nx() << 32);
    s->fpsr = 0;
}
static void show(uint32_t w, int seed, const struct st *s, int undef){
    printf("%08x.%d", w, seed);
    if (undef) { printf(" UNDEF\n"); return; }
    for (int r=0;r<32;r++) { printf(" "); for (int b=15;b>=0;b--) printf("%02x", s->v[r][b]); }
    for (int i=0;i<8;i++) printf(" %016llx", (unsigned long long)s->x[i]);
    printf(" qc=%d\n", (int)(s->fpsr >> 27 & 1));
}
static uint32_t *load_words(const char *f, int *n){ FILE *fp=fopen(f,"r"); uint32_t *w=malloc(4*400000); *n=0; unsigned x; while(fscanf(fp,"%x",&x)==1) w[(*n)++]=x; fclose(fp); return w; }
"""

GUEST = r"""#include <signal.h>
#include <ucontext.h>
#include <sys/mman.h>
static volatile int undef;
static void ill(int sig, siginfo_t *si, void *uc_){ (void)sig;(void)si; ucontext_t *uc=uc_; uc->uc_mcontext.pc += 4; undef=1; }
void runner(struct st *s, void *code);
__asm__(".globl runner\nrunner:\n stp d8,d9,[sp,#-80]!\n stp d10,d11,[sp,#16]\n stp d12,d13,[sp,#32]\n stp d14,d15,[sp,#48]\n stp x29,x30,[sp,#64]\n mov x9,x0\n mov x11,x1\n"
" ldp q0,q1,[x9,#0]\n ldp q2,q3,[x9,#32]\n ldp q4,q5,[x9,#64]\n ldp q6,q7,[x9,#96]\n ldp q8,q9,[x9,#128]\n ldp q10,q11,[x9,#160]\n ldp q12,q13,[x9,#192]\n ldp q14,q15,[x9,#224]\n"
" ldp q16,q17,[x9,#256]\n ldp q18,q19,[x9,#288]\n ldp q20,q21,[x9,#320]\n ldp q22,q23,[x9,#352]\n ldp q24,q25,[x9,#384]\n ldp q26,q27,[x9,#416]\n ldp q28,q29,[x9,#448]\n ldp q30,q31,[x9,#480]\n"
" add x12,x9,#512\n ldp x0,x1,[x12]\n ldp x2,x3,[x12,#16]\n ldp x4,x5,[x12,#32]\n ldp x6,x7,[x12,#48]\n msr fpsr,xzr\n blr x11\n"
" stp q0,q1,[x9,#0]\n stp q2,q3,[x9,#32]\n stp q4,q5,[x9,#64]\n stp q6,q7,[x9,#96]\n stp q8,q9,[x9,#128]\n stp q10,q11,[x9,#160]\n stp q12,q13,[x9,#192]\n stp q14,q15,[x9,#224]\n"
" stp q16,q17,[x9,#256]\n stp q18,q19,[x9,#288]\n stp q20,q21,[x9,#320]\n stp q22,q23,[x9,#352]\n stp q24,q25,[x9,#384]\n stp q26,q27,[x9,#416]\n stp q28,q29,[x9,#448]\n stp q30,q31,[x9,#480]\n"
" add x12,x9,#512\n stp x0,x1,[x12]\n stp x2,x3,[x12,#16]\n stp x4,x5,[x12,#32]\n stp x6,x7,[x12,#48]\n mrs x10,fpsr\n str x10,[x9,#576]\n"
" ldp x29,x30,[sp,#64]\n ldp d14,d15,[sp,#48]\n ldp d12,d13,[sp,#32]\n ldp d10,d11,[sp,#16]\n ldp d8,d9,[sp],#80\n ret\n");
int main(int argc, char **argv){
    struct sigaction sa = {0}; sa.sa_sigaction = ill; sa.sa_flags = SA_SIGINFO; sigaction(SIGILL, &sa, 0);
    int n; uint32_t *w = load_words(argv[1], &n);
    uint32_t *buf = mmap(0, 4096, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
    struct st s;
    for (int i=0;i<n;i++) { buf[0]=w[i]; buf[1]=0xd65f03c0; __builtin___clear_cache((char*)buf,(char*)(buf+2));
      for (int k=0;k<4;k++){ gen(&s,k); undef=0; runner(&s, buf); show(w[i],k,&s,undef);} }
    return 0;
}
"""

HOST = r"""#include "a64_harness.h"
int main(int argc, char **argv){ (void)argc; a64h *h = a64h_new(); struct st s; int n; uint32_t *w = load_words(argv[1], &n);
for (int i=0;i<n;i++) for (int k=0;k<4;k++){ gen(&s,k);
 memcpy(h->cpu->v, s.v, 512); for (int j=0;j<8;j++) h->cpu->x[j]=s.x[j]; h->cpu->fpsr=0;
 memcpy(h->mem, &w[i], 4); a64_tlb_flush(h->cpu); h->cpu->pc = A64H_BASE; bool tr; a64_run(h->cpu, 1, &tr);
 memcpy(s.v, h->cpu->v, 512); for (int j=0;j<8;j++) s.x[j]=h->cpu->x[j]; s.fpsr=h->cpu->fpsr; show(w[i],k,&s,tr);}
 a64h_free(h); return 0; }
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--count', type=int, default=1000, help='words per group')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--words', help='file of hex instruction words')
    ap.add_argument('--cpu', default='cortex-a53', help="qemu's -cpu (Armv8.0)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='a64simd.')
    if a.words:
        words = open(a.words).read().split()
    else:
        rnd = random.Random(a.seed)
        words = []
        for mask, val in GROUPS:
            for _ in range(a.count):
                w = (rnd.getrandbits(32) & ~mask) | val
                # Rd, Rn in 0-7: GPR destinations/sources stay among X0-X7
                w = (w & ~0x3ff) | rnd.randrange(8) | rnd.randrange(8) << 5
                words.append('%08x' % w)
    wf = os.path.join(tmp, 'words.txt')
    open(wf, 'w').write('\n'.join(words) + '\n')
    for name, text in (('fz_common.h', COMMON), ('guest.c', GUEST), ('host.c', HOST)):
        open(os.path.join(tmp, name), 'w').write(
            ('' if name == 'fz_common.h' else
             '#define _GNU_SOURCE\n#include "fz_common.h"\n') + text)
    subprocess.check_call(['aarch64-linux-gnu-gcc', '-O1', '-static', '-o',
                           os.path.join(tmp, 'guest'), os.path.join(tmp, 'guest.c')])
    srcs = [os.path.join(ROOT, 'src/cpu/arm64', f)
            for f in sorted(os.listdir(os.path.join(ROOT, 'src/cpu/arm64')))
            if f.endswith('.c')]
    subprocess.check_call(['gcc', '-O1', '-fsanitize=address,undefined',
                           '-I' + os.path.join(ROOT, 'src'), '-I' + os.path.join(ROOT, 'tests'),
                           '-o', os.path.join(tmp, 'host'), os.path.join(tmp, 'host.c')] + srcs)
    ref = subprocess.run(['qemu-aarch64', '-cpu', a.cpu, os.path.join(tmp, 'guest'), wf],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    env = dict(os.environ, ASAN_OPTIONS='detect_leaks=0')
    out = subprocess.run([os.path.join(tmp, 'host'), wf], capture_output=True,
                         text=True, check=True, env=env).stdout.splitlines()
    bad = collections.OrderedDict()
    for r, o in zip(ref, out):
        if r != o:
            w = r.split('.')[0]
            if o.endswith('UNDEF'):
                bad.setdefault(w, 'UNDEF here, defined in qemu')
            elif r.endswith('UNDEF'):
                bad.setdefault(w, 'defined here, UNDEF in qemu')
            else:
                bad.setdefault(w, 'different result: ' + r[:60] + ' / ' + o[:60])
    if len(ref) != len(out):
        print('output lengths differ: %d vs %d' % (len(ref), len(out)))
    dis = {}
    if bad:
        s = os.path.join(tmp, 'bad.s')
        open(s, 'w').write(''.join('.inst 0x%s\n' % w for w in bad))
        subprocess.check_call(['aarch64-linux-gnu-as', '-march=armv8-a+crypto', s,
                               '-o', s + '.o'])
        for l in subprocess.run(['aarch64-linux-gnu-objdump', '-d', s + '.o'],
                                capture_output=True, text=True).stdout.splitlines():
            m = re.match(r'\s*[0-9a-f]+:\t([0-9a-f]{8}) \t(.*)', l)
            if m:
                dis[m.group(1)] = m.group(2).replace('\t', ' ')
    real = 0
    for w, why in bad.items():
        d = dis.get(w, '?')
        expected = why.startswith('UNDEF here') and re.match(
            r'(f|scvtf|ucvtf|sha|aes)', d)
        if not expected:
            real += 1
            print(w, d, '--', why)
    print('%d words, %d differ (%d of them FP/crypto, left to their executors)'
          % (len(words), len(bad), len(bad) - real))
    return 1 if real else 0


if __name__ == '__main__':
    sys.exit(main())
