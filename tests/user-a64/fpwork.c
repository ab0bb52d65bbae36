/* Floating point through libc and libm: printf of doubles (exact decimal
 * conversion), libm functions against known values, rounding modes and
 * the exception flags through <fenv.h>. */
#include <fenv.h>
#include <math.h>
#include <string.h>
#include "check.h"

static int near(double a, double b) { return fabs(a - b) <= 1e-12 * fabs(b); }

int main(void)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%.17g %.3f %e %g", 0.1, 2.0 / 3.0, 1e300 * 10,
             -0.0);
    CHECK(strcmp(buf, "0.10000000000000001 0.667 1.000000e+301 -0") == 0);
    snprintf(buf, sizeof buf, "%a %.0f %.20f", 1.0, 2.5, 1.0 / 3.0);
    CHECK(strcmp(buf, "0x1p+0 2 0.33333333333333331483") == 0);
    printf("printf %.15g %.6e\n", 3.141592653589793, 6.02214076e23);
    OK("printf");

    volatile double x = 2.0;
    CHECK(sqrt(x) == 1.4142135623730951);
    CHECK(near(exp(x), 7.38905609893065));
    CHECK(near(log(x), 0.6931471805599453));
    CHECK(near(sin(x), 0.9092974268256817));
    CHECK(near(cos(x), -0.4161468365471424));
    CHECK(near(atan2(x, 1.0), 1.1071487177940904));
    CHECK(near(pow(x, 0.5), 1.4142135623730951));
    CHECK(fma(x, x, 1.0) == 5.0);
    CHECK(isnan(sqrt(-x)));
    CHECK(isinf(1.0 / (x - 2.0)));
    float f = 1.0f / 3.0f;
    CHECK(f == 0x1.555556p-2f);
    CHECK((double)f != 1.0 / 3.0);
    OK("libm");

    volatile double h = 2.5, nh = -2.5;
    CHECK(rint(h) == 2.0 && rint(nh) == -2.0);
    fesetround(FE_UPWARD);
    CHECK(rint(h) == 3.0 && rint(nh) == -2.0);
    volatile double up = 1.0 / (x + 1.0);
    fesetround(FE_DOWNWARD);
    CHECK(rint(h) == 2.0 && rint(nh) == -3.0);
    volatile double down = 1.0 / (x + 1.0);
    CHECK(up > down && up - down < 1e-16);
    fesetround(FE_TOWARDZERO);
    CHECK(rint(h) == 2.0 && rint(nh) == -2.0);
    CHECK(lrint(2.9) == 2);
    fesetround(FE_TONEAREST);
    CHECK(lrint(3.5) == 4 && round(-2.5) == -3.0 && trunc(-2.7) == -2.0);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double z = 0.0;
    volatile double r = 1.0 / z;
    (void)r;
    CHECK(fetestexcept(FE_DIVBYZERO) && !fetestexcept(FE_INVALID));
    r = z / z;
    CHECK(fetestexcept(FE_INVALID));
    feclearexcept(FE_ALL_EXCEPT);
    r = 1e308 * x * 10;
    CHECK(fetestexcept(FE_OVERFLOW | FE_INEXACT) == (FE_OVERFLOW | FE_INEXACT));
    OK("fenv");
    return 0;
}
