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
 * Before that it runs the device tests that "libemu.test=" names, a comma-
 * separated list run in its order (see run_tests() and guest/linux/README.md):
 *
 *   blk   mount /dev/vda (ext2) on /mnt, write /mnt/hello.txt, unmount
 *   net   wait for eth0's address (ip=dhcp), fetch /libemu-test over HTTP
 *         from 10.0.2.2:<libemu.netport=>, print the body
 *   rng   read 32 bytes from /dev/hwrng (a virtio rng) and print them in hex
 *   fb    clear /dev/tty1 and write a known line at its top left
 *   dd    write and read back libemu.ddmb= MiB of /dev/vda, with markers
 *
 * and prints "libemu-guest: <test>: ok ..." or "libemu-guest: <test>: FAIL
 * <reason>" for each.
 *
 * Every line it prints starts with "libemu-guest: " so tests can find them.
 * PID 1 must never exit (the kernel panics when it does), so every path ends
 * in power-off or, when even that fails, in an endless pause().
 *
 * Built statically: riscv64-linux-gnu-gcc -static -Os (scripts/build-linux-guest).
 */
#define _GNU_SOURCE /* O_DIRECT */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/rtc.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <termios.h>
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

/* Finds "KEY=VALUE" (key given with its '=') in the kernel command line and
 * copies VALUE. Returns 1 when found, 0 when not, -1 (errno set) when
 * /proc/cmdline cannot be read. The last occurrence wins. */
static int cmdline_value(const char *key, char *value, size_t size)
{
    char cmdline[4096];
    size_t klen = strlen(key);
    int found = 0;

    if (read_text("/proc/cmdline", cmdline, sizeof cmdline) < 0)
        return -1;
    char *save = NULL;
    for (char *word = strtok_r(cmdline, " \t", &save); word; word = strtok_r(NULL, " \t", &save))
        if (strncmp(word, key, klen) == 0) {
            snprintf(value, size, "%s", word + klen);
            found = 1;
        }
    return found;
}

/* Finds "libemu.action=VALUE" in the kernel command line; "poweroff" when
 * it is not there. */
static void requested_action(char *value, size_t size)
{
    snprintf(value, size, "poweroff");
    if (cmdline_value("libemu.action=", value, size) < 0)
        say("cannot read /proc/cmdline (%s); assuming libemu.action=poweroff", strerror(errno));
}

/* ---- device tests (libemu.test=) ---------------------------------------- */

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits up to ms milliseconds for path to exist (devtmpfs fills in device
 * nodes as drivers probe). Returns 1 when it does. */
static int wait_for_path(const char *path, long ms)
{
    struct stat st;
    for (long waited = 0;; waited += 50) {
        if (stat(path, &st) == 0)
            return 1;
        if (waited >= ms)
            return 0;
        sleep_ms(50);
    }
}

/* Writes all of buf; returns 0, or -1 with errno set. */
static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        if (w == 0) {
            errno = EIO;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Waits until what we printed has left through the console's UART, so the
 * host sees a marker when the guest reaches it (the benchmark times them). */
static void drain_console(void)
{
    while (tcdrain(1) < 0 && errno == EINTR)
        ;
}

#define FAIL(test, ...) say(test ": FAIL " __VA_ARGS__)

/* blk: mount the ext2 disk /dev/vda on /mnt, write /mnt/hello.txt with the
 * word of libemu.blkdata= and a newline, fsync, unmount, sync. */
static void test_blk(void)
{
    char data[256] = "libemu-blk-test";
    cmdline_value("libemu.blkdata=", data, sizeof data);

    if (!wait_for_path("/dev/vda", 2000)) {
        FAIL("blk", "no /dev/vda (no virtio-blk disk?)");
        return;
    }
    if (mkdir("/mnt", 0755) < 0 && errno != EEXIST) {
        FAIL("blk", "cannot create /mnt: %s", strerror(errno));
        return;
    }
    if (mount("/dev/vda", "/mnt", "ext2", 0, NULL) < 0) {
        FAIL("blk", "cannot mount /dev/vda (ext2) on /mnt: %s", strerror(errno));
        return;
    }
    int fd = open("/mnt/hello.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        FAIL("blk", "cannot create /mnt/hello.txt: %s", strerror(errno));
        umount("/mnt");
        return;
    }
    size_t len = strlen(data);
    data[len] = '\n';
    int bad = write_all(fd, data, len + 1) < 0 ? errno : 0;
    data[len] = '\0';
    if (bad) {
        FAIL("blk", "cannot write /mnt/hello.txt: %s", strerror(bad));
        close(fd);
        umount("/mnt");
        return;
    }
    if (fsync(fd) < 0) {
        FAIL("blk", "fsync of /mnt/hello.txt failed: %s", strerror(errno));
        close(fd);
        umount("/mnt");
        return;
    }
    close(fd);
    if (umount("/mnt") < 0) {
        FAIL("blk", "cannot unmount /mnt: %s", strerror(errno));
        return;
    }
    sync();
    say("blk: ok wrote /hello.txt on /dev/vda: %s", data);
}

/* net: wait for eth0's IPv4 address (the kernel's ip=dhcp sets it before
 * starting us), then GET /libemu-test over HTTP/1.0 from 10.0.2.2 (the host
 * under user networking), port libemu.netport=, and print the body's first
 * line. */
static void test_net(void)
{
    char port_text[32];
    if (cmdline_value("libemu.netport=", port_text, sizeof port_text) != 1) {
        FAIL("net", "no libemu.netport= on the kernel command line");
        return;
    }
    char *end;
    long port = strtol(port_text, &end, 10);
    if (*end || port <= 0 || port > 65535) {
        FAIL("net", "bad libemu.netport=%s", port_text);
        return;
    }

    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) {
        FAIL("net", "socket: %s", strerror(errno));
        return;
    }
    struct ifreq ifr;
    char addr[INET_ADDRSTRLEN] = "";
    int err = 0;
    for (int waited = 0; waited <= 30000; waited += 100) {
        memset(&ifr, 0, sizeof ifr);
        snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "eth0");
        if (ioctl(s, SIOCGIFADDR, &ifr) == 0) {
            struct sockaddr_in sin;
            memcpy(&sin, &ifr.ifr_addr, sizeof sin);
            inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof addr);
            break;
        }
        err = errno;
        if (err == ENODEV && waited >= 2000)
            break; /* drivers probe before the init starts: there is none */
        sleep_ms(100);
    }
    close(s);
    if (!addr[0] && err == ENODEV) {
        FAIL("net", "no eth0 (no virtio-net device?)");
        return;
    }
    if (!addr[0]) {
        FAIL("net", "eth0 has no IPv4 address after 30 s (%s; ip=dhcp on the kernel command line?)",
             strerror(err));
        return;
    }
    say("net: eth0 address %s", addr);

    s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) {
        FAIL("net", "socket: %s", strerror(errno));
        return;
    }
    /* bounds connect, send and every read */
    struct timeval tv = { 30, 0 };
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in host;
    memset(&host, 0, sizeof host);
    host.sin_family = AF_INET;
    host.sin_port = htons((unsigned short)port);
    inet_pton(AF_INET, "10.0.2.2", &host.sin_addr);
    if (connect(s, (struct sockaddr *)&host, sizeof host) < 0) {
        FAIL("net", "connect to 10.0.2.2:%ld: %s", port, strerror(errno));
        close(s);
        return;
    }
    char req[128];
    int n = snprintf(req, sizeof req,
                     "GET /libemu-test HTTP/1.0\r\nHost: 10.0.2.2:%ld\r\n\r\n", port);
    if (write_all(s, req, (size_t)n) < 0) {
        FAIL("net", "sending the request: %s", strerror(errno));
        close(s);
        return;
    }
    char resp[4096];
    size_t len = 0;
    for (;;) {
        if (len + 1 >= sizeof resp)
            break;
        ssize_t r = read(s, resp + len, sizeof resp - 1 - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            FAIL("net", "reading the response: %s", strerror(errno));
            close(s);
            return;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(s);
    resp[len] = '\0';

    int status = 0;
    if (sscanf(resp, "HTTP/%*d.%*d %d", &status) != 1) {
        FAIL("net", "not an HTTP response (%zu bytes)", len);
        return;
    }
    char *body = strstr(resp, "\r\n\r\n");
    body = body ? body + 4 : resp + len;
    body[strcspn(body, "\r\n")] = '\0';
    if (status != 200) {
        FAIL("net", "HTTP status %d from 10.0.2.2:%ld, body: %s", status, port, body);
        return;
    }
    say("net: ok address %s, HTTP %d, body: %s", addr, status, body);
}

/* rng: 32 bytes from /dev/hwrng, whose current source must be virtio's. */
static void test_rng(void)
{
    char current[64];
    if (read_text("/sys/class/misc/hw_random/rng_current", current, sizeof current) < 0) {
        FAIL("rng", "cannot read /sys/class/misc/hw_random/rng_current: %s", strerror(errno));
        return;
    }
    if (strncmp(current, "virtio_rng", 10) != 0) {
        FAIL("rng", "the current hw_random source is '%s', not virtio_rng", current);
        return;
    }
    int fd = open("/dev/hwrng", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        FAIL("rng", "cannot open /dev/hwrng: %s", strerror(errno));
        return;
    }
    unsigned char bytes[32];
    size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t r = read(fd, bytes + got, sizeof bytes - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            FAIL("rng", "reading /dev/hwrng: %s", r < 0 ? strerror(errno) : "end of file");
            close(fd);
            return;
        }
        got += (size_t)r;
    }
    close(fd);
    char hex[2 * sizeof bytes + 1];
    int nonzero = 0;
    for (size_t i = 0; i < sizeof bytes; i++) {
        snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
        nonzero |= bytes[i];
    }
    if (!nonzero) {
        FAIL("rng", "32 zero bytes from /dev/hwrng (%s)", current);
        return;
    }
    say("rng: ok %s (%s)", hex, current);
}

#define FB_TEXT "LIBEMU FRAMEBUFFER OK"

/* fb: clear the first virtual terminal (the framebuffer console) and write
 * FB_TEXT at its top left, with the cursor hidden. */
static void test_fb(void)
{
    char name[64] = "?";
    if (read_text("/sys/class/graphics/fb0/name", name, sizeof name) < 0) {
        FAIL("fb", "no framebuffer: /sys/class/graphics/fb0/name: %s", strerror(errno));
        return;
    }
    if (!wait_for_path("/dev/tty1", 2000)) {
        FAIL("fb", "no /dev/tty1 (no virtual terminal?)");
        return;
    }
    int fd = open("/dev/tty1", O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        FAIL("fb", "cannot open /dev/tty1: %s", strerror(errno));
        return;
    }
    /* hide the cursor, home, clear the screen, the text, then the next line
     * (where later kernel messages on console=tty0 continue) */
    static const char out[] = "\033[?25l\033[H\033[2J" FB_TEXT "\r\n";
    if (write_all(fd, out, sizeof out - 1) < 0) {
        FAIL("fb", "writing to /dev/tty1: %s", strerror(errno));
        close(fd);
        return;
    }
    close(fd);
    say("fb: ok wrote \"%s\" at the top left of tty1 (fb0: %s)", FB_TEXT, name);
}

/* dd: the block benchmark. Writes libemu.ddmb= MiB (default 256) to
 * /dev/vda in 1 MiB chunks, then reads them back, with O_DIRECT when the
 * kernel allows it (else buffered, with fsync and a dropped cache). The
 * dd-*-start/end markers are printed and drained to the console so the host
 * can time them. */
static void test_dd(void)
{
    enum { CHUNK = 1 << 20 };
    char text[32];
    long mb = 256;
    if (cmdline_value("libemu.ddmb=", text, sizeof text) == 1) {
        char *end;
        mb = strtol(text, &end, 10);
        if (*end || mb <= 0) {
            FAIL("dd", "bad libemu.ddmb=%s", text);
            return;
        }
    }
    if (!wait_for_path("/dev/vda", 2000)) {
        FAIL("dd", "no /dev/vda (no virtio-blk disk?)");
        return;
    }
    int direct = 1;
    int fd = open("/dev/vda", O_RDWR | O_DIRECT | O_CLOEXEC);
    if (fd < 0 && errno == EINVAL) {
        direct = 0;
        fd = open("/dev/vda", O_RDWR | O_CLOEXEC);
    }
    if (fd < 0) {
        FAIL("dd", "cannot open /dev/vda: %s", strerror(errno));
        return;
    }
    unsigned long long bytes = 0;
    if (ioctl(fd, BLKGETSIZE64, &bytes) == 0 && bytes / CHUNK < (unsigned long long)mb) {
        say("dd: /dev/vda has only %llu MiB; using that", bytes / CHUNK);
        mb = (long)(bytes / CHUNK);
        if (mb == 0) {
            FAIL("dd", "/dev/vda is smaller than 1 MiB");
            close(fd);
            return;
        }
    }
    unsigned char *buf = aligned_alloc(4096, CHUNK);
    if (!buf) {
        FAIL("dd", "out of memory");
        close(fd);
        return;
    }
    for (size_t i = 0; i < CHUNK; i++)
        buf[i] = (unsigned char)(i * 7 + 1);

    say("dd-write-start %ld MiB to /dev/vda (%s)", mb, direct ? "O_DIRECT" : "buffered");
    drain_console();
    double t0 = now_s();
    for (long i = 0; i < mb; i++) {
        memcpy(buf, &i, sizeof i); /* tag each chunk with its number */
        ssize_t w = pwrite(fd, buf, CHUNK, (off_t)i * CHUNK);
        if (w < 0 && errno == EINVAL && direct && i == 0) {
            /* the device refused O_DIRECT after all: go buffered */
            close(fd);
            direct = 0;
            fd = open("/dev/vda", O_RDWR | O_CLOEXEC);
            if (fd < 0) {
                FAIL("dd", "cannot reopen /dev/vda: %s", strerror(errno));
                free(buf);
                return;
            }
            i--;
            continue;
        }
        if (w != CHUNK) {
            FAIL("dd", "write of MiB %ld: %s", i, w < 0 ? strerror(errno) : "short write");
            free(buf);
            close(fd);
            return;
        }
    }
    if (fsync(fd) < 0) {
        FAIL("dd", "fsync of /dev/vda: %s", strerror(errno));
        free(buf);
        close(fd);
        return;
    }
    double t1 = now_s();
    say("dd-write-end");
    drain_console();

    if (!direct) /* read from the disk, not the page cache */
        ioctl(fd, BLKFLSBUF, 0);
    say("dd-read-start %ld MiB from /dev/vda (%s)", mb, direct ? "O_DIRECT" : "buffered");
    drain_console();
    double t2 = now_s();
    long bad = -1;
    for (long i = 0; i < mb; i++) {
        ssize_t r = pread(fd, buf, CHUNK, (off_t)i * CHUNK);
        if (r != CHUNK) {
            FAIL("dd", "read of MiB %ld: %s", i, r < 0 ? strerror(errno) : "short read");
            free(buf);
            close(fd);
            return;
        }
        long tag;
        memcpy(&tag, buf, sizeof tag);
        if (bad < 0 && (tag != i || buf[CHUNK - 1] != (unsigned char)((CHUNK - 1) * 7 + 1)))
            bad = i;
    }
    double t3 = now_s();
    say("dd-read-end");
    drain_console();
    free(buf);
    close(fd);
    if (bad >= 0) {
        FAIL("dd", "MiB %ld read back differs from what was written", bad);
        return;
    }
    say("dd: ok wrote and read back %ld MiB (%s); guest clock: write %.2f s, read %.2f s",
        mb, direct ? "O_DIRECT" : "buffered", t1 - t0, t3 - t2);
}

/* Runs the tests that libemu.test= lists, in order. */
static void run_tests(void)
{
    char list[256];
    if (cmdline_value("libemu.test=", list, sizeof list) != 1 || !list[0])
        return;
    say("tests: %s", list);
    char *save = NULL;
    for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (strcmp(t, "blk") == 0)
            test_blk();
        else if (strcmp(t, "net") == 0)
            test_net();
        else if (strcmp(t, "rng") == 0)
            test_rng();
        else if (strcmp(t, "fb") == 0)
            test_fb();
        else if (strcmp(t, "dd") == 0)
            test_dd();
        else
            say("%s: FAIL unknown test (known: blk, net, rng, fb, dd)", t);
    }
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
    run_tests();

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
