# Random cases for the system instruction space (run.sh).
import random, sys
random.seed(int(sys.argv[1])); n = int(sys.argv[2])
for _ in range(n):
    w = 0xd5000000 | random.getrandbits(22)   # 1101010100 L op0 op1 CRn CRm op2 Rt
    r = random.random()
    if r < 0.3: w = (w & ~(3 << 19)) | (3 << 19) | (random.choice([0, 3]) << 16)  # op0=3, op1 0 or 3
    if r < 0.15: w = (w & ~(0xf << 12)) | (random.choice([0, 4, 13, 14]) << 12)
    if 0.3 < r < 0.5: w = (w & ~(0x1f << 16)) | (0x03 << 16) | (random.choice([2, 3]) << 12); w |= 31
    if random.random() < 0.05: w |= random.choice([1, 2, 3]) << 22  # outside the class
    w = (w & ~0x1f) | (random.randrange(8) if (w & 0x1f) != 31 else 31)
    if (w & ~0x1f) == 0xd51bd040:  # MSR TPIDR_EL0 would break the guest libc
        w |= 1 << 21
    regs = [0x10000 + 64 * random.randrange(4)] * 8  # valid-ish address
    print("%08x %s %x" % (w, " ".join("%x" % x for x in regs), 0))
