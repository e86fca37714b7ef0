/*
 * Test helper for the memory fidelity test: waits for a line on stdin (so the test can move it into a cgroup
 * before anything is charged), then allocates and touches argv[1] MiB of anonymous memory, prints "ready" and
 * sleeps until killed. Built with -static so that its own footprint is a few pages, not a libc's worth.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char line[16];
    size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 100;
    if (fgets(line, sizeof line, stdin) == NULL) {
        return 1;
    }
    size_t len = mib << 20;
    char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    memset(p, 0x5a, len);   /* touch every page: untouched anonymous pages are not charged */
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        pause();
    }
}
