/* The AArch64 hart's frame: fetch, the TLB and its faults, the run loop. */
#include <check.h>

#include "a64_harness.h"
#include "testutil.h"

START_TEST(test_fetch_outside_memory_is_an_instruction_abort)
{
    a64h *h = a64h_new();
    h->cpu->pc = 0x4000; /* nothing is mapped there */
    bool trapped;
    uint64_t n = a64_run(h->cpu, 10, &trapped);
    ck_assert(trapped);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(h->cpu->esr >> 26, A64_EC_IABORT);
    ck_assert_uint_eq(h->cpu->esr & 0x3f, A64_FSC_TRANSLATION | 3);
    ck_assert_uint_eq(h->cpu->far, 0x4000);
    ck_assert_uint_eq(h->cpu->pc, 0x4000);
    a64h_free(h);
}
END_TEST

START_TEST(test_reserved_encoding_is_undefined)
{
    a64h *h = a64h_new();
    uint32_t code[] = {0x00000000}; /* UDF #0 */
    ck_assert_int_eq(a64h_run(h, code, 1), A64_EC_UNKNOWN);
    ck_assert_uint_eq(h->cpu->pc, A64H_BASE);
    ck_assert_uint_eq(h->cpu->steps, 1);
    a64h_free(h);
}
END_TEST

START_TEST(test_misaligned_pc_faults)
{
    a64h *h = a64h_new();
    h->cpu->pc = A64H_BASE + 2;
    bool trapped;
    a64_run(h->cpu, 10, &trapped);
    ck_assert(trapped);
    ck_assert_uint_eq(h->cpu->esr >> 26, A64_EC_PC_ALIGN);
    a64h_free(h);
}
END_TEST

START_TEST(test_loads_and_stores_cross_pages_or_fault_whole)
{
    a64h *h = a64h_new();
    uint64_t va = A64H_DATA + 4096 - 3, v = 0x1122334455667788ull, r = 0;
    ck_assert(a64_store(h->cpu, va, 8, &v));
    ck_assert(a64_load(h->cpu, va, 8, &r));
    ck_assert_uint_eq(r, v);
    /* a store that would cross into an unmapped page writes nothing */
    uint64_t end = A64H_BASE + A64H_SIZE - 4;
    memset(a64h_mem(h, end), 0xaa, 4);
    ck_assert(!a64_store(h->cpu, end, 8, &v));
    ck_assert_uint_eq(h->cpu->esr >> 26, A64_EC_DABORT);
    ck_assert(h->cpu->esr & A64_ISS_WNR);
    ck_assert_uint_eq(h->cpu->far, end + 4);
    ck_assert_uint_eq(*(uint8_t *)a64h_mem(h, end), 0xaa);
    /* a read-only page: loads work, stores report a permission fault */
    h->readonly_data = true;
    a64_tlb_flush(h->cpu);
    ck_assert(a64_load(h->cpu, A64H_DATA, 8, &r));
    ck_assert(!a64_store(h->cpu, A64H_DATA, 8, &v));
    ck_assert_uint_eq(h->cpu->esr & 0x3f, A64_FSC_PERMISSION | 3);
    a64h_free(h);
}
END_TEST

static Suite *a64_suite(void)
{
    Suite *s = suite_create("a64");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_fetch_outside_memory_is_an_instruction_abort);
    tcase_add_test(tc, test_reserved_encoding_is_undefined);
    tcase_add_test(tc, test_misaligned_pc_faults);
    tcase_add_test(tc, test_loads_and_stores_cross_pages_or_fault_whole);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(a64_suite()); }
