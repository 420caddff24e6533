// The floor under `newsconv batch`: what any batch must do per file, without converting.
// For each regular file of IN: read it; with a third argument, parse it with libxml2 (a reused
// context, NONET, the tree freed); write its bytes to OUT as an unnamed file linked into place,
// as the batch writes outputs. docs/benchmarks.md compares it with xmllint and the batch.
//
//   cc -O2 scripts/batch-floor.c $(pkg-config --cflags --libs libxml-2.0) -o /tmp/batch-floor
//   mkdir -p /dev/shm/floor && time /tmp/batch-floor IN /dev/shm/floor [parse]
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: batch-floor IN OUT [parse]\n");
        return 2;
    }
    const char *in = argv[1], *out = argv[2];
    int parse = argc > 3;
    DIR *folder = opendir(in);
    if (folder == NULL) { perror(in); return 1; }
    static char buffer[16 << 20];
    char path[4096], target[4096], proc[64];
    xmlInitParser();
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (entry->d_type != DT_REG) continue;
        snprintf(path, sizeof path, "%s/%s", in, entry->d_name);
        int input = open(path, O_RDONLY | O_CLOEXEC);
        struct stat info;
        if (input < 0 || fstat(input, &info) != 0 || info.st_size > (off_t) sizeof buffer) { perror(path); return 1; }
        ssize_t count = read(input, buffer, (size_t) info.st_size);
        close(input);
        if (parse) xmlFreeDoc(xmlCtxtReadMemory(context, buffer, (int) count, path, NULL, XML_PARSE_NONET));
        int output = open(out, O_WRONLY | O_CLOEXEC | O_TMPFILE, 0644);
        if (output < 0 || write(output, buffer, (size_t) count) != count) { perror(out); return 1; }
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", output);
        snprintf(target, sizeof target, "%s/%s", out, entry->d_name);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW) != 0) { perror(target); return 1; }
        close(output);
    }
    closedir(folder);
    return 0;
}
