/* A spread of A64 instructions for the objdump comparison
 * (a64_objdump.py): every class the disassembler covers, with
 * register, immediate and alias variations. */
	.arch armv8.2-a+lse+crc+crypto+fp16+rcpc
	.text
	add x0, x1, #1
	sub x0, x1, #4095
	add x0, x1, #8, lsl #12
	add w2, w3, #1
	sub w2, w3, #4095
	add w2, w3, #8, lsl #12
	add sp, x4, #1
	sub sp, x4, #4095
	add sp, x4, #8, lsl #12
	add x5, sp, #1
	sub x5, sp, #4095
	add x5, sp, #8, lsl #12
	add wsp, w6, #1
	sub wsp, w6, #4095
	add wsp, w6, #8, lsl #12
	mov w7, #0
	mov w7, #0xffff
	mov w7, #0x5678
	mov w7, #-2
	mov w7, #0xffff0000
	mov x8, #0
	mov x8, #0x7fffffffffffffff
	mov x8, #-0x10001
	mov x8, #0xff00ff00ff00ff00
	mov x8, #0x7fffffffffffffff
	movk w9, #0xabcd, lsl #16
	movn x10, #0, lsl #32
	movz w11, #0, lsl #16
	and x12, x13, #0x1
	eor x12, x13, #0x1
	ands x12, x13, #0x1
	orr x12, x13, #0x1
	and x12, x13, #0xf0f0f0f0f0f0f0f0
	eor x12, x13, #0xf0f0f0f0f0f0f0f0
	ands x12, x13, #0xf0f0f0f0f0f0f0f0
	orr x12, x13, #0xf0f0f0f0f0f0f0f0
	and x12, x13, #0xfffffffffffffffe
	eor x12, x13, #0xfffffffffffffffe
	ands x12, x13, #0xfffffffffffffffe
	orr x12, x13, #0xfffffffffffffffe
	and x12, x13, #0x3c0
	eor x12, x13, #0x3c0
	ands x12, x13, #0x3c0
	orr x12, x13, #0x3c0
	and x12, x13, #0x8000000000000000
	eor x12, x13, #0x8000000000000000
	ands x12, x13, #0x8000000000000000
	orr x12, x13, #0x8000000000000000
	orr w14, wzr, #0x1
	tst w15, #0x1
	orr w14, wzr, #0xf0f0f0f0
	tst w15, #0xf0f0f0f0
	orr w14, wzr, #0xfffffffe
	tst w15, #0xfffffffe
	orr w14, wzr, #0xffff
	tst w15, #0xffff
	orr x0, xzr, #0xffff0000ffff0000
	orr x0, xzr, #0xffffffff
	lsl x1, x2, #0
	lsr x1, x2, #0
	asr x1, x2, #0
	ror x1, x2, #0
	lsl x1, x2, #9
	lsr x1, x2, #9
	asr x1, x2, #9
	ror x1, x2, #9
	lsl x1, x2, #18
	lsr x1, x2, #18
	asr x1, x2, #18
	ror x1, x2, #18
	lsl x1, x2, #27
	lsr x1, x2, #27
	asr x1, x2, #27
	ror x1, x2, #27
	lsl x1, x2, #36
	lsr x1, x2, #36
	asr x1, x2, #36
	ror x1, x2, #36
	lsl x1, x2, #45
	lsr x1, x2, #45
	asr x1, x2, #45
	ror x1, x2, #45
	lsl x1, x2, #54
	lsr x1, x2, #54
	asr x1, x2, #54
	ror x1, x2, #54
	lsl x1, x2, #63
	lsr x1, x2, #63
	asr x1, x2, #63
	ror x1, x2, #63
	lsl w1, w2, #0
	asr w1, w2, #0
	lsl w1, w2, #7
	asr w1, w2, #7
	lsl w1, w2, #14
	asr w1, w2, #14
	lsl w1, w2, #21
	asr w1, w2, #21
	lsl w1, w2, #28
	asr w1, w2, #28
	ubfx x3, x4, #5, #10
	sbfx w3, w4, #1, #30
	ubfiz x3, x4, #5, #10
	sbfiz w3, w4, #4, #3
	bfi x3, x4, #60, #4
	bfxil w3, w4, #0, #1
	bfc w3, #31, #1
	sxtb x0, w1
	sxth x0, w1
	sxtw x0, w1
	sxtb w0, w1
	sxth w0, w1
	uxtb w0, w1
	uxth w0, w1
	ubfm x0, x1, #0, #15
	ubfm x0, x1, #0, #31
	sbfm x0, x1, #63, #62
	extr x0, x1, x2, #17
	extr w0, w1, w2, #31
	adr x3, .+0x1000
	adrp x4, .+0x12345000
	adr x5, .-4
	add x0, x1, x2
	add w0, w1, w2, lsr #31
	add x0, x1, x2, asr #63
	add x0, sp, w2, sxtw #4
	add w0, w1, w2, uxtb
	add x0, x1, x2, sxtx #1
	add x0, x1, w2, uxth #3
	adds x0, x1, x2
	adds w0, w1, w2, lsr #31
	adds x0, x1, x2, asr #63
	adds x0, sp, w2, sxtw #4
	adds w0, w1, w2, uxtb
	adds x0, x1, x2, sxtx #1
	adds x0, x1, w2, uxth #3
	sub x0, x1, x2
	sub w0, w1, w2, lsr #31
	sub x0, x1, x2, asr #63
	sub x0, sp, w2, sxtw #4
	sub w0, w1, w2, uxtb
	sub x0, x1, x2, sxtx #1
	sub x0, x1, w2, uxth #3
	subs x0, x1, x2
	subs w0, w1, w2, lsr #31
	subs x0, x1, x2, asr #63
	subs x0, sp, w2, sxtw #4
	subs w0, w1, w2, uxtb
	subs x0, x1, x2, sxtx #1
	subs x0, x1, w2, uxth #3
	cmp x1, x2, uxtx
	cmp sp, x2
	cmn w1, w2, sxtw #2
	cmp x1, x2, lsl #4
	cmn x3, #0x10, lsl #12
	neg w0, w1, lsl #2
	negs x0, x1
	ngc w0, w1
	ngcs x0, x1
	adc x0, x1, x2
	adcs w0, w1, w2
	sbc x0, x1, x2
	sbcs w0, w1, w2
	and x0, x1, x2
	and w0, w1, w2, ror #7
	bic x0, x1, x2
	bic w0, w1, w2, ror #7
	orr x0, x1, x2
	orr w0, w1, w2, ror #7
	orn x0, x1, x2
	orn w0, w1, w2, ror #7
	eor x0, x1, x2
	eor w0, w1, w2, ror #7
	eon x0, x1, x2
	eon w0, w1, w2, ror #7
	ands x0, x1, x2
	ands w0, w1, w2, ror #7
	bics x0, x1, x2
	bics w0, w1, w2, ror #7
	mov w0, w1
	mov x0, xzr
	mvn w0, w1, lsl #3
	tst x1, x2, asr #2
	orr x0, xzr, x1, lsl #1
	ccmn w1, #31, #8, vs
	ccmp x1, x2, #0, hi
	ccmn x1, x2, #7, al
	csel x0, x1, x2, eq
	csel x0, x1, x2, ne
	csel x0, x1, x2, cs
	csel x0, x1, x2, cc
	csel x0, x1, x2, mi
	csel x0, x1, x2, pl
	csel x0, x1, x2, vs
	csel x0, x1, x2, vc
	csel x0, x1, x2, hi
	csel x0, x1, x2, ls
	csel x0, x1, x2, ge
	csel x0, x1, x2, lt
	csel x0, x1, x2, gt
	csel x0, x1, x2, le
	csinc w0, w1, w2, mi
	csinv x0, x1, x2, al
	csneg w0, w1, w2, nv
	cinc x0, x1, ge
	cinv w0, w1, lt
	cneg x0, x1, pl
	csetm x0, hi
	csinc x0, xzr, xzr, al
	csneg x0, xzr, xzr, eq
	udiv x0, x1, x2
	udiv w0, w1, w2
	sdiv x0, x1, x2
	sdiv w0, w1, w2
	lslv x0, x1, x2
	lslv w0, w1, w2
	lsrv x0, x1, x2
	lsrv w0, w1, w2
	asrv x0, x1, x2
	asrv w0, w1, w2
	rorv x0, x1, x2
	rorv w0, w1, w2
	crc32b w0, w1, w2
	crc32h w0, w1, w2
	crc32w w0, w1, w2
	crc32cb w0, w1, w2
	crc32ch w0, w1, w2
	crc32cw w0, w1, w2
	crc32x w0, w1, x2
	crc32cx w0, w1, x2
	rbit x0, x1
	rbit w0, w1
	rev16 x0, x1
	rev16 w0, w1
	rev x0, x1
	rev w0, w1
	clz x0, x1
	clz w0, w1
	cls x0, x1
	cls w0, w1
	rev32 x0, x1
	madd x0, x1, x2, x3
	msub w0, w1, w2, w3
	mul w0, w1, w2
	mneg x0, x1, x2
	smaddl x0, w1, w2, x3
	smsubl x0, w1, w2, x3
	umaddl x0, w1, w2, x3
	umsubl x0, w1, w2, x3
	smull x0, w1, w2
	umull x0, w1, w2
	smnegl x0, w1, w2
	umnegl x0, w1, w2
	smulh x0, x1, x2
	umulh x0, x1, x2
	b .+0x7fffffc
	bl .-0x8000000
	cbnz w3, .+0x40
	tbnz x5, #63, .-0x40
	tbz x5, #32, .+8
	b.eq .+16
	b.ge .+16
	b.lt .+16
	b.le .+16
	b.gt .+16
	b.hi .+16
	b.ls .+16
	b.mi .+16
	b.pl .+16
	b.vs .+16
	b.vc .+16
	b.al .+16
	b.nv .+16
	br x3
	blr x17
	ret x30
	eret
	drps
	svc #0x1234
	hvc #1
	smc #0xffff
	brk #0
	hlt #0x3c
	dcps1
	dcps2 #5
	nop
	yield
	wfe
	wfi
	sev
	sevl
	hint #0x7f
	hint #13
	csdb
	esb
	dmb sy
	dsb sy
	dmb ld
	dsb ld
	dmb st
	dsb st
	dmb ish
	dsb ish
	dmb ishld
	dsb ishld
	dmb ishst
	dsb ishst
	dmb nsh
	dsb nsh
	dmb osh
	dsb osh
	dmb oshld
	dsb oshld
	dmb #5
	dsb #5
	pssbb
	mrs x9, tpidr_el0
	mrs x9, tpidrro_el0
	mrs x9, fpcr
	mrs x9, fpsr
	mrs x9, nzcv
	mrs x9, ctr_el0
	mrs x9, dczid_el0
	mrs x9, cntvct_el0
	mrs x9, cntfrq_el0
	mrs x9, midr_el1
	mrs x9, id_aa64isar0_el1
	mrs x9, id_aa64pfr0_el1
	mrs x9, currentel
	mrs x9, daif
	mrs x9, s3_3_c15_c0_1
	mrs x9, s3_7_c11_c2_3
	msr tpidr_el0, x10
	msr fpcr, x10
	msr fpsr, x10
	msr nzcv, x10
	msr daif, x10
	msr s3_0_c11_c0_0, x10
	msr daifclr, #0xf
	msr spsel, #0
	dc cvau, x1
	dc civac, x2
	dc cvac, x3
	ic iallu
	ic ialluis
	ldrb w0, [x1]
	ldrb w0, [x1, #16]
	ldrb w0, [sp, #-5]!
	ldrb w0, [x2], #255
	ldurb w0, [x3, #-256]
	ldtrb w0, [x4, #1]
	ldrb w0, [x5, x6]
	ldrb w0, [x5, w6, sxtw]
	strb w0, [x1, #8]
	sturb w0, [x1, #-1]
	sttrb w0, [x1]
	strb w0, [x7], #-8
	ldrh w0, [x1]
	ldrh w0, [x1, #16]
	ldrh w0, [sp, #-5]!
	ldrh w0, [x2], #255
	ldurh w0, [x3, #-256]
	ldtrh w0, [x4, #1]
	ldrh w0, [x5, x6]
	ldrh w0, [x5, w6, sxtw]
	strh w0, [x1, #8]
	sturh w0, [x1, #-1]
	sttrh w0, [x1]
	strh w0, [x7], #-8
	ldr w0, [x1]
	ldr w0, [x1, #16]
	ldr w0, [sp, #-5]!
	ldr w0, [x2], #255
	ldur w0, [x3, #-256]
	ldtr w0, [x4, #1]
	ldr w0, [x5, x6]
	ldr w0, [x5, w6, sxtw]
	str w0, [x1, #8]
	stur w0, [x1, #-1]
	sttr w0, [x1]
	str w0, [x7], #-8
	ldr x0, [x1]
	ldr x0, [x1, #16]
	ldr x0, [sp, #-5]!
	ldr x0, [x2], #255
	ldur x0, [x3, #-256]
	ldtr x0, [x4, #1]
	ldr x0, [x5, x6]
	ldr x0, [x5, w6, sxtw]
	str x0, [x1, #8]
	stur x0, [x1, #-1]
	sttr x0, [x1]
	str x0, [x7], #-8
	ldrsb w0, [x1]
	ldrsb w0, [x1, #16]
	ldrsb w0, [sp, #-5]!
	ldrsb w0, [x2], #255
	ldursb w0, [x3, #-256]
	ldtrsb w0, [x4, #1]
	ldrsb w0, [x5, x6]
	ldrsb w0, [x5, w6, sxtw]
	ldrsb x0, [x1]
	ldrsb x0, [x1, #16]
	ldrsb x0, [sp, #-5]!
	ldrsb x0, [x2], #255
	ldursb x0, [x3, #-256]
	ldtrsb x0, [x4, #1]
	ldrsb x0, [x5, x6]
	ldrsb x0, [x5, w6, sxtw]
	ldrsh w0, [x1]
	ldrsh w0, [x1, #16]
	ldrsh w0, [sp, #-5]!
	ldrsh w0, [x2], #255
	ldursh w0, [x3, #-256]
	ldtrsh w0, [x4, #1]
	ldrsh w0, [x5, x6]
	ldrsh w0, [x5, w6, sxtw]
	ldrsh x0, [x1]
	ldrsh x0, [x1, #16]
	ldrsh x0, [sp, #-5]!
	ldrsh x0, [x2], #255
	ldursh x0, [x3, #-256]
	ldtrsh x0, [x4, #1]
	ldrsh x0, [x5, x6]
	ldrsh x0, [x5, w6, sxtw]
	ldrsw x0, [x1]
	ldrsw x0, [x1, #16]
	ldrsw x0, [sp, #-5]!
	ldrsw x0, [x2], #255
	ldursw x0, [x3, #-256]
	ldtrsw x0, [x4, #1]
	ldrsw x0, [x5, x6]
	ldrsw x0, [x5, w6, sxtw]
	ldr x0, [x1, #32760]
	ldrh w0, [x1, #8190]
	ldr w0, [x1, x2, sxtx #2]
	str x0, [x1, w2, uxtw #3]
	ldr b1, [x2, #1]
	str b1, [x2, #-3]!
	ldur b1, [x2, #7]
	str b1, [x2, x3, lsl #0]
	ldr b1, [x2], #-16
	ldr h1, [x2, #2]
	str h1, [x2, #-3]!
	ldur h1, [x2, #7]
	str h1, [x2, x3, lsl #1]
	ldr h1, [x2], #-16
	ldr s1, [x2, #4]
	str s1, [x2, #-3]!
	ldur s1, [x2, #7]
	str s1, [x2, x3, lsl #2]
	ldr s1, [x2], #-16
	ldr d1, [x2, #8]
	str d1, [x2, #-3]!
	ldur d1, [x2, #7]
	str d1, [x2, x3, lsl #3]
	ldr d1, [x2], #-16
	ldr q1, [x2, #16]
	str q1, [x2, #-3]!
	ldur q1, [x2, #7]
	str q1, [x2, x3, lsl #4]
	ldr q1, [x2], #-16
	ldr s0, .+8
	ldr d0, .-8
	ldr q0, .+1024
	ldrsw x0, .+4
	prfm pstl2strm, .+64
	prfm plil3keep, [x1, #64]
	prfum pldl2keep, [x1, #-1]
	prfm pldl1strm, [x1, x2, lsl #3]
	stp x1, x2, [sp, #-32]!
	ldp w1, w2, [x3], #-8
	stp q0, q1, [x0, #32]
	ldp d8, d9, [sp], #16
	stp s0, s1, [x0]
	ldpsw x0, x1, [x2, #8]
	ldnp x0, x1, [x2]
	stnp q0, q1, [x2, #-64]
	ldpsw x3, x4, [x5, #-4]!
	ldxrb w0, [x1]
	ldxrh w0, [x1]
	ldxr w0, [x1]
	ldaxrb w0, [x1]
	stxrb w2, w0, [x1]
	stlxrh w2, w0, [x1]
	stxr w2, w0, [sp]
	ldxp w0, w1, [x2]
	ldaxp x0, x1, [x2]
	stxp w3, x0, x1, [x2]
	ldarb w0, [x1]
	ldarh w0, [x1]
	stlrb w0, [x1]
	stlr w0, [x1]
	ldlar x0, [x1]
	stllrh w0, [x1]
	casb w0, w1, [x2]
	casah w0, w1, [x2]
	casl w0, w1, [x2]
	casa x0, x1, [sp]
	caspal w0, w1, w2, w3, [x4]
	caspl x4, x5, x6, x7, [x8]
	ldadd w0, w1, [x2]
	ldaddal x0, x1, [x2]
	ldaddab w0, w1, [sp]
	ldaddlh w0, w1, [x2]
	stadd w0, [x2]
	staddlb w0, [x2]
	ldclr w0, w1, [x2]
	ldclral x0, x1, [x2]
	ldclrab w0, w1, [sp]
	ldclrlh w0, w1, [x2]
	stclr w0, [x2]
	stclrlb w0, [x2]
	ldeor w0, w1, [x2]
	ldeoral x0, x1, [x2]
	ldeorab w0, w1, [sp]
	ldeorlh w0, w1, [x2]
	steor w0, [x2]
	steorlb w0, [x2]
	ldset w0, w1, [x2]
	ldsetal x0, x1, [x2]
	ldsetab w0, w1, [sp]
	ldsetlh w0, w1, [x2]
	stset w0, [x2]
	stsetlb w0, [x2]
	ldsmax w0, w1, [x2]
	ldsmaxal x0, x1, [x2]
	ldsmaxab w0, w1, [sp]
	ldsmaxlh w0, w1, [x2]
	stsmax w0, [x2]
	stsmaxlb w0, [x2]
	ldsmin w0, w1, [x2]
	ldsminal x0, x1, [x2]
	ldsminab w0, w1, [sp]
	ldsminlh w0, w1, [x2]
	stsmin w0, [x2]
	stsminlb w0, [x2]
	ldumax w0, w1, [x2]
	ldumaxal x0, x1, [x2]
	ldumaxab w0, w1, [sp]
	ldumaxlh w0, w1, [x2]
	stumax w0, [x2]
	stumaxlb w0, [x2]
	ldumin w0, w1, [x2]
	lduminal x0, x1, [x2]
	lduminab w0, w1, [sp]
	lduminlh w0, w1, [x2]
	stumin w0, [x2]
	stuminlb w0, [x2]
	swp x0, x1, [x2]
	swpab w0, w1, [x2]
	swplh w0, w1, [x2]
	ldaprb w0, [x1]
	ldaprh w0, [x1]
	ldapr w0, [x1]
	ldadda x0, xzr, [x2]
	fadd h0, h1, h2
	fsub h0, h1, h2
	fmul h0, h1, h2
	fdiv h0, h1, h2
	fmax h0, h1, h2
	fmin h0, h1, h2
	fmaxnm h0, h1, h2
	fminnm h0, h1, h2
	fnmul h0, h1, h2
	fmov h3, h4
	fabs h3, h4
	fneg h3, h4
	fsqrt h3, h4
	frintn h3, h4
	frintp h3, h4
	frintm h3, h4
	frintz h3, h4
	frinta h3, h4
	frintx h3, h4
	frinti h3, h4
	fmadd h0, h1, h2, h3
	fmsub h0, h1, h2, h3
	fnmadd h0, h1, h2, h3
	fnmsub h0, h1, h2, h3
	fcmp h0, h1
	fcmpe h0, #0.0
	fccmpe h0, h1, #15, lt
	fcsel h0, h1, h2, vs
	fcvtns w5, h6
	fcvtnu w5, h6
	fcvtps w5, h6
	fcvtpu w5, h6
	fcvtms w5, h6
	fcvtmu w5, h6
	fcvtzs w5, h6
	fcvtzu w5, h6
	fcvtas w5, h6
	fcvtau w5, h6
	scvtf h7, w8
	ucvtf h7, w8
	fcvtzs w5, h6, #32
	ucvtf h7, w8, #1
	fcvtns x5, h6
	fcvtnu x5, h6
	fcvtps x5, h6
	fcvtpu x5, h6
	fcvtms x5, h6
	fcvtmu x5, h6
	fcvtzs x5, h6
	fcvtzu x5, h6
	fcvtas x5, h6
	fcvtau x5, h6
	scvtf h7, x8
	ucvtf h7, x8
	fcvtzs x5, h6, #32
	ucvtf h7, x8, #1
	fadd s0, s1, s2
	fsub s0, s1, s2
	fmul s0, s1, s2
	fdiv s0, s1, s2
	fmax s0, s1, s2
	fmin s0, s1, s2
	fmaxnm s0, s1, s2
	fminnm s0, s1, s2
	fnmul s0, s1, s2
	fmov s3, s4
	fabs s3, s4
	fneg s3, s4
	fsqrt s3, s4
	frintn s3, s4
	frintp s3, s4
	frintm s3, s4
	frintz s3, s4
	frinta s3, s4
	frintx s3, s4
	frinti s3, s4
	fmadd s0, s1, s2, s3
	fmsub s0, s1, s2, s3
	fnmadd s0, s1, s2, s3
	fnmsub s0, s1, s2, s3
	fcmp s0, s1
	fcmpe s0, #0.0
	fccmpe s0, s1, #15, lt
	fcsel s0, s1, s2, vs
	fcvtns w5, s6
	fcvtnu w5, s6
	fcvtps w5, s6
	fcvtpu w5, s6
	fcvtms w5, s6
	fcvtmu w5, s6
	fcvtzs w5, s6
	fcvtzu w5, s6
	fcvtas w5, s6
	fcvtau w5, s6
	scvtf s7, w8
	ucvtf s7, w8
	fcvtzs w5, s6, #32
	ucvtf s7, w8, #1
	fcvtns x5, s6
	fcvtnu x5, s6
	fcvtps x5, s6
	fcvtpu x5, s6
	fcvtms x5, s6
	fcvtmu x5, s6
	fcvtzs x5, s6
	fcvtzu x5, s6
	fcvtas x5, s6
	fcvtau x5, s6
	scvtf s7, x8
	ucvtf s7, x8
	fcvtzs x5, s6, #32
	ucvtf s7, x8, #1
	fadd d0, d1, d2
	fsub d0, d1, d2
	fmul d0, d1, d2
	fdiv d0, d1, d2
	fmax d0, d1, d2
	fmin d0, d1, d2
	fmaxnm d0, d1, d2
	fminnm d0, d1, d2
	fnmul d0, d1, d2
	fmov d3, d4
	fabs d3, d4
	fneg d3, d4
	fsqrt d3, d4
	frintn d3, d4
	frintp d3, d4
	frintm d3, d4
	frintz d3, d4
	frinta d3, d4
	frintx d3, d4
	frinti d3, d4
	fmadd d0, d1, d2, d3
	fmsub d0, d1, d2, d3
	fnmadd d0, d1, d2, d3
	fnmsub d0, d1, d2, d3
	fcmp d0, d1
	fcmpe d0, #0.0
	fccmpe d0, d1, #15, lt
	fcsel d0, d1, d2, vs
	fcvtns w5, d6
	fcvtnu w5, d6
	fcvtps w5, d6
	fcvtpu w5, d6
	fcvtms w5, d6
	fcvtmu w5, d6
	fcvtzs w5, d6
	fcvtzu w5, d6
	fcvtas w5, d6
	fcvtau w5, d6
	scvtf d7, w8
	ucvtf d7, w8
	fcvtzs w5, d6, #32
	ucvtf d7, w8, #1
	fcvtns x5, d6
	fcvtnu x5, d6
	fcvtps x5, d6
	fcvtpu x5, d6
	fcvtms x5, d6
	fcvtmu x5, d6
	fcvtzs x5, d6
	fcvtzu x5, d6
	fcvtas x5, d6
	fcvtau x5, d6
	scvtf d7, x8
	ucvtf d7, x8
	fcvtzs x5, d6, #32
	ucvtf d7, x8, #1
	fmov d1, #0.125
	fmov s2, #0.125
	fmov h3, #0.125
	fmov d1, #31.0
	fmov s2, #31.0
	fmov h3, #31.0
	fmov d1, #-1.9375
	fmov s2, #-1.9375
	fmov h3, #-1.9375
	fmov d1, #0.5
	fmov s2, #0.5
	fmov h3, #0.5
	fmov d1, #3.0
	fmov s2, #3.0
	fmov h3, #3.0
	fmov w0, s1
	fmov s1, w0
	fmov x0, d1
	fmov d1, x0
	fmov w0, h1
	fmov x0, h1
	fcvt d0, s1
	fcvt s0, d1
	fcvt h0, s1
	fcvt s0, h1
	fcvt d0, h1
	add v0.8b, v1.8b, v2.8b
	sub v0.8b, v1.8b, v2.8b
	cmeq v0.8b, v1.8b, v2.8b
	cmhi v0.8b, v1.8b, v2.8b
	cmhs v0.8b, v1.8b, v2.8b
	cmgt v0.8b, v1.8b, v2.8b
	cmge v0.8b, v1.8b, v2.8b
	cmtst v0.8b, v1.8b, v2.8b
	umax v0.8b, v1.8b, v2.8b
	smin v0.8b, v1.8b, v2.8b
	uabd v0.8b, v1.8b, v2.8b
	shadd v0.8b, v1.8b, v2.8b
	uqadd v0.8b, v1.8b, v2.8b
	sqsub v0.8b, v1.8b, v2.8b
	addp v0.8b, v1.8b, v2.8b
	umaxp v0.8b, v1.8b, v2.8b
	sminp v0.8b, v1.8b, v2.8b
	mla v0.8b, v1.8b, v2.8b
	mul v0.8b, v1.8b, v2.8b
	cmeq v0.8b, v1.8b, #0
	cmlt v0.8b, v1.8b, #0
	abs v0.8b, v1.8b
	neg v0.8b, v1.8b
	cls v0.8b, v1.8b
	clz v0.8b, v1.8b
	add v0.16b, v1.16b, v2.16b
	sub v0.16b, v1.16b, v2.16b
	cmeq v0.16b, v1.16b, v2.16b
	cmhi v0.16b, v1.16b, v2.16b
	cmhs v0.16b, v1.16b, v2.16b
	cmgt v0.16b, v1.16b, v2.16b
	cmge v0.16b, v1.16b, v2.16b
	cmtst v0.16b, v1.16b, v2.16b
	umax v0.16b, v1.16b, v2.16b
	smin v0.16b, v1.16b, v2.16b
	uabd v0.16b, v1.16b, v2.16b
	shadd v0.16b, v1.16b, v2.16b
	uqadd v0.16b, v1.16b, v2.16b
	sqsub v0.16b, v1.16b, v2.16b
	addp v0.16b, v1.16b, v2.16b
	umaxp v0.16b, v1.16b, v2.16b
	sminp v0.16b, v1.16b, v2.16b
	mla v0.16b, v1.16b, v2.16b
	mul v0.16b, v1.16b, v2.16b
	cmeq v0.16b, v1.16b, #0
	cmlt v0.16b, v1.16b, #0
	abs v0.16b, v1.16b
	neg v0.16b, v1.16b
	cls v0.16b, v1.16b
	clz v0.16b, v1.16b
	add v0.4h, v1.4h, v2.4h
	sub v0.4h, v1.4h, v2.4h
	cmeq v0.4h, v1.4h, v2.4h
	cmhi v0.4h, v1.4h, v2.4h
	cmhs v0.4h, v1.4h, v2.4h
	cmgt v0.4h, v1.4h, v2.4h
	cmge v0.4h, v1.4h, v2.4h
	cmtst v0.4h, v1.4h, v2.4h
	umax v0.4h, v1.4h, v2.4h
	smin v0.4h, v1.4h, v2.4h
	uabd v0.4h, v1.4h, v2.4h
	shadd v0.4h, v1.4h, v2.4h
	uqadd v0.4h, v1.4h, v2.4h
	sqsub v0.4h, v1.4h, v2.4h
	addp v0.4h, v1.4h, v2.4h
	umaxp v0.4h, v1.4h, v2.4h
	sminp v0.4h, v1.4h, v2.4h
	mla v0.4h, v1.4h, v2.4h
	mul v0.4h, v1.4h, v2.4h
	cmeq v0.4h, v1.4h, #0
	cmlt v0.4h, v1.4h, #0
	abs v0.4h, v1.4h
	neg v0.4h, v1.4h
	cls v0.4h, v1.4h
	clz v0.4h, v1.4h
	add v0.8h, v1.8h, v2.8h
	sub v0.8h, v1.8h, v2.8h
	cmeq v0.8h, v1.8h, v2.8h
	cmhi v0.8h, v1.8h, v2.8h
	cmhs v0.8h, v1.8h, v2.8h
	cmgt v0.8h, v1.8h, v2.8h
	cmge v0.8h, v1.8h, v2.8h
	cmtst v0.8h, v1.8h, v2.8h
	umax v0.8h, v1.8h, v2.8h
	smin v0.8h, v1.8h, v2.8h
	uabd v0.8h, v1.8h, v2.8h
	shadd v0.8h, v1.8h, v2.8h
	uqadd v0.8h, v1.8h, v2.8h
	sqsub v0.8h, v1.8h, v2.8h
	addp v0.8h, v1.8h, v2.8h
	umaxp v0.8h, v1.8h, v2.8h
	sminp v0.8h, v1.8h, v2.8h
	mla v0.8h, v1.8h, v2.8h
	mul v0.8h, v1.8h, v2.8h
	cmeq v0.8h, v1.8h, #0
	cmlt v0.8h, v1.8h, #0
	abs v0.8h, v1.8h
	neg v0.8h, v1.8h
	cls v0.8h, v1.8h
	clz v0.8h, v1.8h
	add v0.2s, v1.2s, v2.2s
	sub v0.2s, v1.2s, v2.2s
	cmeq v0.2s, v1.2s, v2.2s
	cmhi v0.2s, v1.2s, v2.2s
	cmhs v0.2s, v1.2s, v2.2s
	cmgt v0.2s, v1.2s, v2.2s
	cmge v0.2s, v1.2s, v2.2s
	cmtst v0.2s, v1.2s, v2.2s
	umax v0.2s, v1.2s, v2.2s
	smin v0.2s, v1.2s, v2.2s
	uabd v0.2s, v1.2s, v2.2s
	shadd v0.2s, v1.2s, v2.2s
	uqadd v0.2s, v1.2s, v2.2s
	sqsub v0.2s, v1.2s, v2.2s
	addp v0.2s, v1.2s, v2.2s
	umaxp v0.2s, v1.2s, v2.2s
	sminp v0.2s, v1.2s, v2.2s
	mla v0.2s, v1.2s, v2.2s
	mul v0.2s, v1.2s, v2.2s
	cmeq v0.2s, v1.2s, #0
	cmlt v0.2s, v1.2s, #0
	abs v0.2s, v1.2s
	neg v0.2s, v1.2s
	cls v0.2s, v1.2s
	clz v0.2s, v1.2s
	add v0.4s, v1.4s, v2.4s
	sub v0.4s, v1.4s, v2.4s
	cmeq v0.4s, v1.4s, v2.4s
	cmhi v0.4s, v1.4s, v2.4s
	cmhs v0.4s, v1.4s, v2.4s
	cmgt v0.4s, v1.4s, v2.4s
	cmge v0.4s, v1.4s, v2.4s
	cmtst v0.4s, v1.4s, v2.4s
	umax v0.4s, v1.4s, v2.4s
	smin v0.4s, v1.4s, v2.4s
	uabd v0.4s, v1.4s, v2.4s
	shadd v0.4s, v1.4s, v2.4s
	uqadd v0.4s, v1.4s, v2.4s
	sqsub v0.4s, v1.4s, v2.4s
	addp v0.4s, v1.4s, v2.4s
	umaxp v0.4s, v1.4s, v2.4s
	sminp v0.4s, v1.4s, v2.4s
	mla v0.4s, v1.4s, v2.4s
	mul v0.4s, v1.4s, v2.4s
	cmeq v0.4s, v1.4s, #0
	cmlt v0.4s, v1.4s, #0
	abs v0.4s, v1.4s
	neg v0.4s, v1.4s
	cls v0.4s, v1.4s
	clz v0.4s, v1.4s
	add v0.2d, v1.2d, v2.2d
	sub v0.2d, v1.2d, v2.2d
	cmeq v0.2d, v1.2d, v2.2d
	cmhi v0.2d, v1.2d, v2.2d
	cmgt v0.2d, v1.2d, v2.2d
	addp v0.2d, v1.2d, v2.2d
	sshl v0.2d, v1.2d, v2.2d
	ushl v0.2d, v1.2d, v2.2d
	and v3.8b, v4.8b, v5.8b
	bic v3.8b, v4.8b, v5.8b
	orr v3.8b, v4.8b, v5.8b
	orn v3.8b, v4.8b, v5.8b
	eor v3.8b, v4.8b, v5.8b
	bsl v3.8b, v4.8b, v5.8b
	bit v3.8b, v4.8b, v5.8b
	bif v3.8b, v4.8b, v5.8b
	mov v3.8b, v4.8b
	not v3.8b, v4.8b
	rbit v3.8b, v4.8b
	cnt v3.8b, v4.8b
	rev16 v3.8b, v4.8b
	rev32 v3.8b, v4.8b
	rev64 v3.8b, v4.8b
	ext v3.8b, v4.8b, v5.8b, #3
	tbl v3.8b, {v4.16b}, v5.8b
	tbl v3.8b, {v4.16b, v5.16b}, v6.8b
	tbx v3.8b, {v28.16b-v31.16b}, v6.8b
	and v3.16b, v4.16b, v5.16b
	bic v3.16b, v4.16b, v5.16b
	orr v3.16b, v4.16b, v5.16b
	orn v3.16b, v4.16b, v5.16b
	eor v3.16b, v4.16b, v5.16b
	bsl v3.16b, v4.16b, v5.16b
	bit v3.16b, v4.16b, v5.16b
	bif v3.16b, v4.16b, v5.16b
	mov v3.16b, v4.16b
	not v3.16b, v4.16b
	rbit v3.16b, v4.16b
	cnt v3.16b, v4.16b
	rev16 v3.16b, v4.16b
	rev32 v3.16b, v4.16b
	rev64 v3.16b, v4.16b
	ext v3.16b, v4.16b, v5.16b, #3
	tbl v3.16b, {v4.16b}, v5.16b
	tbl v3.16b, {v4.16b, v5.16b}, v6.16b
	tbx v3.16b, {v28.16b-v31.16b}, v6.16b
	umaxv b0, v1.8b
	addv b0, v1.8b
	umaxv b0, v1.16b
	addv b0, v1.16b
	umaxv h0, v1.4h
	addv h0, v1.4h
	umaxv h0, v1.8h
	addv h0, v1.8h
	umaxv s0, v1.4s
	addv s0, v1.4s
	uaddlv h0, v1.16b
	saddlv d0, v1.4s
	uminv s0, v1.4s
	uzp1 v0.16b, v1.16b, v2.16b
	zip2 v0.4s, v1.4s, v2.4s
	trn1 v0.2d, v1.2d, v2.2d
	zip1 v0.8b, v1.8b, v2.8b
	uaddl v0.8h, v1.8b, v2.8b
	saddw2 v0.4s, v1.4s, v2.8h
	umull2 v0.2d, v1.4s, v2.4s
	smlal v0.4s, v1.4h, v2.4h
	addhn v0.8b, v1.8h, v2.8h
	subhn2 v0.16b, v1.8h, v2.8h
	xtn v0.8b, v1.8h
	xtn2 v0.16b, v1.8h
	sqxtn v0.4h, v1.4s
	uqxtn2 v0.4s, v1.2d
	uaddlp v0.8h, v1.16b
	sadalp v0.1d, v1.2s
	shrn v0.8b, v1.8h, #3
	rshrn2 v0.8h, v1.4s, #16
	ushr v0.2d, v1.2d, #64
	sshr v0.4s, v1.4s, #1
	shl v0.16b, v1.16b, #7
	sli v0.2s, v1.2s, #31
	sri v0.8h, v1.8h, #9
	ushll v0.8h, v1.8b, #3
	uxtl v0.4s, v1.4h
	sxtl2 v0.2d, v1.4s
	usra v0.4h, v1.4h, #2
	dup v0.16b, w1
	dup v0.2d, x1
	dup v0.8h, v1.h[7]
	dup v0.2s, v1.s[1]
	mov v0.b[15], w1
	mov v0.d[1], x1
	mov v0.h[3], v1.h[6]
	umov w0, v1.b[3]
	umov w0, v1.h[1]
	mov w0, v1.s[3]
	mov x0, v1.d[1]
	smov x0, v1.b[1]
	smov w0, v1.h[7]
	smov x0, v1.s[2]
	movi v0.16b, #0xff
	movi v0.8b, #0x1
	movi v0.4h, #0x12, lsl #8
	movi v0.2s, #0x80, msl #16
	mvni v0.4s, #0x3
	mvni v0.8h, #0x3, lsl #8
	orr v0.4s, #0x1, lsl #24
	bic v0.2s, #0xff
	movi d0, #0xff00ff00ff00ff00
	movi v0.2d, #0xffffffffffffffff
	movi v1.2d, #0
	fmov v0.4s, #1.0
	fmov v0.2d, #-0.5
	ld1 {v0.16b}, [x0]
	ld1 {v0.16b}, [x1], x2
	st1 {v0.16b}, [x0]
	st1 {v0.16b}, [x1], x2
	ld1 {v0.16b}, [sp], #16
	ld1 {v0.8h, v1.8h}, [x0]
	ld1 {v0.8h, v1.8h}, [x1], x2
	st1 {v0.8h, v1.8h}, [x0]
	st1 {v0.8h, v1.8h}, [x1], x2
	ld2 {v0.8h, v1.8h}, [x0]
	ld2 {v0.8h, v1.8h}, [x1], x2
	st2 {v0.8h, v1.8h}, [x0]
	st2 {v0.8h, v1.8h}, [x1], x2
	ld1 {v0.8h, v1.8h}, [sp], #32
	ld1 {v0.4s-v2.4s}, [x0]
	ld1 {v0.4s-v2.4s}, [x1], x2
	st1 {v0.4s-v2.4s}, [x0]
	st1 {v0.4s-v2.4s}, [x1], x2
	ld3 {v0.4s-v2.4s}, [x0]
	ld3 {v0.4s-v2.4s}, [x1], x2
	st3 {v0.4s-v2.4s}, [x0]
	st3 {v0.4s-v2.4s}, [x1], x2
	ld1 {v0.4s-v2.4s}, [sp], #48
	ld1 {v0.2d-v3.2d}, [x0]
	ld1 {v0.2d-v3.2d}, [x1], x2
	st1 {v0.2d-v3.2d}, [x0]
	st1 {v0.2d-v3.2d}, [x1], x2
	ld4 {v0.2d-v3.2d}, [x0]
	ld4 {v0.2d-v3.2d}, [x1], x2
	st4 {v0.2d-v3.2d}, [x0]
	st4 {v0.2d-v3.2d}, [x1], x2
	ld1 {v0.2d-v3.2d}, [sp], #64
	ld1 {v0.8b}, [x0]
	ld1 {v0.8b}, [x1], x2
	st1 {v0.8b}, [x0]
	st1 {v0.8b}, [x1], x2
	ld1 {v0.8b}, [sp], #8
	ld1 {v0.4h-v3.4h}, [x0]
	ld1 {v0.4h-v3.4h}, [x1], x2
	st1 {v0.4h-v3.4h}, [x0]
	st1 {v0.4h-v3.4h}, [x1], x2
	ld4 {v0.4h-v3.4h}, [x0]
	ld4 {v0.4h-v3.4h}, [x1], x2
	st4 {v0.4h-v3.4h}, [x0]
	st4 {v0.4h-v3.4h}, [x1], x2
	ld1 {v0.4h-v3.4h}, [sp], #32
	ld1 {v0.2s, v1.2s}, [x0]
	ld1 {v0.2s, v1.2s}, [x1], x2
	st1 {v0.2s, v1.2s}, [x0]
	st1 {v0.2s, v1.2s}, [x1], x2
	ld2 {v0.2s, v1.2s}, [x0]
	ld2 {v0.2s, v1.2s}, [x1], x2
	st2 {v0.2s, v1.2s}, [x0]
	st2 {v0.2s, v1.2s}, [x1], x2
	ld1 {v0.2s, v1.2s}, [sp], #16
	ld1 {v30.16b, v31.16b, v0.16b}, [x0]
	st1 {v31.2d, v0.2d}, [x0]
	add x0, x1, #16
	add x0, x1, #1, lsl #12
	add sp, x1, #0
	mov x0, sp
	adds w3, w4, #4095
	cmp x0, #16
	cmn w0, #3
	ccmp x0, #3, #0, ne
	ccmp x0, x1, #15, eq
	movz x0, #0x1234, lsl #16
	mov x0, #-1
	movn w0, #5
	movk x0, #0x1234, lsl #16
	mov x0, #0xff
	and x0, x1, #0xff
	orr x0, xzr, #0x5555555555555555
	tst w0, #1
	ldr x0, [x1, #8]
	ldr x0, [x1, #-8]
	ldp x29, x30, [sp, #-16]!
	ldp x29, x30, [sp], #16
	ldr w0, [x1, x2, lsl #2]
	ldr x0, [x1, w2, sxtw]
	ldrb w0, [x1, x2]
	ldrb w0, [x1, x2, lsl #0]
	ubfx x0, x1, #3, #4
	lsl x0, x1, #3
	b .+8
	bl .-8
	cbz x0, .
	tbz w0, #3, .
	b.ne .
	csel x0, x1, x2, lt
	cset w0, eq
	mrs x0, tpidr_el0
	msr fpcr, x0
	mrs x0, s3_0_c15_c2_0
	msr daifset, #3
	fmov d0, #1.0
	fmov s0, #-2.5
	fadd d0, d1, d2
	fcvtzs w0, d1
	ldr q0, [x0, #16]
	add v0.4s, v1.4s, v2.4s
	mov v1.s[2], w0
	ld4 {v0.16b-v3.16b}, [x0]
	ld1 {v0.16b}, [x0], #16
	dup v0.4s, w1
	movi v0.4s, #0x10, lsl #8
	ldaxr x0, [x1]
	stlxr w2, x0, [x1]
	ldadd x0, x1, [x2]
	casal x0, x1, [x2]
	svc #0
	brk #0x3e8
	hint #0x22
	isb
	dmb ish
	dsb sy
	add x0, x1, x2, lsl #3
	add x0, sp, x2
	add x0, x1, w2, uxtw #2
	sub sp, sp, x2
	neg x0, x1
	mvn x0, x1
	mul x0, x1, x2
	sdiv x0, x1, x2
	rev x0, x1
	clz w0, w1
	ret
	ret x1
	.inst 0x00000000
	prfm pldl1keep, [x0]
	ldur x0, [x0, #-3]
	ldr x0, .
	scvtf d0, x1
	fcmp d0, #0.0
	fccmp d0, d1, #4, ne
	orr x0, xzr, #0xff
	orr w0, wzr, #0xffff0000
	b.cs .
	b.cc .
	cmp wzr, w1
	subs wzr, wzr, w1
	prfm #0x18, [x0]
	dc zva, x0
	ic ivau, x1
	sys #0, c7, c5, #7
	sys #3, c7, c5, #7, x3
	clrex
	clrex #3
	isb #3
	dsb #0
	dmb #4
	ssbb
	and x0, x1, x2, lsr #0
	ubfm x0, x1, #0, #7
	bfc x0, #3, #4
	ldxr x0, [sp]
	stlxp w0, x1, x2, [x3]
	ldar x1, [x0]
	stadd x0, [x2]
	staddl x0, [x2]
	swpal w0, w1, [x2]
	ldapr x0, [x1]
	casp x0, x1, x2, x3, [x4]
	mov x0, #0x1234
	movz x0, #0, lsl #16
	movn w0, #0xffff
	movn x0, #0xffff, lsl #16
	sbfx x0, x1, #0, #8
	add w0, wsp, w2, uxtw #2
	add w0, w1, w2, uxtw
	mrs x0, nzcv
	mrs x0, fpsr
	mrs x0, midr_el1
	mrs x0, cntvct_el0
	mrs x0, dczid_el0
	mrs x0, ctr_el0
	ldtrsb w0, [x1, #3]
	ldr q0, [x1, x2, lsl #4]
	ldr b0, [x1, x2, lsl #0]
	ldr b0, [x1, x2]
	str h0, [x1, w2, uxtw #1]
	msr spsel, #1
	msr pan, #1
	fmov x0, v0.d[1]
	fmov v0.d[1], x0
	scvtf d0, x1, #3
	fmov h0, w1
	fcvt h0, d1
	fcsel d0, d1, d2, ge
	fmadd s0, s1, s2, s3
	ldr x0, [x1, #0]
	ldp w0, w1, [x1]
