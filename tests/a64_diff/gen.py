# Random cases for the integer data-processing classes (run.sh).
import random, sys
random.seed(int(sys.argv[1])); n = int(sys.argv[2])
vals = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 31, 32, 63, 64, 0x100000000]
def rv():
    return random.choice(vals) if random.random() < 0.4 else random.getrandbits(random.choice([8, 16, 32, 64]))
for _ in range(n):
    w = random.getrandbits(32)
    if random.random() < 0.4:   # data processing, immediate: bits 28:26 = 100
        w = (w & ~(7 << 26)) | (4 << 26)
        if (w >> 23) & 7 in (0, 1):  # ADR/ADRP: pc-dependent, skip
            w ^= 2 << 23
    else:                        # data processing, register: bits 27:25 = 101
        w = (w & ~(7 << 25)) | (5 << 25)
        if random.random() < 0.7:
            w |= 1 << 28
            w = (w & ~(0xf << 21)) | (random.choice([0, 2, 4, 6, 6, 6, 8, 9, 10, 13, 14]) << 21)
            if (w >> 21) & 0xf == 6 and (w >> 30) & 1:
                w &= ~(0x1f << 16)
                w = (w & ~(0x3f << 10)) | (random.randrange(8) << 10)
            elif (w >> 21) & 0xf == 6:
                w = (w & ~(0x3f << 10)) | (random.choice([2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23]) << 10)
            if (w >> 21) & 0xf in (0, 2, 4, 6) and random.random() < 0.8:
                w &= ~(1 << 29)  # S=0 mostly valid except ccmp
                if (w >> 21) & 0xf == 2: w |= 1 << 29
            if (w >> 24) & 0x1f == 0x1b:
                w = (w & ~(0x1f << 10)) | (random.randrange(8) << 10)
                if random.random() < 0.8: w &= ~(3 << 29)
            if (w >> 21) & 0xf == 0 and random.random() < 0.8:
                w &= ~(0x3f << 10)
            if (w >> 21) & 0xf == 2 and random.random() < 0.8:
                w &= ~((1 << 10) | (1 << 4))
        w = (w & ~(0x1f << 16)) | (random.randrange(8) << 16) if (w >> 24) & 0x1f != 0x1a or (w >> 21) & 0xf != 6 or not (w >> 30) & 1 else w
    w = (w & ~0x1f) | random.randrange(8)
    w = (w & ~(0x1f << 5)) | (random.randrange(8) << 5)
    regs = [rv() for _ in range(8)]
    nzcv = random.randrange(16) << 28
    print("%08x %s %x" % (w, " ".join("%x" % r for r in regs), nzcv))
