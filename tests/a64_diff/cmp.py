# Compare q.txt (qemu) and e.txt (libemu), ignoring cases whose register
# operands fall outside x0..x15 (their values differ between the two sides).
import sys
q=open('q.txt').read().split('\n'); e=open('e.txt').read().split('\n')
n=0; tot=0
for a,b in zip(q,e):
    if a==b: continue
    tot+=1
    w=int(a.split()[0],16)
    regs=[w&31,(w>>5)&31]
    if w>>22 == 0x354:  # system: only Rt
        regs=[w&31]
    elif (w>>26)&7==4:
        if (w>>23)&7==7: regs.append((w>>16)&31)
    else:
        dp1 = (w>>24)&0x1f==0x1a and (w>>21)&0xf==6 and (w>>30)&1
        ccmpi = (w>>24)&0x1f==0x1a and (w>>21)&0xf==2 and (w>>11)&1
        if not dp1 and not ccmpi: regs.append((w>>16)&31)
        if (w>>24)&0x1f==0x1b: regs.append((w>>10)&31)
    if any(x>=16 for x in regs): continue
    n+=1
    if n<=int(sys.argv[1]): print("Q",a); print("E",b)
print(n,"real diffs of",tot)
