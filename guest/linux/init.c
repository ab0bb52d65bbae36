/*
 * /init of the libemu Linux guest (PID 1 in the initramfs).
 *
 * It mounts proc, sysfs and devtmpfs, reports on the console what the kernel
 * found (CPUs online, kernel release, machine model, ISA and MMU mode, the
 * RTC's date), then does what "libemu.action=" on the kernel command line
 * asks:
 *
 *   poweroff  (the default) sync and power the machine off
 *   reboot    sync and restart the machine
 *   wait      stay idle for ever; the machine runs until stopped from outside
 *
 * Every line it prints starts with "libemu-guest: " so tests can find them.
 * PID 1 must never exit (the kernel panics when it does), so every path ends
 * in power-off or, when even that fails, in an endless pause().
 *
 * Built statically: riscv64-linux-gnu-gcc -static -Os (scripts/build-linux-guest).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/rtc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define PREFIX "libemu-guest: "

/* Prints one line with the prefix straight to the console (fd 1), unbuffered. */
static void say(const char *fmt, ...)
{
    char line[512] = PREFIX;
    size_t at = sizeof PREFIX - 1;
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintf(line + at, sizeof line - at - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    at += (size_t)n < sizeof line - at - 1 ? (size_t)n : sizeof line - at - 2;
    line[at++] = '\n';

    for (size_t done = 0; done < at;) {
        ssize_t w = write(1, line + done, at - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        done += (size_t)w;
    }
}

/* The kernel opens /dev/console as fds 0-2 before starting us when the
 * initramfs has that node. If it could not, try again once devtmpfs is up. */
static void attach_console(void)
{
    if (fcntl(1, F_GETFD) >= 0)
        return;
    int fd = open("/dev/console", O_RDWR | O_NOCTTY);
    if (fd < 0)
        return;
    for (int i = 0; i < 3; i++)
        if (fd != i)
            dup2(fd, i);
    if (fd > 2)
        close(fd);
}

static void mount_fs(const char *type, const char *target)
{
    if (mkdir(target, 0755) < 0 && errno != EEXIST)
        say("cannot create %s: %s", target, strerror(errno));
    if (mount(type, target, type, 0, NULL) < 0 && errno != EBUSY)
        say("cannot mount %s on %s: %s", type, target, strerror(errno));
}

/* Reads a small text file into buf without its trailing newlines.
 * Returns the length, or -1 (errno set) when the file cannot be read. */
static ssize_t read_text(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t len = 0;
    while (len + 1 < size) {
        ssize_t r = read(fd, buf + len, size - 1 - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\0'))
        len--;
    buf[len] = '\0';
    return (ssize_t)len;
}

/* Counts the CPUs in a kernel CPU list such as "0-3,6". Returns -1 when the
 * text is not such a list. */
static long count_cpu_list(const char *s)
{
    long total = 0;
    while (*s) {
        char *end;
        long first = strtol(s, &end, 10);
        if (end == s || first < 0)
            return -1;
        long last = first;
        s = end;
        if (*s == '-') {
            last = strtol(s + 1, &end, 10);
            if (end == s + 1 || last < first)
                return -1;
            s = end;
        }
        total += last - first + 1;
        if (*s == ',')
            s++;
        else if (*s)
            return -1;
    }
    return total;
}

static long cpus_online(void)
{
    char buf[256];
    if (read_text("/sys/devices/system/cpu/online", buf, sizeof buf) > 0) {
        long n = count_cpu_list(buf);
        if (n > 0)
            return n;
    }
    return sysconf(_SC_NPROCESSORS_ONLN);
}

/* Prints the first hart's ISA string and MMU mode from /proc/cpuinfo. */
static void report_cpu(void)
{
    char info[8192], isa[256] = "", mmu[32] = "";

    if (read_text("/proc/cpuinfo", info, sizeof info) < 0) {
        say("cannot read /proc/cpuinfo: %s", strerror(errno));
        return;
    }
    for (char *line = strtok(info, "\n"); line; line = strtok(NULL, "\n")) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        const char *value = colon + 1 + strspn(colon + 1, " \t");
        if (strncmp(line, "isa", 3) == 0 && !isa[0])
            snprintf(isa, sizeof isa, "%s", value);
        else if (strncmp(line, "mmu", 3) == 0 && !mmu[0])
            snprintf(mmu, sizeof mmu, "%s", value);
    }
    say("cpu0 isa %s, mmu %s", isa[0] ? isa : "unknown", mmu[0] ? mmu : "unknown");
}

static void report_rtc(void)
{
    char name[96] = "rtc0";
    char buf[64];
    struct tm tm;
    int have = 0;

    if (read_text("/sys/class/rtc/rtc0/name", buf, sizeof buf) > 0)
        snprintf(name, sizeof name, "rtc0 (%s)", buf);

    int fd = open("/dev/rtc0", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct rtc_time rt;
        memset(&rt, 0, sizeof rt);
        if (ioctl(fd, RTC_RD_TIME, &rt) == 0) {
            memset(&tm, 0, sizeof tm);
            tm.tm_year = rt.tm_year;
            tm.tm_mon = rt.tm_mon;
            tm.tm_mday = rt.tm_mday;
            tm.tm_hour = rt.tm_hour;
            tm.tm_min = rt.tm_min;
            tm.tm_sec = rt.tm_sec;
            have = 1;
        } else {
            say("RTC_RD_TIME on /dev/rtc0 failed: %s", strerror(errno));
        }
        close(fd);
    }
    if (!have && read_text("/sys/class/rtc/rtc0/since_epoch", buf, sizeof buf) > 0) {
        time_t t = (time_t)strtoll(buf, NULL, 10);
        have = gmtime_r(&t, &tm) != NULL;
    }
    if (!have) {
        say("no RTC: neither /dev/rtc0 nor /sys/class/rtc/rtc0 can be read");
        return;
    }
    say("RTC %s reads %04d-%02d-%02d %02d:%02d:%02d UTC", name, tm.tm_year + 1900,
        tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Finds "libemu.action=VALUE" in the kernel command line; "poweroff" when
 * it is not there. */
static void requested_action(char *value, size_t size)
{
    static const char key[] = "libemu.action=";
    char cmdline[4096];

    snprintf(value, size, "poweroff");
    if (read_text("/proc/cmdline", cmdline, sizeof cmdline) < 0) {
        say("cannot read /proc/cmdline (%s); assuming libemu.action=poweroff", strerror(errno));
        return;
    }
    for (char *word = strtok(cmdline, " \t"); word; word = strtok(NULL, " \t"))
        if (strncmp(word, key, sizeof key - 1) == 0)
            snprintf(value, size, "%s", word + sizeof key - 1);
}

static void idle_forever(void)
{
    for (;;)
        pause();
}

static void power_off(void)
{
    say("powering off");
    sync();
    reboot(RB_POWER_OFF);
    say("power-off failed (%s); halting", strerror(errno));
    reboot(RB_HALT_SYSTEM);
    say("halt failed (%s); idling", strerror(errno));
    idle_forever();
}

int main(void)
{
    attach_console();
    mount_fs("proc", "/proc");
    mount_fs("sysfs", "/sys");
    mount_fs("devtmpfs", "/dev");
    attach_console();

    struct utsname uts;
    const char *release = uname(&uts) == 0 ? uts.release : "unknown";
    long cpus = cpus_online();
    say("init reached, %ld CPU%s online, kernel %s", cpus, cpus == 1 ? "" : "s", release);

    char buf[256];
    if (read_text("/sys/firmware/devicetree/base/model", buf, sizeof buf) > 0)
        say("machine model: %s", buf);
    report_cpu();
    if (read_text("/proc/uptime", buf, sizeof buf) > 0) {
        buf[strcspn(buf, " ")] = '\0';
        say("uptime %s s", buf);
    }
    report_rtc();

    char action[64];
    requested_action(action, sizeof action);
    say("action: %s", action);
    if (strcmp(action, "reboot") == 0) {
        say("rebooting");
        sync();
        reboot(RB_AUTOBOOT);
        say("reboot failed (%s)", strerror(errno));
    } else if (strcmp(action, "wait") == 0) {
        say("waiting; the machine stays up until it is stopped from outside");
        idle_forever();
    } else if (strcmp(action, "poweroff") != 0) {
        say("unknown libemu.action=%s (known: poweroff, reboot, wait)", action);
    }
    power_off();
    return 0; /* not reached */
}
